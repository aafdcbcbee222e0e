package vn.sohoa.app.delivery;

import java.net.URI;

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
 * @param portalUrl          the HTTPS endpoint of the one-stop system's or the portal's connector that files copies in
 *                           the citizen's data store; none: no portal delivery
 * @param portalToken        the system's credential there (sent as a bearer token)
 */
@ConfigurationProperties("sohoa.delivery")
public record DeliverySettings(@DefaultValue("false") boolean emailEnabled,
                               @DefaultValue("no-reply@sohoa.invalid") String from,
                               @DefaultValue("10MB") DataSize maxAttachmentSize, URI portalUrl, String portalToken) {

    @Override
    public String toString() {
        return "DeliverySettings[emailEnabled=" + emailEnabled + ", from=" + from + ", maxAttachmentSize="
                + maxAttachmentSize + ", portalUrl=" + portalUrl + ", portalToken=" + (portalToken == null ? null
                : "******") + "]";
    }
}
