package vn.sohoa.app.agency;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@Tag(name = "Agencies", description = "Cơ quan, đơn vị hành chính")
class AgencyController {

    private final AgencyRepository agencies;
    private final AccessPolicy access;

    private final vn.sohoa.app.audit.AuditLog audit;

    AgencyController(AgencyRepository agencies, AccessPolicy access, vn.sohoa.app.audit.AuditLog audit) {
        this.audit = audit;
        this.agencies = agencies;
        this.access = access;
    }

    /** An agency to add under one the administrator manages. */
    record NewAgency(String code, String name, vn.sohoa.core.code.AdministrativeLevel level, String parentCode) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/agencies")
    @Operation(summary = "Add an agency (administrator) under one of the administrator's agencies")
    org.springframework.http.ResponseEntity<Agency> create(@AuthenticationPrincipal SohoaPrincipal principal,
                                                           @org.springframework.web.bind.annotation.RequestBody
                                                           NewAgency request) {
        if (principal.role() != vn.sohoa.app.principal.Role.ADMIN) {
            throw new vn.sohoa.app.error.ForbiddenException("only administrators add agencies",
                    "chỉ quản trị viên được thêm cơ quan");
        }
        vn.sohoa.core.code.AgencyCode code = vn.sohoa.core.code.AgencyCode.of(request.code());
        if (request.name() == null || request.name().isBlank() || request.name().length() > 300) {
            throw new vn.sohoa.core.error.InvalidInputException("name", "name is required, at most 300 characters",
                    "cần tên cơ quan (name), tối đa 300 ký tự");
        }
        if (request.level() == null) {
            throw new vn.sohoa.core.error.InvalidInputException("level", "level is required (e.g. COMMUNE)",
                    "cần cấp hành chính (level)");
        }
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            throw new vn.sohoa.core.error.InvalidInputException("parentCode", "parentCode is required: the agency "
                    + "above the new one", "cần mã cơ quan cấp trên (parentCode)");
        }
        access.requireVisible(principal, request.parentCode(), "agency " + request.parentCode());
        if (agencies.find(code.value()).isPresent()) {
            throw new vn.sohoa.app.error.ConflictException("agency " + code.value() + " exists",
                    "cơ quan " + code.value() + " đã có");
        }
        Agency agency = new Agency(code.value(), request.name().strip(), request.level(), request.parentCode());
        agencies.insert(agency);
        audit.record(principal.username(), principal.agencyCode(), vn.sohoa.app.audit.AuditAction.AGENCY_CREATED,
                agency.code(), agency.name() + " under " + agency.parentCode());
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/agencies")).body(agency);
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "The agencies the caller may see")
    List<Agency> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        return access.visibleAgencyList(principal);
    }
}
