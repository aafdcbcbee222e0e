package vn.sohoa.app.certify;

import java.time.OffsetDateTime;

/**
 * An issued electronic certified copy and its register entry; several copies of one original made at once share the
 * register number and differ by {@code copyIndex} (1, 2, …).
 */
public record Certification(String id, String documentId, String dossierCode, String agencyCode, RegisterKind kind,
                            int year, long registerNumber, int copyIndex, String book, String certifier,
                            OffsetDateTime certifiedAt, String objectKey, String sha256, long size, int pages,
                            long feeVnd) {
}
