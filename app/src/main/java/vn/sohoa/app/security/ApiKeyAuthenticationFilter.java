package vn.sohoa.app.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.error.ProblemResponses;
import vn.sohoa.app.principal.SohoaPrincipal;

/**
 * {@code Authorization: Bearer <api key>} for other systems. An unknown, disabled, expired or revoked key is a 401
 * that says which, never a fallback to another way of signing in.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiClientRepository clients;
    private final ApiRateLimiter limiter;

    ApiKeyAuthenticationFilter(ApiClientRepository clients, ApiRateLimiter limiter) {
        this.clients = clients;
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var check = clients.check(header.substring(7).strip());
            if (check.isEmpty() || check.get().state() != ApiKeyState.ACTIVE) {
                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", check.isEmpty()
                        ? "Unknown API key / Khóa API không hợp lệ" : check.get().state().refusal());
                return;
            }
            SohoaPrincipal client = check.get().principal();
            clients.used(check.get().clientId());
            long wait = limiter.acquire(client.username());
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", "More than "
                        + limiter.rate() + " requests per second from this API client; retry after " + wait
                        + " s / Vượt giới hạn số yêu cầu mỗi giây của khóa API", Map.of("limit",
                        limiter.rate()));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null,
                    client.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
