package vn.sohoa.signing.stamp;

import java.time.LocalDate;

/**
 * The facts a certification statement states.
 *
 * @param registerNumber the number in the certification register (số chứng thực)
 * @param book           the register book label, e.g. {@code 01/2026-SCTĐT/BS}
 * @param date           the certification date, Vietnam time
 */
public record CertificationStatement(long registerNumber, String book, LocalDate date, String certifierName,
                                     String certifierTitle, String agencyName) {
}
