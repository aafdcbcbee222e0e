package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.sohoa.testkit.HandClock;

/** The public endpoints' limit per address, on a clock the test moves; other paths are not counted. */
class PublicRateLimitTest {

    private final HandClock clock = ThrottlingTest.clock();
    private final PublicRateLimit.Filter filter = new PublicRateLimit.Filter(new PublicRateLimit(2, 5), clock);

    private int status(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void guessingVerificationCodesIsSlowedPerAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(status("POST", "/v/1c0f7a52-5b1e-4c7e-9d0a-2f3b4c5d6e7f", "203.0.113.9")).isEqualTo(200);
        }
        assertThat(status("POST", "/v/1c0f7a52-5b1e-4c7e-9d0a-2f3b4c5d6e7f", "203.0.113.9")).isEqualTo(429);
        assertThat(status("POST", "/pki/ocsp", "203.0.113.9")).as("one bucket per address").isEqualTo(429);
        assertThat(status("POST", "/api/v1/verifications", "203.0.113.9")).isEqualTo(429);
        assertThat(status("GET", "/v/any", "198.51.100.4")).as("another address").isEqualTo(200);
        assertThat(status("GET", "/api/v1/dossiers", "203.0.113.9")).as("not a public path").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(status("GET", "/v/any", "203.0.113.9")).as("refilled at 2 a second").isEqualTo(200);
    }

    @Test
    void addressesMadeUpByTheMillionDoNotGrowTheMemoryWithoutBound() {
        TokenBuckets buckets = new TokenBuckets(2, 5, clock);
        for (int i = 0; i < 30_000; i++) {
            buckets.acquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
            if (i % 10_000 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(20_001);
    }
}
