package vn.sohoa.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

/**
 * A user whose password an administrator set (a new account, a reset) changes it before anything else: the API
 * answers 403 naming {@code password} except to {@code POST /api/v1/me/password}, and the pages lead to
 * {@code /password}. So an administrator never keeps a password that works for someone else's account. Then a
 * certifier with no signing PIN sets one before anything else (403 naming {@code signingPin} except to
 * {@code PUT /api/v1/me/signing-pin}): the PIN is chosen at the certifier's first sign-in, and from then on only the
 * old PIN replaces it.
 */
final class TemporaryPasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_API = "/api/v1/me/password";
    static final String PIN_API = "/api/v1/me/signing-pin";
    /** The token a password caller sends with the change itself. */
    static final String CSRF_API = "/api/v1/csrf";
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
                && !user.username().contains(":")) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean page = !path.startsWith("/api/");
            boolean free = page ? path.equals(CHANGE_PAGE) || path.equals("/logout") || path.startsWith("/css/")
                    || path.startsWith("/js/") : path.equals(CHANGE_API) || path.equals(CSRF_API);
            if (!free && users.mustChangePassword(user.username())) {
                refuse(request, response, page, "Password change required", "password", "this account's password "
                        + "was set by an administrator and must be changed first: POST " + CHANGE_API + " with "
                        + "currentPassword and newPassword", "Mật khẩu do quản trị viên đặt, cần đổi mật khẩu trước "
                        + "khi sử dụng");
                return;
            }
            if (!free && !path.equals(PIN_API) && user.role() == Role.CERTIFIER
                    && users.signingPinHash(user.username()) == null) {
                refuse(request, response, page, "Signing PIN required", "signingPin", "a certifier chooses a signing "
                        + "PIN first: PUT " + PIN_API + " with password and newPin", "Người thực hiện chứng thực cần "
                        + "đặt mã PIN ký số trước khi sử dụng");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean page, String title,
                               String field, String detail, String detailVi) throws IOException {
        if (page) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        response.setStatus(403);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":403,"
                + "\"field\":\"" + field + "\",\"detail\":\"" + detail + "\",\"detailVi\":\"" + detailVi + "\"}");
    }
}
