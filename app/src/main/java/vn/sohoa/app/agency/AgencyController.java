package vn.sohoa.app.agency;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.code.AgencyCode;
import vn.sohoa.core.error.InvalidInputException;

@RestController
@Tag(name = "Agencies", description = "Cơ quan, đơn vị hành chính")
class AgencyController {

    private final AgencyRepository agencies;
    private final AccessPolicy access;

    private final AuditLog audit;

    AgencyController(AgencyRepository agencies, AccessPolicy access, AuditLog audit) {
        this.audit = audit;
        this.agencies = agencies;
        this.access = access;
    }

    /** An agency to add under one the administrator manages. */
    record NewAgency(String code, String name, AdministrativeLevel level, String parentCode) {
    }

    @PostMapping("/api/v1/agencies")
    @Operation(summary = "Add an agency (administrator) under one of the administrator's agencies")
    ResponseEntity<Agency> create(@AuthenticationPrincipal SohoaPrincipal principal,
                                                           @RequestBody
                                                           NewAgency request) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators add agencies", "chỉ quản trị viên được thêm cơ quan");
        }
        AgencyCode code = AgencyCode.of(request.code());
        if (request.name() == null || request.name().isBlank() || request.name().length() > 300) {
            throw new InvalidInputException("name", "name is required, at most 300 characters",
                    "cần tên cơ quan (name), tối đa 300 ký tự");
        }
        if (request.level() == null) {
            throw new InvalidInputException("level", "level is required (e.g. COMMUNE)", "cần cấp hành chính (level)");
        }
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            throw new InvalidInputException("parentCode", "parentCode is required: the agency "
                    + "above the new one", "cần mã cơ quan cấp trên (parentCode)");
        }
        access.requireVisible(principal, request.parentCode(), "agency " + request.parentCode());
        if (agencies.find(code.value()).isPresent()) {
            throw new ConflictException("agency " + code.value() + " exists", "cơ quan " + code.value() + " đã có");
        }
        Agency agency = new Agency(code.value(), request.name().strip(), request.level(), request.parentCode());
        agencies.insert(agency);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.AGENCY_CREATED,
                agency.code(), agency.name() + " under " + agency.parentCode());
        return ResponseEntity.created(URI.create("/api/v1/agencies")).body(agency);
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "The agencies the caller may see")
    List<Agency> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        return access.visibleAgencyList(principal);
    }
}
