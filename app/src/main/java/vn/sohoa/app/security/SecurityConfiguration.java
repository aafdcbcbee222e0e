package vn.sohoa.app.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import jakarta.servlet.http.HttpServletRequest;
import vn.sohoa.app.config.DeskSigner;
import vn.sohoa.app.error.ProblemResponses;

/**
 * Two filter chains: {@code /api/**} for HTTP Basic users and API-key systems (a CSRF token for every state-changing
 * call but those with an API key, see {@link ApiCsrfTokens}), and the
 * web pages with form login, CSRF and a session. Public: the login page, the development PKI's root and CRL, the
 * OpenAPI documents and the health probe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiClientRepository clients, ApiRateLimiter limiter,
                                 UserRepository users, ServiceSecrets secrets) throws Exception {
        AuthenticationEntryPoint problem = (request, response, exception) -> {
            // a browser that is offered Basic asks for a password and then replays it on requests other sites
            // make it send: browsers are offered only the API key scheme, which they never prompt for
            if (!isBrowser(request)) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"sohoa\"");
            }
            response.addHeader("WWW-Authenticate", "Bearer realm=\"sohoa\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", isLockout(exception)
                    ? exception.getMessage()
                    : "Sign in with HTTP Basic or an API key (Authorization: Bearer) / Cần đăng nhập");
        };
        http.securityMatcher("/api/**")
                // Only an API key exempts a call from the CSRF token: browsers never add one on their own, while
                // they do replay cached Basic credentials and the session cookie on requests other sites make.
                .csrf(csrf -> csrf.csrfTokenRepository(new ApiCsrfTokens(secrets))
                        .ignoringRequestMatchers(ApiCsrfTokens::carriesApiKey))
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, limiter), BasicAuthenticationFilter.class)
                .addFilterAfter(new TemporaryPasswordFilter(users),
                        AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem)
                        .accessDeniedHandler((request, response, denied) -> {
                            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden", "A call that "
                                    + "changes something with a password (HTTP Basic) or the web session must carry "
                                    + "the CSRF token in X-CSRF-TOKEN: GET /api/v1/csrf gives it; other systems use an "
                                    + "API key (Authorization: Bearer) / Thiếu hoặc sai mã chống giả mạo (CSRF): lấy "
                                    + "mã tại GET /api/v1/csrf và gửi trong X-CSRF-TOKEN",
                                    Map.of("header", "X-CSRF-TOKEN"));
                        }))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /**
     * Whether the request comes from a web browser: every current browser sends the Fetch metadata headers, and
     * older ones name themselves Mozilla.
     */
    static boolean isBrowser(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || (agent != null && agent.startsWith("Mozilla/"));
    }

    /** A refusal because of too many failed sign-ins (the user service throws it, the provider may wrap it). */
    static boolean isLockout(AuthenticationException exception) {
        return exception instanceof LockedException || exception.getCause() instanceof LockedException;
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserRepository users, DeskSigner signer) throws Exception {
        http.addFilterAfter(new TemporaryPasswordFilter(users),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/pki/**", "/v/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/actuator/health", "/css/**", "/js/**", "/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                // relying parties post OCSP requests, citizens present files to compare, without a session;
                // neither changes state
                .csrf(csrf -> csrf.ignoringRequestMatchers("/pki/**", "/v/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (isLockout(exception) ? "/login?locked" : "/login?error"))))
                .headers(headers -> headers
                        // no inline script anywhere: pages load their scripts from /js and /webjars
                        // the certifier's page also talks to the desk signing agent on the certifier's computer
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "connect-src 'self' " + signer.url() + "; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
