package vn.sohoa.app.stats;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

@RestController
@Tag(name = "Indicators", description = "Chỉ số số hóa theo QĐ 766/QĐ-TTg: sự kiện hồ sơ, chỉ số, xu hướng, chỉ tiêu")
class IndicatorController {

    /** Who reports dossier events: the one-stop system (API key) and desk staff. */
    private static final Set<Role> MAY_REPORT = Set.of(Role.SYSTEM, Role.CLERK, Role.ADMIN);
    private static final int MAX_EVENTS_PER_REQUEST = 1000;

    private final DossierFacts facts;
    private final IndicatorReports reports;
    private final Targets targets;
    private final AuditLog audit;

    IndicatorController(DossierFacts facts, IndicatorReports reports, Targets targets, AuditLog audit) {
        this.facts = facts;
        this.reports = reports;
        this.targets = targets;
        this.audit = audit;
    }

    record EventOutcome(String dossierCode, String eventId, boolean recorded) {
    }

    @PostMapping("/api/v1/dossier-events")
    @Operation(summary = "Report dossier events (a JSON array of 1 to 1000): idempotent by dossierCode + eventId; "
            + "events may come in any order. recorded=false: the event had been recorded before")
    ResponseEntity<List<EventOutcome>> report(@AuthenticationPrincipal SohoaPrincipal principal,
                                              @RequestBody List<DossierEvent> events) {
        if (!MAY_REPORT.contains(principal.role())) {
            throw new ForbiddenException("only the one-stop system, clerks and administrators report dossier events",
                    "chỉ hệ thống một cửa, cán bộ tiếp nhận và quản trị viên được gửi sự kiện hồ sơ");
        }
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS_PER_REQUEST) {
            throw new InvalidInputException("events", "send 1 to " + MAX_EVENTS_PER_REQUEST + " events per request",
                    "mỗi lần gửi từ 1 đến " + MAX_EVENTS_PER_REQUEST + " sự kiện");
        }
        events.forEach(DossierEvent::validate);
        // a one-stop system speaks for the units of its own agency tree only; administrators for any
        Set<String> reporterUnits = principal.role() == Role.ADMIN ? null : reports.unitsOf(principal);
        List<EventOutcome> outcomes = new ArrayList<>();
        for (DossierEvent event : events) {
            boolean recorded = facts.record(event, principal.username(), reporterUnits);
            outcomes.add(new EventOutcome(event.dossierCode(), event.eventId(), recorded));
        }
        boolean anyNew = outcomes.stream().anyMatch(EventOutcome::recorded);
        return anyNew ? ResponseEntity.created(URI.create("/api/v1/dossier-events")).body(outcomes)
                : ResponseEntity.ok(outcomes);
    }

    @GetMapping("/api/v1/statistics/indicators")
    @Operation(summary = "The national indicators of a unit (default: the caller's) with everything below it and "
            + "everything it took over, its direct subordinate units and the totals per level, against the year's "
            + "targets; period 2026-11, 2026-Q4 or 2026")
    IndicatorReports.Report indicators(@AuthenticationPrincipal SohoaPrincipal principal,
                                       @RequestParam(required = false) String unit, @RequestParam String period) {
        return reports.report(principal, unit, Period.parse(period));
    }

    @GetMapping("/api/v1/statistics/indicators/export.csv")
    @Operation(summary = "The same report as CSV (UTF-8 with BOM), one line per row")
    ResponseEntity<byte[]> indicatorsCsv(@AuthenticationPrincipal SohoaPrincipal principal,
                                         @RequestParam(required = false) String unit, @RequestParam String period) {
        IndicatorReports.Report report = reports.report(principal, unit, Period.parse(period));
        return download(IndicatorExport.csv(report), "text/csv;charset=UTF-8", fileName(report, "csv"));
    }

    @GetMapping("/api/v1/statistics/indicators/export.xlsx")
    @Operation(summary = "The same report as an Excel workbook")
    ResponseEntity<byte[]> indicatorsXlsx(@AuthenticationPrincipal SohoaPrincipal principal,
                                          @RequestParam(required = false) String unit, @RequestParam String period) {
        IndicatorReports.Report report = reports.report(principal, unit, Period.parse(period));
        return download(IndicatorExport.xlsx(report),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName(report, "xlsx"));
    }

    private static String fileName(IndicatorReports.Report report, String extension) {
        return "chi-so-so-hoa_" + report.unit() + "_" + report.period() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String mediaType, String fileName) {
        return ResponseEntity.ok()
                .header("Content-Type", mediaType)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(fileName).build().toString())
                .body(body);
    }

    @GetMapping("/api/v1/statistics/indicators/trend")
    @Operation(summary = "A unit's indicators month by month, from and to given as 2025-01")
    List<IndicatorReports.TrendPoint> trend(@AuthenticationPrincipal SohoaPrincipal principal,
                                            @RequestParam(required = false) String unit,
                                            @RequestParam String from, @RequestParam String to) {
        return reports.trend(principal, unit, month("from", from), month("to", to));
    }

    @GetMapping("/api/v1/targets/{year}")
    @Operation(summary = "The targets of a year per level and indicator, in percent")
    List<Targets.Target> targets(@PathVariable int year) {
        return targets.ofYear(year);
    }

    /** One target as sent: the year is the path's. */
    record NewTarget(AdministrativeLevel level, Indicator indicator, Double rate) {
    }

    @PutMapping("/api/v1/targets/{year}")
    @Operation(summary = "Replace the targets of a year (administrator): a list of level, indicator and rate (percent)")
    List<Targets.Target> replaceTargets(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable int year,
                                        @RequestBody List<NewTarget> newTargets) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators set targets", "chỉ quản trị viên được đặt chỉ tiêu");
        }
        List<Targets.Target> asked = new ArrayList<>();
        for (NewTarget target : newTargets == null ? List.<NewTarget>of() : newTargets) {
            if (target == null || target.rate() == null) {
                throw new InvalidInputException("rate", "each target needs level, indicator and rate (percent)",
                        "mỗi chỉ tiêu cần cấp, chỉ số và tỷ lệ (%)");
            }
            asked.add(new Targets.Target(year, target.level(), target.indicator(), target.rate()));
        }
        List<Targets.Target> stored = targets.replaceYear(year, asked);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.TARGETS_CHANGED, "targets " + year,
                stored.size() + " targets");
        return stored;
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a month like 2025-07", field
                    + " phải là tháng dạng 2025-07");
        }
    }
}
