package vn.sohoa.signing.stamp;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The facts a certification statement states.
 *
 * @param registerNumber  the number in the certification register (số chứng thực)
 * @param book            the register book label, e.g. {@code 01/2026-SCTĐT/BS}
 * @param certifiedAt     when, in Vietnam time (+07:00)
 * @param verificationUrl where anyone checks the copy (printed as a QR code beside the statement), or null
 */
public record CertificationStatement(long registerNumber, String book, ZonedDateTime certifiedAt,
                                     String certifierName, String certifierTitle, String agencyName,
                                     String verificationUrl) {

    public CertificationStatement {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(certifiedAt, "certifiedAt");
    }

    public LocalDate date() {
        return certifiedAt.toLocalDate();
    }
}
