package vn.sohoa.app.security;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

@RestController
@Tag(name = "API clients", description = "Khóa API cho hệ thống khác")
class ApiClientController {

    private final ApiClientRepository clients;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ApiClientSettings settings;
    private final Clock clock;

    ApiClientController(ApiClientRepository clients, AccessPolicy access, AuditLog audit, ApiClientSettings settings,
                        Clock clock) {
        this.clients = clients;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param expiresAt ISO-8601 date-time with offset; none: {@code sohoa.api-clients.default-lifetime} from now */
    record NewApiClient(String name, String agencyCode, String expiresAt) {
    }

    /** Either or both: turn the key off or on, move its expiry. */
    record ApiClientChange(Boolean enabled, String expiresAt) {
    }

    @GetMapping("/api/v1/api-clients")
    @Operation(summary = "The API clients of the administrator's agencies with each key's state, expiry and last use "
            + "(the keys themselves are never shown again)")
    List<ApiClientRepository.ApiClientSummary> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        requireAdmin(principal);
        return clients.ofAgencies(access.visibleAgencies(principal));
    }

    @PostMapping("/api/v1/api-clients")
    @Operation(summary = "Create an API client for another system (administrator); the key is shown only here and "
            + "works until expiresAt (default a year)")
    ResponseEntity<ApiClientRepository.IssuedApiKey> create(@AuthenticationPrincipal SohoaPrincipal principal,
                                                            @RequestBody NewApiClient request) {
        requireAdmin(principal);
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new InvalidInputException("name", "name is required, at most 200 characters",
                    "cần tên hệ thống (name), tối đa 200 ký tự");
        }
        access.requireVisible(principal, request.agencyCode(), "agency " + request.agencyCode());
        OffsetDateTime expiresAt = request.expiresAt() == null
                ? OffsetDateTime.now(clock).plus(settings.defaultLifetime()).withNano(0)
                : expiry(request.expiresAt());
        var issued = clients.create(request.name().strip(), request.agencyCode(), principal.username(), expiresAt);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.API_CLIENT_CREATED,
                issued.id(), request.name().strip() + " for " + request.agencyCode() + ", expires " + expiresAt);
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + issued.id())).body(issued);
    }

    @PatchMapping("/api/v1/api-clients/{id}")
    @Operation(summary = "Disable or enable an API client's key, or move its expiry (administrator)")
    ApiClientRepository.ApiClientSummary change(@AuthenticationPrincipal SohoaPrincipal principal,
                                                @PathVariable String id, @RequestBody ApiClientChange request) {
        ApiClientRepository.ApiClientSummary client = visible(principal, id);
        if (client.state() == ApiKeyState.REVOKED) {
            throw new ConflictException("API client " + id + " was revoked; issue a new key",
                    "khóa API đã bị thu hồi; hãy cấp khóa mới");
        }
        if (request.enabled() == null && request.expiresAt() == null) {
            throw new InvalidInputException("enabled", "give enabled and/or expiresAt",
                    "cần enabled và/hoặc expiresAt");
        }
        OffsetDateTime expiresAt = request.expiresAt() == null ? null : expiry(request.expiresAt());
        clients.change(id, request.enabled(), expiresAt);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.API_CLIENT_CHANGED, id,
                (request.enabled() == null ? "" : request.enabled() ? "enabled " : "disabled ")
                        + (expiresAt == null ? "" : "expires " + expiresAt));
        return clients.find(id).orElseThrow();
    }

    @DeleteMapping("/api/v1/api-clients/{id}")
    @Operation(summary = "Revoke an API client's key for good (administrator); it stays listed as REVOKED")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        visible(principal, id);
        if (clients.revoke(id, principal.username())) {
            audit.record(principal.username(), principal.agencyCode(), AuditAction.API_CLIENT_REVOKED, id, "revoked");
        }
        return ResponseEntity.noContent().build();
    }

    private ApiClientRepository.ApiClientSummary visible(SohoaPrincipal principal, String id) {
        requireAdmin(principal);
        ApiClientRepository.ApiClientSummary client = clients.find(id)
                .orElseThrow(() -> new NotFoundException("API client " + id));
        access.requireVisible(principal, client.agencyCode(), "API client " + id);
        return client;
    }

    /** An expiry in the future and within the longest lifetime. */
    private OffsetDateTime expiry(String text) {
        OffsetDateTime expiresAt;
        try {
            expiresAt = OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresAt", "expiresAt must be an ISO-8601 date-time with an offset, "
                    + "e.g. 2027-12-31T23:59:59+07:00", "expiresAt phải có dạng 2027-12-31T23:59:59+07:00");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(settings.maxLifetime()))) {
            throw new InvalidInputException("expiresAt", "expiresAt must be in the future and at most "
                    + settings.maxLifetime().toDays() + " days from now (sohoa.api-clients.max-lifetime)",
                    "expiresAt phải ở tương lai và không quá " + settings.maxLifetime().toDays() + " ngày kể từ nay");
        }
        return expiresAt.withNano(0);
    }

    private static void requireAdmin(SohoaPrincipal principal) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators manage API clients",
                    "chỉ quản trị viên được quản lý khóa API");
        }
    }
}
