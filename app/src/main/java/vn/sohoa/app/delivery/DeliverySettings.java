package vn.sohoa.app.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Delivery of certified copies to the requester, prefix {@code sohoa.delivery}. E-mail goes through the SMTP server
 * of {@code spring.mail.*} (host, port, username, password, TLS); the national portal's personal data store through
 * its connector.
 *
 * @param emailEnabled       send each copy to the requester's e-mail address, when one was given
 * @param from               the sender address of those e-mails
 * @param maxAttachmentSize  larger copies are sent as a time-limited download link instead of an attachment
 * @param linkLifetime       how long the download link of such an e-mail works (S3 allows at most 7 days)
 * @param portalUrl          the HTTPS endpoint of the one-stop system's or the portal's connector that files copies in
 *                           the citizen's data store; none: no portal delivery
 * @param portalToken        the system's credential there (sent as a bearer token)
 */
@ConfigurationProperties("sohoa.delivery")
public record DeliverySettings(@DefaultValue("false") boolean emailEnabled,
                               @DefaultValue("no-reply@sohoa.invalid") String from,
                               @DefaultValue("10MB") DataSize maxAttachmentSize,
                               @DefaultValue("3d") Duration linkLifetime, URI portalUrl,
                               String portalToken) {

    public DeliverySettings {
        if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("sohoa.delivery.link-lifetime must be within 1 s .. 7 days (S3's limit), not "
                    + linkLifetime);
        }
    }

    @Override
    public String toString() {
        return "DeliverySettings[emailEnabled=" + emailEnabled + ", from=" + from + ", maxAttachmentSize="
                + maxAttachmentSize + ", linkLifetime=" + linkLifetime + ", portalUrl=" + portalUrl + ", portalToken=" + (portalToken == null ? null
                : "******") + "]";
    }
}
