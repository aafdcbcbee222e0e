package vn.sohoa.app.units;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

@RestController
@Tag(name = "Administrative units", description = "Đơn vị hành chính theo thời gian hiệu lực, sáp nhập và kế thừa")
class UnitController {

    private final UnitRepository units;
    private final AuditLog audit;
    private final Clock clock;

    UnitController(UnitRepository units, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.audit = audit;
    }

    record UnitHistory(String code, List<AdminUnit> versions, List<String> predecessors, List<String> successors) {
    }

    @GetMapping("/api/v1/units")
    @Operation(summary = "Units valid on a day (default today), or every version of every unit with on=all")
    List<AdminUnit> list(@RequestParam(required = false) String on) {
        UnitDirectory directory = units.directory();
        if ("all".equals(on)) {
            return directory.all();
        }
        try {
            return directory.validOn(on == null || on.isBlank() ? VietnamTime.today(clock) : LocalDate.parse(on.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("on", "on must be a date like 2025-07-01, or 'all'",
                    "tham số on phải là ngày dạng 2025-07-01 hoặc 'all'");
        }
    }

    @GetMapping("/api/v1/units/{code}")
    @Operation(summary = "A unit's versions, the units it took over and the units that took it over")
    UnitHistory one(@PathVariable String code) {
        UnitDirectory directory = units.directory();
        if (!directory.contains(code)) {
            throw new NotFoundException("unit " + code);
        }
        return new UnitHistory(code, directory.all().stream().filter(u -> u.code().equals(code)).toList(),
                directory.predecessorsOf(code), directory.successorsOf(code));
    }

    @PostMapping(value = "/api/v1/units", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import units from CSV (administrator): header code,name,level,parent_code,valid_from,"
            + "valid_to,successors; replaces the versions and successor links of every unit in the file")
    UnitRepository.ImportResult importCsv(@AuthenticationPrincipal SohoaPrincipal principal, @RequestBody String csv) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators import units", "chỉ quản trị viên được nhập đơn vị");
        }
        UnitRepository.ImportResult result = units.importUnits(UnitCsv.parse(csv));
        audit.record(principal.username(), principal.agencyCode(), AuditAction.UNITS_IMPORTED, "units",
                result.units() + " units, " + result.versions() + " versions, " + result.successorLinks()
                        + " successor links");
        return result;
    }
}
