package vn.sohoa.app.dossier;

import java.time.OffsetDateTime;

/** A dossier (hồ sơ) received at an agency's one-stop desk. */
public record Dossier(String code, String agencyCode, String procedureCode, OffsetDateTime receivedAt,
                      String createdBy) {
}
