package vn.sohoa.app.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.signing.keys.SigningException;

/**
 * The signing keys an administrator answers for: each agency's seal and each certifier's personal key, with the
 * certificate's validity, so that nobody learns of an expired certificate from a failed certification.
 */
@RestController
@Tag(name = "Signing keys", description = "Khóa ký và chứng thư số, hạn sử dụng")
class KeyInventory {

    /** Warn this long before a certificate expires: time to order and install a new one. */
    static final Duration WARN_BEFORE = Duration.ofDays(30);

    enum KeyState { VALID, EXPIRES_SOON, EXPIRED, NOT_YET_VALID, UNAVAILABLE }

    /** One key: whose, which certificate, how long it is valid, or why it cannot be loaded. */
    record KeyView(String owner, String ownerName, String purpose, String subject, String issuer, String serial,
                   OffsetDateTime notBefore, OffsetDateTime notAfter, Long daysLeft, KeyState state, String problem) {
    }

    record Inventory(SohoaProperties.KeySource source, List<KeyView> keys) {
    }

    private final SigningKeys keys;
    private final AgencyRepository agencies;
    private final UserRepository users;
    private final AccessPolicy access;
    private final SohoaProperties properties;
    private final Clock clock;

    KeyInventory(SigningKeys keys, AgencyRepository agencies, UserRepository users, AccessPolicy access,
                 SohoaProperties properties, Clock clock) {
        this.clock = clock;
        this.keys = keys;
        this.agencies = agencies;
        this.users = users;
        this.access = access;
        this.properties = properties;
    }

    @GetMapping("/api/v1/signing-keys")
    @Operation(summary = "Agency seal and certifier keys of the administrator's agencies with certificate expiry "
            + "(EXPIRES_SOON: within 30 days)")
    Inventory list(@AuthenticationPrincipal SohoaPrincipal principal) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators see the signing keys",
                    "chỉ quản trị viên được xem khóa ký");
        }
        var visible = access.visibleAgencies(principal);
        List<KeyView> views = new ArrayList<>();
        Instant now = clock.instant();
        for (Agency agency : access.visibleAgencyList(principal)) {
            views.add(view(agency.code(), agency.name(), "AGENCY_SEAL", now,
                    () -> keys.agencyKey(agency.code(), agency.name()).certificate()));
        }
        for (UserRepository.UserSummary user : users.ofAgencies(visible)) {
            if (user.role() == Role.CERTIFIER && user.enabled()) {
                String agencyName = agencies.find(user.agencyCode()).map(Agency::name).orElse(user.agencyCode());
                views.add(view(user.username(), user.fullName(), "CERTIFIER", now,
                        () -> keys.certifierKey(user.username(), user.fullName(), agencyName).certificate()));
            }
        }
        return new Inventory(properties.signing().keys(), views);
    }

    /** A certificate's state at {@code now}: EXPIRES_SOON within 30 days of its end. */
    static KeyState state(Instant notBefore, Instant notAfter, Instant now) {
        return now.isAfter(notAfter) ? KeyState.EXPIRED : now.isBefore(notBefore) ? KeyState.NOT_YET_VALID
                : now.plus(WARN_BEFORE).isAfter(notAfter) ? KeyState.EXPIRES_SOON : KeyState.VALID;
    }

    private static KeyView view(String owner, String ownerName, String purpose, Instant now,
                                Supplier<X509Certificate> certificate) {
        X509Certificate cert;
        try {
            cert = certificate.get();
        } catch (SigningException | IllegalStateException e) {
            return new KeyView(owner, ownerName, purpose, null, null, null, null, null, null, KeyState.UNAVAILABLE,
                    e.getMessage());
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        KeyState state = state(notBefore, notAfter, now);
        return new KeyView(owner, ownerName, purpose, cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16),
                OffsetDateTime.ofInstant(notBefore, VietnamTime.ZONE), OffsetDateTime.ofInstant(notAfter, VietnamTime.ZONE),
                Duration.between(now, notAfter).toDays(), state, null);
    }
}
