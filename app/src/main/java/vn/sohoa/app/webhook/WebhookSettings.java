package vn.sohoa.app.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks, prefix {@code sohoa.webhooks}.
 *
 * @param secretOverlap           how long a rotated secret keeps signing beside the new one, so that a receiver
 *                                can switch without refusing a delivery
 * @param maxConcurrentDeliveries deliveries one node sends at once; the others wait their turn without holding a
 *                                job thread, so slow receivers never stall OCR
 */
@ConfigurationProperties("sohoa.webhooks")
public record WebhookSettings(@DefaultValue("24h") Duration secretOverlap,
                              @DefaultValue("1") int maxConcurrentDeliveries) {

    public WebhookSettings {
        if (secretOverlap.isNegative()) {
            throw new IllegalArgumentException("sohoa.webhooks.secret-overlap must not be negative");
        }
        if (maxConcurrentDeliveries < 1) {
            throw new IllegalArgumentException("sohoa.webhooks.max-concurrent-deliveries must be at least 1");
        }
    }
}
