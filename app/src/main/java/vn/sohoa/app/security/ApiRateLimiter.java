package vn.sohoa.app.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;

/**
 * A token bucket per API client: {@code apiBurst} requests at once, refilled at {@code apiRate} per second, so that
 * one system polling in a loop cannot take the OCR's CPU from the desks. Per node, in memory.
 */
@Component
public class ApiRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ApiRateLimiter(SohoaProperties properties, Clock clock) {
        this.ratePerNano = properties.security().apiRate() / 1e9;
        this.burst = properties.security().apiBurst();
        this.clock = clock;
    }

    public int rate() {
        return (int) Math.round(ratePerNano * 1e9);
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds to wait before the next. */
    public long acquire(String client) {
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nanos()));
        synchronized (bucket) {
            long now = nanos();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * ratePerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9));
        }
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
