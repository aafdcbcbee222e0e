package vn.sohoa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short time that a password matched its stored hash. Another system calling the API with HTTP Basic
 * sends the password with every request, and bcrypt costs tens of milliseconds of CPU by design: without this, a busy
 * integration spends a core on hashing. Elasticsearch's realm cache works the same way.
 *
 * <p>Only matches are remembered, keyed by an HMAC-SHA-256 (random key, made at start, never stored) of the stored
 * hash and the password: a changed password or a new hash misses at once, and a wrong password always goes through
 * bcrypt and the sign-in throttle. Entries expire after {@code ttl}; {@link Duration#ZERO} turns remembering off.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    /** Most entries kept; when full, all are dropped (a flood of distinct valid passwords is not a normal load). */
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final Map<String, Long> rememberedUntil = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration ttl, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (ttlNanos <= 0 || rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = fingerprint(rawPassword, encodedPassword);
        long now = nanoTime.getAsLong();
        Long until = rememberedUntil.get(entry);
        if (until != null && now - until < 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (rememberedUntil.size() >= MAX_ENTRIES) {
                rememberedUntil.clear();
            }
            rememberedUntil.put(entry, now + ttlNanos);
        } else if (until != null) {
            rememberedUntil.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
