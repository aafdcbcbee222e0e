package vn.sohoa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF tokens of the API. A browser replays HTTP Basic credentials it has cached on requests another site makes it
 * send, so Basic calls that change state need a token too, like calls that ride the web session; only API keys
 * ({@code Bearer}) go without, since no browser adds them on its own. A Basic caller's token is derived from the user
 * name with a key every node shares (HMAC-SHA256): stateless, so a script fetches it once
 * ({@code GET /api/v1/csrf}) and sends it as {@code X-CSRF-TOKEN}, on any node, with no cookie jar; another site can
 * neither read it (no CORS) nor make it. Session callers keep the session's token.
 */
final class ApiCsrfTokens implements CsrfTokenRepository {

    static final String HEADER = "X-CSRF-TOKEN";
    static final String PARAMETER = "_csrf";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final ServiceSecrets secrets;

    ApiCsrfTokens(ServiceSecrets secrets) {
        this.secrets = secrets;
        sessions.setHeaderName(HEADER);
        sessions.setParameterName(PARAMETER);
    }

    /** Whether the request carries an API key: the one kind of credential that needs no CSRF token. */
    static boolean carriesApiKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return basicUser(request).map(this::token).orElseGet(() -> sessions.generateToken(request));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (basicUser(request).isEmpty()) {
            sessions.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return basicUser(request).map(this::token).orElseGet(() -> sessions.loadToken(request));
    }

    private CsrfToken token(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(ServiceSecrets.Purpose.BASIC_CSRF), "HmacSHA256"));
            byte[] value = mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8));
            return new DefaultCsrfToken(HEADER, PARAMETER, Base64.getUrlEncoder().withoutPadding().encodeToString(value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The user name an {@code Authorization: Basic} header claims (checked later by the Basic filter). */
    static Optional<String> basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
