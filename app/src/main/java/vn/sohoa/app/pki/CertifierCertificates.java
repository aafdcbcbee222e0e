package vn.sohoa.app.pki;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The certificates enrolled for each certifier: a certification signed with a key of the certifier's own (USB token,
 * remote signing) is accepted only with a certificate enrolled for the certifier who is signed in, so that a trusted
 * certificate of someone else cannot sign in their name. An administrator of the certifier's agency, or the certifier,
 * enrols one in two steps: the certificate's subject is shown, then confirmed.
 */
@Service
public class CertifierCertificates {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    CertifierCertificates(JdbcClient jdbc, UserRepository users, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** An enrolled (or about to be enrolled) certificate as the API shows it. */
    public record Enrolled(String fingerprint, String username, String subject, String issuer, String serial,
                           OffsetDateTime notBefore, OffsetDateTime notAfter, String enrolledBy,
                           OffsetDateTime enrolledAt, boolean confirmed) {
    }

    public List<Enrolled> list(SohoaPrincipal principal, String username) {
        requireMayManage(principal, username);
        return jdbc.sql("select * from certifier_certificates where username = ? order by enrolled_at")
                .param(username)
                .query((rs, n) -> new Enrolled(rs.getString("fingerprint"), rs.getString("username"),
                        rs.getString("subject"), rs.getString("issuer"), rs.getString("serial"),
                        VietnamTime.of(rs.getObject("not_before", OffsetDateTime.class)),
                        VietnamTime.of(rs.getObject("not_after", OffsetDateTime.class)), rs.getString("enrolled_by"),
                        VietnamTime.of(rs.getObject("enrolled_at", OffsetDateTime.class)), true))
                .list();
    }

    /**
     * Step one shows what would be enrolled ({@code confirm} false: nothing is stored); step two, with the same
     * certificate and {@code confirm} true, enrols it.
     *
     * @param encoded Base64 DER or PEM
     */
    public Enrolled enrol(SohoaPrincipal principal, String username, String encoded, boolean confirm) {
        requireMayManage(principal, username);
        X509Certificate certificate = parse(encoded);
        String fingerprint = fingerprint(certificate);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Enrolled shown = new Enrolled(fingerprint, username, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber().toString(16),
                VietnamTime.of(certificate.getNotBefore().toInstant().atOffset(VietnamTime.OFFSET)),
                VietnamTime.of(certificate.getNotAfter().toInstant().atOffset(VietnamTime.OFFSET)),
                principal.username(), VietnamTime.of(now), confirm);
        String holder = jdbc.sql("select username from certifier_certificates where fingerprint = ?")
                .param(fingerprint).query(String.class).optional().orElse(null);
        if (holder != null) {
            throw new ConflictException("this certificate is already enrolled" + (holder.equals(username) ? ""
                    : " for another certifier"), "chứng thư số này đã được đăng ký"
                    + (holder.equals(username) ? "" : " cho người khác"));
        }
        if (!confirm) {
            return shown;
        }
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw new InvalidInputException("certificate", "the certificate expired on "
                    + shown.notAfter().toLocalDate(), "chứng thư số đã hết hạn");
        }
        jdbc.sql("insert into certifier_certificates (fingerprint, username, subject, issuer, serial, not_before, "
                        + "not_after, certificate, enrolled_by, enrolled_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(fingerprint, username, shown.subject(), shown.issuer(), shown.serial(), shown.notBefore(),
                        shown.notAfter(), base64(certificate), principal.username(), now)
                .update();
        audit.record(principal.username(), principal.agencyCode(), AuditAction.CERTIFICATE_ENROLLED, username,
                shown.subject() + " (SHA-256 " + fingerprint + ")");
        return shown;
    }

    public void remove(SohoaPrincipal principal, String username, String fingerprint) {
        requireMayManage(principal, username);
        int removed = jdbc.sql("delete from certifier_certificates where username = ? and fingerprint = ?")
                .params(username, fingerprint).update();
        if (removed == 0) {
            throw new NotFoundException("certificate " + fingerprint + " of " + username);
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.CERTIFICATE_REMOVED, username,
                "SHA-256 " + fingerprint);
    }

    /**
     * Refuses a signature with {@code certificate} unless it is enrolled for {@code certifier}: the only check that
     * ties a trusted certificate to the person signed in.
     */
    public void requireEnrolled(SohoaPrincipal certifier, X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        String holder = jdbc.sql("select username from certifier_certificates where fingerprint = ?")
                .param(fingerprint).query(String.class).optional().orElse(null);
        if (!certifier.username().equals(holder)) {
            throw new ForbiddenException("the certificate " + certificate.getSubjectX500Principal().getName()
                    + " (SHA-256 " + fingerprint + ") is not enrolled for " + certifier.username() + (holder == null
                    ? "; an administrator or the certifier enrols it (POST /api/v1/users/" + certifier.username()
                    + "/certificates)" : " but for another certifier"),
                    "chứng thư số này chưa được đăng ký cho người thực hiện chứng thực đang đăng nhập");
        }
    }

    /** The certifier themselves, or an administrator of an agency that sees the certifier's. */
    private void requireMayManage(SohoaPrincipal principal, String username) {
        SohoaPrincipal user = users.find(username).orElseThrow(() -> new NotFoundException("user " + username));
        if (user.role() != Role.CERTIFIER) {
            throw new ConflictException(username + " is not a certifier", username + " không phải người thực hiện "
                    + "chứng thực");
        }
        boolean self = principal.username().equals(username);
        if (!self && principal.role() != Role.ADMIN) {
            throw new ForbiddenException("a certifier's certificates are managed by the certifier or an administrator",
                    "chỉ người thực hiện chứng thực hoặc quản trị viên được quản lý chứng thư số");
        }
        if (!self) {
            access.requireVisible(principal, user.agencyCode(), "user " + username);
        }
    }

    static X509Certificate parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new InvalidInputException("certificate", "certificate is required (Base64 DER or PEM)",
                    "cần chứng thư số (Base64 DER hoặc PEM)");
        }
        String base64 = encoded.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new InvalidInputException("certificate", "certificate is not a Base64 DER or PEM X.509 "
                    + "certificate", "chứng thư số không hợp lệ", e);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }
}
