package vn.sohoa.app.dossier;

import java.time.OffsetDateTime;

import vn.sohoa.app.citizen.Requester;

/**
 * A dossier (hồ sơ) received at an agency's one-stop desk; {@code applicant}, when the desk recorded one, is who
 * filed it, from whom a certification's requester is pre-filled.
 */
public record Dossier(String code, String agencyCode, String procedureCode, OffsetDateTime receivedAt,
                      String createdBy, Requester applicant) {
}
