package vn.sohoa.signer;

import java.security.cert.X509Certificate;
import java.util.List;

/** The officer's token as the agent uses it: the certificates on it, and signing a digest with one's key. */
public interface TokenAccess {

    /** A certificate on the token with a private key beside it, and its chain (itself first) as the token has it. */
    record TokenCertificate(String fingerprint, X509Certificate certificate, List<X509Certificate> chain) {
    }

    List<TokenCertificate> certificates();

    /**
     * Signs a SHA-256 digest with the key of the certificate {@code fingerprint}: RSA PKCS#1 v1.5 over the digest's
     * DigestInfo, or ECDSA (DER) over the digest.
     */
    byte[] signDigest(String fingerprint, byte[] sha256Digest);
}
