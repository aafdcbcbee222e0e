package vn.sohoa.app.certify;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The certification register's settings, prefix {@code sohoa.certification}.
 *
 * @param maxCopies        most copies of one original certified at once under one number
 * @param interruptedAfter a register number still pending after this long was interrupted (a node stopped):
 *                         it is settled as issued or void
 * @param externalSigningTimeout how long a certifier signing outside the service (USB token, remote signing)
 *                               has to return the signature value; shorter than interruptedAfter
 * @param imagesDirectory   where the pictures of seals ({@code seal-<agency code>.png}) and signatures
 *                          ({@code signature-<username>.png}) are, drawn in the statement; default
 *                          {@code <home>/images}; a missing picture is left out
 * @param imageHeightPoints how tall they are drawn (points; 44 ≈ 1.55 cm)
 * @param level                PAdES level of new copies: LT, or LTA with archive time-stamps
 * @param archiveRenewalMargin an LTA copy gets a new archive time-stamp this long before the certificate of
 *                             its last one expires (checked daily)
 * @param settleEvery          how often one node looks for numbers left pending and sessions past their deadline
 */
@ConfigurationProperties("sohoa.certification")
public record CertificationSettings(@DefaultValue("20") int maxCopies,
                                    @DefaultValue("10m") Duration interruptedAfter,
                                    @DefaultValue("5m") Duration externalSigningTimeout, Path imagesDirectory,
                                    @DefaultValue("44") float imageHeightPoints,
                                    @DefaultValue("LT") CopyLevel level,
                                    @DefaultValue("90d") Duration archiveRenewalMargin,
                                    @DefaultValue("1m") Duration settleEvery) {
}
