package vn.sohoa.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The certifier's own signing PIN, which alone releases a key the service holds for them (PKCS#12 or PKCS#11): given
 * at each certification, stored only as a BCrypt hash, set and changed by the certifier (the first time with their
 * password, then with the old PIN). An administrator may clear it, never set it, so resetting a certifier's password
 * does not let anyone sign in their name. Five wrong PINs lock signing for a quarter of an hour.
 */
@Service
public class SigningPins {

    static final int MIN_LENGTH = 6;
    static final int MAX_LENGTH = 64;
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant since) {
    }

    SigningPins(UserRepository users, PasswordEncoder encoder, AccessPolicy access, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses unless {@code pin} is the certifier's signing PIN. */
    public void verify(SohoaPrincipal certifier, String pin) {
        String hash = users.signingPinHash(certifier.username());
        if (hash == null) {
            throw new ConflictException("no signing PIN is set for " + certifier.username() + ": set one first "
                    + "(PUT /api/v1/me/signing-pin)", "chưa đặt mã PIN ký số; hãy đặt mã PIN trước khi ký");
        }
        Failures failed = failures.get(certifier.username());
        if (failed != null && failed.count() >= MAX_FAILURES && failed.since().plus(LOCK).isAfter(clock.instant())) {
            throw new ForbiddenException("signing is locked after " + MAX_FAILURES + " wrong PINs; try again after "
                    + LOCK.toMinutes() + " minutes", "nhập sai mã PIN quá nhiều lần, thử lại sau "
                    + LOCK.toMinutes() + " phút");
        }
        if (pin == null || pin.isEmpty()) {
            throw new InvalidInputException("signingPin", "signingPin (your own signing PIN) is required to sign "
                    + "with the key the service holds for you", "cần mã PIN ký số (signingPin)");
        }
        if (!encoder.matches(pin, hash)) {
            failures.merge(certifier.username(), new Failures(1, clock.instant()), (old, one) ->
                    old.since().plus(LOCK).isAfter(clock.instant()) ? new Failures(old.count() + 1, old.since()) : one);
            throw new InvalidInputException("signingPin", "the signing PIN is wrong", "mã PIN ký số không đúng");
        }
        failures.remove(certifier.username());
    }

    /**
     * Sets the certifier's PIN: the first time (or after an administrator cleared it) with the certifier's password,
     * later with the PIN it replaces.
     */
    public void set(SohoaPrincipal certifier, String password, String currentPin, String newPin) {
        if (certifier.role() != Role.CERTIFIER) {
            throw new ForbiddenException("signing PINs are for certifiers", "mã PIN ký số dành cho người thực hiện "
                    + "chứng thực");
        }
        String hash = users.signingPinHash(certifier.username());
        if (hash != null) {
            if (currentPin == null || !encoder.matches(currentPin, hash)) {
                throw new InvalidInputException("currentPin", "currentPin (the PIN to replace) is wrong or missing",
                        "mã PIN hiện tại không đúng");
            }
        } else {
            SohoaPrincipal stored = users.find(certifier.username()).orElseThrow();
            if (password == null || !encoder.matches(password, stored.passwordHash())) {
                throw new InvalidInputException("password", "password (your sign-in password) is wrong or missing",
                        "mật khẩu đăng nhập không đúng");
            }
        }
        if (newPin == null || newPin.length() < MIN_LENGTH || newPin.length() > MAX_LENGTH) {
            throw new InvalidInputException("newPin", "newPin must have " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters", "mã PIN mới phải có từ " + MIN_LENGTH + " đến " + MAX_LENGTH + " ký tự");
        }
        UserController.requireBcryptLength("newPin", newPin);
        users.setSigningPinHash(certifier.username(), encoder.encode(newPin));
        failures.remove(certifier.username());
        audit.record(certifier.username(), certifier.agencyCode(), AuditAction.SIGNING_PIN_SET,
                certifier.username(), hash == null ? "first PIN" : "PIN changed");
    }

    /** An administrator clears a certifier's PIN (lost, or the certifier left): only the certifier can set one. */
    public void clear(SohoaPrincipal admin, String username) {
        if (admin.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators clear a signing PIN",
                    "chỉ quản trị viên được xóa mã PIN ký số");
        }
        SohoaPrincipal user = users.find(username).orElseThrow(() -> new NotFoundException("user " + username));
        access.requireVisible(admin, user.agencyCode(), "user " + username);
        users.setSigningPinHash(username, null);
        audit.record(admin.username(), admin.agencyCode(), AuditAction.SIGNING_PIN_CLEARED, username,
                "cleared by an administrator");
    }
}
