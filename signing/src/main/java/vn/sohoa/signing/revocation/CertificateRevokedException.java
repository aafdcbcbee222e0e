package vn.sohoa.signing.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;

import vn.sohoa.signing.keys.SigningException;

/** A certificate in a signer's chain is revoked: nothing may be signed with it. */
public final class CertificateRevokedException extends SigningException {

    private final transient X509Certificate certificate;
    private final Instant revokedAt;

    public CertificateRevokedException(X509Certificate certificate, Instant revokedAt, String source) {
        super("the certificate of " + certificate.getSubjectX500Principal().getName() + " (serial "
                + certificate.getSerialNumber().toString(16) + ") was revoked on " + revokedAt + " (" + source + ")",
                "Chứng thư số của " + certificate.getSubjectX500Principal().getName() + " đã bị thu hồi từ "
                        + revokedAt + " (" + source + "), không được dùng để ký", null);
        this.certificate = certificate;
        this.revokedAt = revokedAt;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
