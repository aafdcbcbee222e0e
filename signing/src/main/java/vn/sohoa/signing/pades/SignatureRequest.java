package vn.sohoa.signing.pades;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What goes into one signature besides the key.
 *
 * @param role        certifier or agency
 * @param signerName  the name shown in the signature dictionary
 * @param reason      why it is signed, e.g. "Chứng thực bản sao điện tử từ bản chính, số 12"
 * @param location    where, e.g. the agency's name
 * @param signingTime the claimed signing time, in Vietnam time (+07:00); the time-stamp proves it
 * @param lock        whether this signature closes the document to all changes but validation data and
 *                    document time-stamps (the agency's signature, which completes a certified copy)
 */
public record SignatureRequest(SignerRole role, String signerName, String reason, String location,
                               ZonedDateTime signingTime, boolean lock) {

    public SignatureRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signingTime, "signingTime");
    }

    /** A signature that leaves the document open to further signatures. */
    public SignatureRequest(SignerRole role, String signerName, String reason, String location,
                            ZonedDateTime signingTime) {
        this(role, signerName, reason, location, signingTime, false);
    }
}
