package vn.sohoa.app.certify;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * A certified copy's identity, fixed before its statement is stamped because the statement's QR code carries it:
 * the copy's id and its verification code (20 characters from an alphabet without look-alikes, about 99 bits).
 */
public record CopyIdentity(String id, String verificationCode) {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CopyIdentity next() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new CopyIdentity(UUID.randomUUID().toString(), code.toString());
    }

    /** The public verification page of the copy, as printed in its QR code. */
    public String verificationUrl(String publicBaseUrl) {
        return publicBaseUrl + "/v/" + id + "?h=" + verificationCode.substring(0, Certification.HINT_LENGTH);
    }
}
