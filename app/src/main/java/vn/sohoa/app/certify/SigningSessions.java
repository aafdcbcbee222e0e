package vn.sohoa.app.certify;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.signing.pades.PreparedSignature;

/** Prepared signatures waiting for a certifier's signature value, kept in the database so any node completes them. */
@Repository
public class SigningSessions {

    public enum Status { OPEN, COMPLETED, FAILED, EXPIRED, CANCELLED }

    /** A session and the signature it prepared. */
    public record Session(String id, String documentId, String certifier, Register.Reservation reservation,
                          CopyIdentity identity, PreparedSignature prepared, Status status,
                          OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;

    SigningSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Session open(Register.Reservation reservation, String documentId, String certifier, CopyIdentity identity,
                 PreparedSignature prepared, OffsetDateTime expiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into signing_sessions (id, document_id, agency_code, kind, register_year, register_number, "
                        + "book, certifier, copy_id, verification_code, prepared_pdf, byte_range, signed_attributes, "
                        + "certificate_chain, status, reserved_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, documentId, reservation.agencyCode(), reservation.kind().name(), reservation.year(),
                        reservation.number(), reservation.book(), certifier, identity.id(),
                        identity.verificationCode(), prepared.pdf(),
                        Arrays.stream(prepared.byteRange()).mapToObj(String::valueOf).collect(Collectors.joining(" ")),
                        prepared.signedAttributes(), encode(prepared.chain()), Status.OPEN.name(),
                        reservation.at().toOffsetDateTime(), expiresAt)
                .update();
        return new Session(id, documentId, certifier, reservation, identity, prepared, Status.OPEN, expiresAt);
    }

    Optional<Session> find(String id) {
        return jdbc.sql("select * from signing_sessions where id = ?").param(id).query((rs, n) -> {
            RegisterKind kind = RegisterKind.valueOf(rs.getString("kind"));
            int year = rs.getInt("register_year");
            String book = rs.getString("book");
            ZonedDateTime reservedAt = VietnamTime.of(rs.getObject("reserved_at", OffsetDateTime.class))
                    .atZoneSameInstant(VietnamTime.ZONE);
            Register.Reservation reservation = new Register.Reservation(rs.getString("agency_code"), kind, year,
                    rs.getLong("register_number"), bookNumber(book), book, reservedAt);
            int[] byteRange = Arrays.stream(rs.getString("byte_range").split(" ")).mapToInt(Integer::parseInt)
                    .toArray();
            PreparedSignature prepared = new PreparedSignature(rs.getBytes("prepared_pdf"), byteRange,
                    rs.getBytes("signed_attributes"), decode(rs.getBytes("certificate_chain")));
            return new Session(rs.getString("id"), rs.getString("document_id"), rs.getString("certifier"),
                    reservation, new CopyIdentity(rs.getString("copy_id"), rs.getString("verification_code")),
                    prepared, Status.valueOf(rs.getString("status")),
                    VietnamTime.of(rs.getObject("expires_at", OffsetDateTime.class)));
        }).optional();
    }

    void close(String id, Status status) {
        jdbc.sql("update signing_sessions set status = ? where id = ? and status = ?")
                .params(status.name(), id, Status.OPEN.name()).update();
    }

    /** Marks sessions past their deadline expired; their numbers are settled void by the register. */
    int expire(OffsetDateTime now) {
        return jdbc.sql("update signing_sessions set status = ? where status = ? and expires_at < ?")
                .params(Status.EXPIRED.name(), Status.OPEN.name(), now).update();
    }

    private static int bookNumber(String book) {
        return Integer.parseInt(book.substring(0, book.indexOf('/')));
    }

    /** The chain as a PkiPath (RFC 3279 style SEQUENCE OF Certificate). */
    private static byte[] encode(List<X509Certificate> chain) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(chain).getEncoded("PkiPath");
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a certificate chain", e);
        }
    }

    private static List<X509Certificate> decode(byte[] pkiPath) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertPath(new ByteArrayInputStream(pkiPath), "PkiPath").getCertificates().stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate chain cannot be read", e);
        }
    }
}
