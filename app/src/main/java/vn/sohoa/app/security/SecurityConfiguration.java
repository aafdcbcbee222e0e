package vn.sohoa.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: {@code /api/**} for HTTP Basic users and API-key systems (CSRF tokens only for calls that rely
 * on the web session instead of an Authorization header), and the
 * web pages with form login, CSRF and a session. Public: the login page, the development PKI's root and CRL, the
 * OpenAPI documents and the health probe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiClientRepository clients, ApiRateLimiter limiter,
                                 UserRepository users) throws Exception {
        AuthenticationEntryPoint problem = (request, response, exception) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"sohoa\"");
            response.setContentType("application/problem+json;charset=UTF-8");
            String detail = isLockout(exception) ? exception.getMessage()
                    : "Sign in with HTTP Basic or an API key (Authorization: Bearer) / Cần đăng nhập";
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        };
        http.securityMatcher("/api/**")
                // A request that carries its own credentials (HTTP Basic, an API key) cannot be forged by another
                // site: browsers do not add an Authorization header cross-site. A request that relies on the web
                // page's session cookie can, so a state-changing one must carry the page's CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, limiter), BasicAuthenticationFilter.class)
                .addFilterAfter(new TemporaryPasswordFilter(users),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem)
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(403);
                            response.setContentType("application/problem+json;charset=UTF-8");
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\","
                                    + "\"status\":403,\"detail\":\"A call that relies on the web session must "
                                    + "carry the page's CSRF token (X-CSRF-TOKEN); other systems send an "
                                    + "Authorization header / Thiếu mã chống giả mạo (CSRF)\"}");
                        }))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /** A refusal because of too many failed sign-ins (the user service throws it, the provider may wrap it). */
    static boolean isLockout(org.springframework.security.core.AuthenticationException exception) {
        return exception instanceof org.springframework.security.authentication.LockedException
                || exception.getCause() instanceof org.springframework.security.authentication.LockedException;
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserRepository users, vn.sohoa.app.config.DeskSigner signer)
            throws Exception {
        http.addFilterAfter(new TemporaryPasswordFilter(users),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
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
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
