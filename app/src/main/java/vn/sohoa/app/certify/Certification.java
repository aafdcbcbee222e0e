package vn.sohoa.app.certify;

import java.time.OffsetDateTime;

import vn.sohoa.app.citizen.Requester;

/**
 * An issued electronic certified copy and its register entry; several copies of one original made at once share the
 * register number and differ by {@code copyIndex} (1, 2, …). {@code requester} is who asked for it (null for copies
 * made before requesters were recorded); {@code feeLine} is the receipt's line of the fee as it was charged.
 */
public record Certification(String id, String documentId, String dossierCode, String agencyCode, RegisterKind kind,
                            int year, long registerNumber, int copyIndex, String book, String certifier,
                            String certifierName, String certifierTitle,
                            OffsetDateTime certifiedAt, String objectKey, String sha256, long size, int pages,
                            long feeVnd, String feeLine, String verificationCode, OffsetDateTime archiveExpiresAt,
                            Requester requester) {

    /** Characters of the verification code printed in the QR code: enough to stop guessing, not enough to read. */
    public static final int HINT_LENGTH = 8;

    public String verificationHint() {
        return verificationCode == null ? null : verificationCode.substring(0, HINT_LENGTH);
    }
}
