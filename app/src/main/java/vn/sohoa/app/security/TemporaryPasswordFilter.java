package vn.sohoa.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.sohoa.app.principal.SohoaPrincipal;

/**
 * A user whose password an administrator set (a new account, a reset) changes it before anything else: the API
 * answers 403 naming {@code password} except to {@code POST /api/v1/me/password}, and the pages lead to
 * {@code /password}. So an administrator never keeps a password that works for someone else's account.
 */
final class TemporaryPasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_API = "/api/v1/me/password";
    static final String CHANGE_PAGE = "/password";

    private final UserRepository users;

    TemporaryPasswordFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SohoaPrincipal user
                && !user.username().contains(":") && users.mustChangePassword(user.username())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                if (!path.equals(CHANGE_API)) {
                    response.setStatus(403);
                    response.setContentType("application/problem+json;charset=UTF-8");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Password change required\","
                            + "\"status\":403,\"field\":\"password\",\"detail\":\"this account's password was set by "
                            + "an administrator and must be changed first: POST " + CHANGE_API + " with "
                            + "currentPassword and newPassword\",\"detailVi\":\"Mật khẩu do quản trị viên đặt, cần "
                            + "đổi mật khẩu trước khi sử dụng\"}");
                    return;
                }
            } else if (!path.equals(CHANGE_PAGE) && !path.equals("/logout") && !path.startsWith("/css/")
                    && !path.startsWith("/js/")) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
