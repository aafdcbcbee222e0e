package vn.sohoa.app.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.digitize.DigitizationBacklog;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.stats.Indicator;
import vn.sohoa.app.stats.IndicatorReports;
import vn.sohoa.app.stats.Period;
import vn.sohoa.app.stats.StatisticsService;

/**
 * The supervisor's dashboard: a unit's indicators for a period against the targets, per level and per subordinate
 * unit (each a link one level down), and the last twelve months as charts. The same figures as the API.
 */
@Controller
class StatisticsPage {

    private final DigitizationBacklog backlog;
    private final AccessPolicy access;

    private final IndicatorReports reports;
    private final Clock clock;

    private final StatisticsService statistics;

    StatisticsPage(IndicatorReports reports, Clock clock, DigitizationBacklog backlog, AccessPolicy access,
                   StatisticsService statistics) {
        this.statistics = statistics;
        this.backlog = backlog;
        this.access = access;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String dashboard(@AuthenticationPrincipal SohoaPrincipal principal, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String period, Model model) {
        YearMonth now = YearMonth.from(VietnamTime.today(clock));
        String chosen = period == null || period.isBlank() ? String.valueOf(now.getYear()) : period.strip();
        IndicatorReports.Report report = reports.report(principal, unit, Period.parse(chosen));
        List<IndicatorReports.TrendPoint> trend = reports.trend(principal, report.unit(), now.minusMonths(11), now);

        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", trend.stream().map(IndicatorReports.TrendPoint::month).toList());
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            List<Double> rates = new ArrayList<>();
            for (IndicatorReports.TrendPoint point : trend) {
                rates.add(point.total().indicators().stream().filter(v -> v.indicator() == indicator)
                        .findFirst().map(IndicatorReports.Value::rate).orElse(null));
            }
            series.put(indicator.vietnameseName(), rates);
        }
        chart.put("series", series);
        chart.put("units", report.children().stream().map(IndicatorReports.Row::name).toList());
        chart.put("digitized", report.children().stream().map(row -> rate(row, Indicator.DOSSIERS_DIGITIZED)).toList());
        chart.put("targets", report.children().stream().map(row -> row.indicators().stream()
                .filter(v -> v.indicator() == Indicator.DOSSIERS_DIGITIZED).findFirst()
                .map(IndicatorReports.Value::target).orElse(null)).toList());

        model.addAttribute("user", principal);
        model.addAttribute("report", report);
        model.addAttribute("period", chosen);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("chart", chart);
        model.addAttribute("ocrQueue", backlog.now(access.visibleAgencies(principal)));
        // the scan-quality indicator: per unit that scanned pages in the period, the share it had to scan again
        StatisticsService.Report scans = statistics.digitization(principal, report.unit(), Period.parse(chosen));
        model.addAttribute("scanQuality", scans.agencies().stream().filter(a -> a.own().pagesScanned() > 0).toList());
        model.addAttribute("scanQualityTotal", scans.total());
        return "statistics";
    }

    private static Double rate(IndicatorReports.Row row, Indicator indicator) {
        return row.indicators().stream().filter(v -> v.indicator() == indicator).findFirst()
                .map(IndicatorReports.Value::rate).orElse(null);
    }
}
