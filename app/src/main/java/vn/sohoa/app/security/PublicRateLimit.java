package vn.sohoa.app.security;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.error.ProblemResponses;

/**
 * What anyone may call without signing in, or with any account, is rate-limited per client address, prefix
 * {@code sohoa.public-rate-limit}: the public verification page and its form ({@code /v/…}, where a verification
 * code is entered), the OCSP responder ({@code /pki/ocsp}) and the verification API ({@code /api/v1/verifications},
 * which runs a full validation per file). Beyond the limit: 429 with {@code Retry-After}.
 *
 * @param rate  requests per second one address may make on average
 * @param burst requests one address may make at once after a quiet moment
 */
@ConfigurationProperties("sohoa.public-rate-limit")
public record PublicRateLimit(@DefaultValue("10") int rate, @DefaultValue("100") int burst) {

    static final List<String> PREFIXES = List.of("/v/", "/pki/ocsp", "/api/v1/verifications");

    public PublicRateLimit {
        if (rate < 1 || burst < 1) {
            throw new IllegalArgumentException("sohoa.public-rate-limit.rate and .burst must be at least 1");
        }
    }

    /** The filter: one bucket per client address (as {@link ClientAddressFilter} found it). */
    static final class Filter extends OncePerRequestFilter {

        private final TokenBuckets buckets;

        Filter(PublicRateLimit limit, Clock clock) {
            this.buckets = new TokenBuckets(limit.rate(), limit.burst(), clock);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return PREFIXES.stream().noneMatch(path::startsWith);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long wait = buckets.acquire(request.getRemoteAddr());
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", "More than "
                        + buckets.rate() + " requests per second from this address; retry after " + wait
                        + " s / Quá nhiều yêu cầu từ địa chỉ này, hãy thử lại sau " + wait + " giây",
                        Map.of("limit", buckets.rate()));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {
        /** After the client address is known (order -200), before Spring Security (order -100). */
        @Bean
        FilterRegistrationBean<Filter> publicRateLimitFilter(PublicRateLimit limit, Clock clock) {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(limit, clock));
            registration.setOrder(-150);
            return registration;
        }
    }
}
