package vn.sohoa.app.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks, prefix {@code sohoa.webhooks}.
 *
 * @param secretOverlap how long a rotated secret keeps signing beside the new one, so that a receiver can switch
 *                      without refusing a delivery
 */
@ConfigurationProperties("sohoa.webhooks")
public record WebhookSettings(@DefaultValue("24h") Duration secretOverlap) {

    public WebhookSettings {
        if (secretOverlap.isNegative()) {
            throw new IllegalArgumentException("sohoa.webhooks.secret-overlap must not be negative");
        }
    }
}
