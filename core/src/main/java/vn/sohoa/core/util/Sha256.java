package vn.sohoa.core.util;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form recorded in the database and in object metadata. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
