package vn.sohoa.app.certify;

import java.time.OffsetDateTime;

/** An issued electronic certified copy and its register entry. */
public record Certification(String id, String documentId, String dossierCode, String agencyCode, RegisterKind kind,
                            int year, long registerNumber, String book, String certifier,
                            OffsetDateTime certifiedAt, String objectKey, String sha256, long size, int pages,
                            long feeVnd) {
}
