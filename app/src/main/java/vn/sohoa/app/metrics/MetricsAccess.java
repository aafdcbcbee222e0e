package vn.sohoa.app.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.error.ProblemResponses;

/**
 * The metrics endpoint's own credential, prefix {@code sohoa.metrics}: Prometheus scrapes
 * {@code /actuator/prometheus} with {@code Authorization: Bearer <token>}; no user account or API key opens it, and
 * without a token configured it stays shut.
 *
 * @param token the scraper's bearer token ({@code SOHOA_METRICS_TOKEN}); none: metrics are not served
 */
@ConfigurationProperties("sohoa.metrics")
public record MetricsAccess(String token) {

    @Override
    public String toString() {
        return "MetricsAccess[token=" + (token == null ? null : "******") + "]";
    }

    boolean accepts(String authorization) {
        if (token == null || token.isBlank() || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Chain {
        @Bean
        @Order(0)
        SecurityFilterChain metricsChain(HttpSecurity http, MetricsAccess access) throws Exception {
            http.securityMatcher("/actuator/prometheus")
                    .addFilterBefore(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                        FilterChain chain) throws ServletException, IOException {
                            if (!access.accepts(request.getHeader("Authorization"))) {
                                response.setHeader("WWW-Authenticate", "Bearer realm=\"sohoa-metrics\"");
                                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                        "The metrics need the scraper's token (Authorization: Bearer, "
                                                + "sohoa.metrics.token / SOHOA_METRICS_TOKEN) / Cần mã truy cập số "
                                                + "liệu giám sát");
                                return;
                            }
                            chain.doFilter(request, response);
                        }
                    }, SecurityContextHolderFilter.class)
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
            return http.build();
        }
    }
}
