package vn.sohoa.app.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys of other systems, prefix {@code sohoa.api-clients}.
 *
 * @param defaultLifetime a new key's lifetime when the administrator gives no {@code expiresAt}
 * @param maxLifetime     the longest lifetime a key may be given; a key is renewed by issuing a new one
 */
@ConfigurationProperties("sohoa.api-clients")
public record ApiClientSettings(@DefaultValue("365d") Duration defaultLifetime,
                                @DefaultValue("730d") Duration maxLifetime) {

    public ApiClientSettings {
        if (defaultLifetime.isNegative() || defaultLifetime.isZero() || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("sohoa.api-clients.default-lifetime must be positive and at most "
                    + "sohoa.api-clients.max-lifetime (" + maxLifetime + "), not " + defaultLifetime);
        }
    }
}
