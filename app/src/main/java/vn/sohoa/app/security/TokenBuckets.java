package vn.sohoa.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code burst} requests at once, refilled at {@code ratePerSecond}. Per node, in memory;
 * buckets that have filled up again are forgotten once there are many, so that keys made up by the caller (addresses)
 * cannot grow the map without bound.
 */
final class TokenBuckets {

    private static final int FORGET_FULL_ABOVE = 10_000;

    private final double ratePerNano;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double ratePerSecond, double burst, Clock clock) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
    }

    int rate() {
        return (int) Math.round(ratePerNano * 1e9);
    }

    /** Takes one request from the key's bucket: 0 when allowed, else the seconds to wait before the next. */
    long acquire(String key) {
        if (buckets.size() > FORGET_FULL_ABOVE) {
            long now = nanos();
            buckets.values().removeIf(bucket -> bucket.tokensAt(now, ratePerNano, burst) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(key, c -> new Bucket(burst, nanos()));
        synchronized (bucket) {
            long now = nanos();
            bucket.tokens = bucket.tokensAt(now, ratePerNano, burst);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9));
        }
    }

    int size() {
        return buckets.size();
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized double tokensAt(long now, double ratePerNano, double burst) {
            return Math.min(burst, tokens + (now - at) * ratePerNano);
        }
    }
}
