package vn.sohoa.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: {@code /api/**} for HTTP Basic users and API-key systems (no CSRF: no form posts there), and the
 * web pages with form login, CSRF and a session. Public: the login page, the development PKI's root and CRL, the
 * OpenAPI documents and the health probe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm recorded in the hash so it can change later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiClientRepository clients) throws Exception {
        AuthenticationEntryPoint problem = (request, response, exception) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"sohoa\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Sign in with HTTP Basic or an API key (Authorization: Bearer) / "
                    + "Cần đăng nhập\"}");
        };
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/pki/**", "/v/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/actuator/health", "/css/**", "/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                // relying parties post OCSP requests, citizens present files to compare, without a session;
                // neither changes state
                .csrf(csrf -> csrf.ignoringRequestMatchers("/pki/**", "/v/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
