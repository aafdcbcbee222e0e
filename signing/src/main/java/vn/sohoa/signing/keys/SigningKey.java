package vn.sohoa.signing.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain, signer first. The key may be a software key or a handle into a token;
 * {@link #toString()} never shows key material.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** JCA signature algorithm matching the key type, always with SHA-256. */
    public String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new SigningException("unsupported key algorithm " + privateKey.getAlgorithm());
        };
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
