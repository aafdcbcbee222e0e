package vn.sohoa.app.security;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

@RestController
@Tag(name = "API clients", description = "Khóa API cho hệ thống khác")
class ApiClientController {

    private final vn.sohoa.app.audit.AuditLog audit;

    private final ApiClientRepository clients;
    private final AccessPolicy access;

    ApiClientController(ApiClientRepository clients, AccessPolicy access, vn.sohoa.app.audit.AuditLog audit) {
        this.audit = audit;
        this.clients = clients;
        this.access = access;
    }

    record NewApiClient(String name, String agencyCode) {
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/api-clients")
    @Operation(summary = "The API clients of the administrator's agencies (their keys are never shown again)")
    java.util.List<ApiClientRepository.ApiClientSummary> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators list API clients",
                    "chỉ quản trị viên được xem danh sách khóa API");
        }
        return clients.ofAgencies(access.visibleAgencies(principal));
    }

    @PostMapping("/api/v1/api-clients")
    @Operation(summary = "Create an API client for another system (administrator); the key is shown only here")
    ResponseEntity<ApiClientRepository.IssuedApiKey> create(@AuthenticationPrincipal SohoaPrincipal principal,
                                                            @RequestBody NewApiClient request) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators create API clients",
                    "chỉ quản trị viên được tạo khóa API");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new InvalidInputException("name", "name is required, at most 200 characters",
                    "cần tên hệ thống (name), tối đa 200 ký tự");
        }
        access.requireVisible(principal, request.agencyCode(), "agency " + request.agencyCode());
        var issued = clients.create(request.name().strip(), request.agencyCode(), principal.username());
        audit.record(principal.username(), principal.agencyCode(), vn.sohoa.app.audit.AuditAction.API_CLIENT_CREATED,
                issued.id(), request.name().strip() + " for " + request.agencyCode());
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + issued.id())).body(issued);
    }
}
