package vn.sohoa.signing.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private key and its certificate chain, signer first. The key may be a software key or a handle into a token;
 * {@link #toString()} never shows key material.
 *
 * @param provider the JCA provider that holds the key (a PKCS#11 token's), or null for the default providers
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    /** A software key, usable with the default providers. */
    public SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this(privateKey, chain, null);
    }

    /** Signs through the key's own provider when it has one: a token key never leaves its token. */
    public ContentSigner contentSigner() {
        var builder = new JcaContentSignerBuilder(signatureAlgorithm());
        if (provider != null) {
            builder.setProvider(provider);
        }
        try {
            return builder.build(privateKey);
        } catch (OperatorCreationException e) {
            throw new SigningException("cannot use the key of " + this + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** JCA signature algorithm matching the key type, always with SHA-256. */
    public String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> throw new SigningException("unsupported key algorithm " + privateKey.getAlgorithm());
        };
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
