package vn.sohoa.app.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/** What users change themselves: their password, and a certifier's signing PIN. */
@RestController
@Tag(name = "Users", description = "Người dùng và vai trò")
class MeController {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SigningPins pins;
    private final AuditLog audit;

    private final UserSessions sessions;

    MeController(UserRepository users, PasswordEncoder encoder, SigningPins pins, AuditLog audit,
                 UserSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.encoder = encoder;
        this.pins = pins;
        this.audit = audit;
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[******]";
        }
    }

    record PinChange(String password, String currentPin, String newPin) {
        @Override
        public String toString() {
            return "PinChange[******]";
        }
    }

    /** The CSRF token to send as a header with every call that changes something. */
    record CsrfTokenView(String headerName, String token) {
    }

    @GetMapping("/api/v1/csrf")
    @Operation(summary = "The CSRF token a caller signed in with a password (HTTP Basic) or the web session sends "
            + "as X-CSRF-TOKEN with every POST, PUT, PATCH and DELETE; a Basic caller's token stays the same, so a "
            + "script fetches it once. API keys (Authorization: Bearer) need none")
    CsrfTokenView csrf(CsrfToken token) {
        return new CsrfTokenView(token.getHeaderName(), token.getToken());
    }

    @PostMapping("/api/v1/me/password")
    @Operation(summary = "Change your own password (required first when an administrator set it)")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal SohoaPrincipal principal,
                                        @RequestBody(required = false) PasswordChange change,
                                        HttpServletRequest request) {
        if (principal.username().contains(":")) {
            throw new ForbiddenException("API clients and scanning stations have no password",
                    "khóa API và máy quét không có mật khẩu");
        }
        PasswordChange given = change == null ? new PasswordChange(null, null) : change;
        SohoaPrincipal stored = users.find(principal.username()).orElseThrow();
        if (given.currentPassword() == null || !encoder.matches(given.currentPassword(), stored.passwordHash())) {
            throw new InvalidInputException("currentPassword", "currentPassword is wrong or missing",
                    "mật khẩu hiện tại không đúng");
        }
        UserController.requirePassword("newPassword", given.newPassword());
        if (given.newPassword().equals(given.currentPassword())) {
            throw new InvalidInputException("newPassword", "newPassword must differ from the current one",
                    "mật khẩu mới phải khác mật khẩu hiện tại");
        }
        users.setPassword(principal.username(), encoder.encode(given.newPassword()), false);
        // the user's other sessions (another browser, a forgotten computer) end; this one goes on
        HttpSession current = request.getSession(false);
        int ended = sessions.end(principal.username(), current == null ? null : current.getId());
        audit.record(principal.username(), principal.agencyCode(), AuditAction.PASSWORD_CHANGED,
                principal.username(), "by the user" + (ended > 0 ? ", " + ended + " other session(s) ended" : ""));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/me/signing-pin")
    @Operation(summary = "Set your signing PIN (certifier): the first time with your password, then with the current "
            + "PIN; it alone releases the key the service holds for you")
    ResponseEntity<Void> setSigningPin(@AuthenticationPrincipal SohoaPrincipal principal,
                                       @RequestBody(required = false) PinChange change) {
        PinChange given = change == null ? new PinChange(null, null, null) : change;
        pins.set(principal, given.password(), given.currentPin(), given.newPin());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/users/{username}/signing-pin")
    @Operation(summary = "Clear a certifier's signing PIN (administrator); only the certifier can set a new one")
    ResponseEntity<Void> clearSigningPin(@AuthenticationPrincipal SohoaPrincipal principal,
                                         @PathVariable String username) {
        pins.clear(principal, username);
        return ResponseEntity.noContent().build();
    }
}
