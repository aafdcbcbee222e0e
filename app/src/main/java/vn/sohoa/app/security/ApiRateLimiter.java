package vn.sohoa.app.security;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;

/**
 * A token bucket per API client: {@code apiBurst} requests at once, refilled at {@code apiRate} per second, so that
 * one system polling in a loop cannot take the OCR's CPU from the desks. Per node, in memory.
 */
@Component
public class ApiRateLimiter {

    private final TokenBuckets buckets;

    ApiRateLimiter(SohoaProperties properties, Clock clock) {
        this.buckets = new TokenBuckets(properties.security().apiRate(), properties.security().apiBurst(), clock);
    }

    public int rate() {
        return buckets.rate();
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds to wait before the next. */
    public long acquire(String client) {
        return buckets.acquire(client);
    }
}
