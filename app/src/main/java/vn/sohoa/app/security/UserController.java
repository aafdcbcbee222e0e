package vn.sohoa.app.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.CertifierOffice;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/** Users of the administrator's agencies: create, change role, disable, reset a password. */
@RestController
@Tag(name = "Users", description = "Người dùng và vai trò")
class UserController {

    /** OWASP ASVS 2.1.1: at least 12 characters. */
    static final int MIN_PASSWORD = 12;
    static final int BCRYPT_MAX_BYTES = 72;

    private final UserRepository users;
    private final AccessPolicy access;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    private final UserSessions sessions;

    UserController(UserRepository users, AccessPolicy access, PasswordEncoder encoder, AuditLog audit,
                   UserSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.access = access;
        this.encoder = encoder;
        this.audit = audit;
    }

    record NewUser(String username, String password, String fullName, String title, Role role, String agencyCode,
                   CertifierOffice office) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + ", " + agencyCode + ", password=******]";
        }
    }

    /** What to change; absent fields stay as they are. */
    record UserChange(Role role, Boolean enabled, String password, String fullName, String title,
                      CertifierOffice office) {
        @Override
        public String toString() {
            return "UserChange[" + role + ", enabled=" + enabled + (password == null ? "" : ", password=******") + "]";
        }
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Users of the administrator's agencies")
    List<UserRepository.UserSummary> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        requireAdmin(principal);
        return users.ofAgencies(access.visibleAgencies(principal));
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create a user (password at least 12 characters) in one of the administrator's agencies")
    ResponseEntity<UserRepository.UserSummary> create(@AuthenticationPrincipal SohoaPrincipal principal,
                                                      @RequestBody NewUser request) {
        requireAdmin(principal);
        if (request.username() == null || !request.username().matches("[a-z0-9._-]{3,64}")) {
            throw new InvalidInputException("username", "username: 3 to 64 of a-z, 0-9, '.', '_', '-'",
                    "tên đăng nhập: 3–64 ký tự a-z, 0-9, '.', '_', '-'");
        }
        if (request.fullName() == null || request.fullName().isBlank() || request.fullName().length() > 200) {
            throw new InvalidInputException("fullName", "fullName is required, at most 200 characters",
                    "cần họ tên (fullName), tối đa 200 ký tự");
        }
        if (request.role() == null || request.role() == Role.SYSTEM) {
            throw new InvalidInputException("role", "role must be CLERK, CERTIFIER, SUPERVISOR or ADMIN "
                    + "(systems get API clients)", "vai trò phải là CLERK, CERTIFIER, SUPERVISOR hoặc ADMIN");
        }
        requirePassword("password", request.password());
        access.requireVisible(principal, request.agencyCode(), "agency " + request.agencyCode());
        if (users.exists(request.username())) {
            throw new ConflictException("user " + request.username() + " exists", "tên đăng nhập "
                    + request.username() + " đã có");
        }
        String hash = encoder.encode(request.password());
        users.insert(request.username(), hash, request.fullName().strip(),
                request.title() == null || request.title().isBlank() ? null : request.title().strip(), request.role(),
                request.agencyCode());
        // the administrator's password is temporary: the user chooses their own at first sign-in
        users.setPassword(request.username(), hash, true);
        if (request.office() != null) {
            users.setOffice(request.username(), request.office());
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.USER_CREATED, request.username(),
                request.role() + " in " + request.agencyCode());
        return ResponseEntity.created(URI.create("/api/v1/users/" + request.username())).body(summary(principal,
                request.username()));
    }

    @PatchMapping("/api/v1/users/{username}")
    @Operation(summary = "Change a user's role, name or title, disable or enable, or set a new password")
    UserRepository.UserSummary change(@AuthenticationPrincipal SohoaPrincipal principal,
                                      @PathVariable String username, @RequestBody UserChange change) {
        requireAdmin(principal);
        summary(principal, username);
        if (change.role() == Role.SYSTEM) {
            throw new InvalidInputException("role", "SYSTEM is for API clients", "vai trò SYSTEM dành cho khóa API");
        }
        if (username.equals(principal.username()) && (Boolean.FALSE.equals(change.enabled())
                || (change.role() != null && change.role() != Role.ADMIN))) {
            throw new ConflictException("administrators cannot disable or demote themselves",
                    "quản trị viên không thể tự khóa hoặc hạ quyền của mình");
        }
        if (change.password() != null) {
            requirePassword("password", change.password());
        }
        String hash = change.password() == null ? null : encoder.encode(change.password());
        users.update(username, change.role(), change.enabled(), hash,
                change.fullName() == null || change.fullName().isBlank() ? null : change.fullName().strip(),
                change.title());
        if (change.office() != null) {
            users.setOffice(username, change.office());
        }
        if (hash != null) {
            // a reset password is temporary too; it does not release the user's signing PIN or keys
            users.setPassword(username, hash, true);
        }
        // a new password, a new role or a disabled account: the user's open sessions do not carry the old ones on
        int ended = hash != null || change.role() != null || Boolean.FALSE.equals(change.enabled())
                ? sessions.end(username, null) : 0;
        audit.record(principal.username(), principal.agencyCode(), AuditAction.USER_CHANGED, username,
                change + (ended > 0 ? ", " + ended + " session(s) ended" : ""));
        return summary(principal, username);
    }

    private UserRepository.UserSummary summary(SohoaPrincipal principal, String username) {
        return users.ofAgencies(access.visibleAgencies(principal)).stream()
                .filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("user " + username));
    }

    static void requirePassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new InvalidInputException(field, field + " must have " + MIN_PASSWORD + " to 128 characters",
                    "mật khẩu phải có từ " + MIN_PASSWORD + " đến 128 ký tự");
        }
        requireBcryptLength(field, password);
    }

    /**
     * bcrypt reads at most 72 bytes: a longer secret would be cut silently (two passwords alike in their first 72
     * bytes would both match), so it is refused. A Vietnamese letter with its marks takes 2 or 3 of those bytes.
     */
    static void requireBcryptLength(String field, String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > BCRYPT_MAX_BYTES) {
            throw new InvalidInputException(field, field + " is " + bytes + " bytes in UTF-8, more than the "
                    + BCRYPT_MAX_BYTES + " bcrypt uses (a letter with Vietnamese marks takes 2 or 3 bytes)",
                    "quá dài: " + bytes + " byte UTF-8, tối đa " + BCRYPT_MAX_BYTES
                    + " byte (chữ có dấu chiếm 2–3 byte)");
        }
    }

    private static void requireAdmin(SohoaPrincipal principal) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators manage users", "chỉ quản trị viên được quản lý người dùng");
        }
    }
}
