package vn.sohoa.app.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.sohoa.core.util.PrivateFiles;

/**
 * The key of the audit chain's HMAC, kept outside the database (a file, 0600): someone who can write to the
 * database but not read this file cannot rewrite an entry and the chain after it so that it still verifies.
 */
public final class AuditKey {

    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
    }

    public static AuditKey of(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an audit key has at least 32 bytes");
        }
        return new AuditKey(key);
    }

    /** Reads the key from {@code file}, or makes one there (0600) if there is none yet. */
    public static AuditKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] made = new byte[32];
                new SecureRandom().nextBytes(made);
                PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
                try {
                    PrivateFiles.writeNew(file, Base64.getEncoder().encode(made));
                } catch (FileAlreadyExistsException raced) {
                    // another node or tool made it at the same moment: read theirs
                }
            }
            return of(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + file, e);
        }
    }

    /** The hex HMAC-SHA256 of {@code text}. */
    public String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
