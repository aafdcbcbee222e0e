package vn.sohoa.app.storage;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;

/** Time-limited GET links straight to the object store, for systems that fetch large files without Sohoa in between. */
@Component
public class PresignedLinks {

    private final ObjectStore store;
    private final SohoaProperties.Storage settings;

    PresignedLinks(ObjectStore store, SohoaProperties properties) {
        this.store = store;
        this.settings = properties.storage();
    }

    /** A link and when it stops working. */
    public record Link(String url, OffsetDateTime expiresAt) {
    }

    /** @param expiresInSeconds the lifetime asked for, or null for the configured default */
    public Link issue(ObjectKey key, Integer expiresInSeconds) {
        Duration expiry = expiresInSeconds == null ? settings.presignExpiry() : Duration.ofSeconds(expiresInSeconds);
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(settings.presignMaxExpiry()) > 0) {
            throw new InvalidInputException("expiresInSeconds", "expiresInSeconds must be within 1.."
                    + settings.presignMaxExpiry().toSeconds(), "thời hạn liên kết (expiresInSeconds) phải từ 1 đến "
                    + settings.presignMaxExpiry().toSeconds() + " giây");
        }
        OffsetDateTime expiresAt = OffsetDateTime.now(VietnamTime.OFFSET).plus(expiry).withNano(0);
        return new Link(store.presignedGetUrl(key, expiry), expiresAt);
    }
}
