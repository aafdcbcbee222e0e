package vn.sohoa.app.stats;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@Tag(name = "Statistics", description = "Thống kê số hóa theo đơn vị và cấp hành chính")
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/statistics/digitization")
    @Operation(summary = "Dossiers received and digitized, certified copies and digitization rate of a unit and the "
            + "units below it, per agency and per level; period 2026-11, 2026-Q4 or 2026")
    StatisticsService.Report digitization(@AuthenticationPrincipal SohoaPrincipal principal,
                                          @RequestParam(required = false) String unit,
                                          @RequestParam String period) {
        return statistics.digitization(principal, unit, Period.parse(period));
    }
}
