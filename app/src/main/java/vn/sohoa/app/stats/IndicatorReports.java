package vn.sohoa.app.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.units.AdminUnit;
import vn.sohoa.app.units.UnitDirectory;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The national indicators of a unit for a period, from the monthly figures kept as facts arrive: the unit with
 * everything below it and everything it took over, its direct subordinate units, and the totals per level, each
 * against the year's targets. No query touches dossiers: a report reads at most units × months aggregate rows.
 */
@Service
public class IndicatorReports {

    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_UNTIL = LocalDate.of(9999, 1, 1);
    private static final int MAX_TREND_MONTHS = 120;

    private final JdbcClient jdbc;
    private final UnitRepository units;
    private final Targets targets;

    IndicatorReports(JdbcClient jdbc, UnitRepository units, Targets targets) {
        this.jdbc = jdbc;
        this.units = units;
        this.targets = targets;
    }

    /** One indicator's value with the target of the row's level for the year; attained null when either is. */
    public record Value(Indicator indicator, String name, long numerator, long denominator, Double rate, Double score,
                        Double target, Boolean attained) {
    }

    /** A unit (or a level's units together) and its indicators. {@code units}: how many units the row sums. */
    public record Row(String code, String name, AdministrativeLevel level, int units, MonthFigures figures,
                      List<Value> indicators, Double score) {
    }

    public record Report(String unit, String period, String from, String to, Row total, List<Row> levels,
                         List<Row> children) {
    }

    public record TrendPoint(String month, Row total) {
    }

    public Report report(SohoaPrincipal principal, String unitCode, Period period) {
        UnitDirectory directory = units.directory();
        AdminUnit unit = visibleUnit(principal, unitCode, directory, period.firstDay(), period.dayAfter());
        Set<String> scope = directory.scope(unit.code(), period.firstDay(), period.dayAfter());
        Map<String, MonthFigures> byUnit = figures(scope, month(period.firstDay()), month(period.dayAfter().minusDays(1)));
        Map<String, Map<Indicator, Double>> yearTargets = targetsOf(period.firstDay().getYear());

        Row total = row(unit.code(), unit.name(), unit.level(), 1, scope, byUnit, directory, period, yearTargets);
        List<Row> children = new ArrayList<>();
        for (String child : directory.children(unit.code(), period.firstDay(), period.dayAfter())) {
            AdminUnit version = directory.version(child, period.firstDay(), period.dayAfter()).orElseThrow();
            children.add(row(child, version.name(), version.level(), 1,
                    directory.scope(child, period.firstDay(), period.dayAfter()), byUnit, directory, period,
                    yearTargets));
        }
        Map<AdministrativeLevel, Set<String>> perLevel = new EnumMap<>(AdministrativeLevel.class);
        for (String code : scope) {
            // a unit that ended before the period and recorded nothing in it is not one of the level's units
            directory.version(code, period.firstDay(), period.dayAfter())
                    .filter(version -> version.overlaps(period.firstDay(), period.dayAfter())
                            || byUnit.containsKey(code))
                    .ifPresent(version -> perLevel.computeIfAbsent(version.level(), l -> new LinkedHashSet<>())
                            .add(code));
        }
        List<Row> levels = new ArrayList<>();
        perLevel.forEach((level, codes) -> levels.add(row(null, level.vietnameseName(), level, codes.size(), codes,
                byUnit, directory, period, yearTargets)));
        return new Report(unit.code(), period.label(), period.firstDay().toString(),
                period.dayAfter().minusDays(1).toString(), total, levels, children);
    }

    /** The unit's totals month by month, each month over the units that made it up then. */
    public List<TrendPoint> trend(SohoaPrincipal principal, String unitCode, YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.until(to, ChronoUnit.MONTHS) >= MAX_TREND_MONTHS) {
            throw new InvalidInputException("to", "the trend runs from 'from' to 'to', at most " + MAX_TREND_MONTHS
                    + " months", "khoảng thời gian phải từ 'from' đến 'to', tối đa " + MAX_TREND_MONTHS + " tháng");
        }
        UnitDirectory directory = units.directory();
        LocalDate first = from.atDay(1);
        LocalDate after = to.plusMonths(1).atDay(1);
        AdminUnit unit = visibleUnit(principal, unitCode, directory, first, after);
        Set<String> everything = directory.scope(unit.code(), first, after);
        Map<String, Map<Integer, MonthFigures>> monthly = monthlyFigures(everything, month(first), month(to.atDay(1)));
        List<TrendPoint> points = new ArrayList<>();
        Map<Integer, Map<String, Map<Indicator, Double>>> targetsByYear = new HashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Period period = Period.parse(month.toString());
            Set<String> scope = directory.scope(unit.code(), period.firstDay(), period.dayAfter());
            int key = month(period.firstDay());
            Map<String, MonthFigures> byUnit = new HashMap<>();
            for (String code : scope) {
                MonthFigures figures = monthly.getOrDefault(code, Map.of()).get(key);
                if (figures != null) {
                    byUnit.put(code, figures);
                }
            }
            AdminUnit version = directory.version(unit.code(), period.firstDay(), period.dayAfter()).orElseThrow();
            points.add(new TrendPoint(month.toString(), row(unit.code(), version.name(), version.level(), 1, scope,
                    byUnit, directory, period, targetsByYear.computeIfAbsent(month.getYear(), this::targetsOf))));
        }
        return points;
    }

    /** Every unit the caller's agency covers, ever (its own, those below it and those it took over). */
    public Set<String> unitsOf(SohoaPrincipal principal) {
        if (principal.agencyCode() == null || !units.directory().contains(principal.agencyCode())) {
            return Set.of();
        }
        return units.directory().scope(principal.agencyCode(), EVER_FROM, EVER_UNTIL);
    }

    /** The unit named, or the caller's own; 404 for a unit the caller may not see, as if it did not exist. */
    private static AdminUnit visibleUnit(SohoaPrincipal principal, String unitCode, UnitDirectory directory,
                                         LocalDate from, LocalDate until) {
        String code = unitCode == null || unitCode.isBlank() ? principal.agencyCode() : unitCode.strip();
        if (code == null || !directory.contains(code)) {
            throw new NotFoundException("unit " + code);
        }
        if (principal.role() != Role.ADMIN && (principal.agencyCode() == null
                || !directory.scope(principal.agencyCode(), EVER_FROM, EVER_UNTIL).contains(code))) {
            throw new NotFoundException("unit " + code);
        }
        return directory.version(code, from, until).orElseThrow();
    }

    private Row row(String code, String name, AdministrativeLevel level, int unitCount, Set<String> scope,
                    Map<String, MonthFigures> byUnit, UnitDirectory directory, Period period,
                    Map<String, Map<Indicator, Double>> yearTargets) {
        MonthFigures sum = MonthFigures.ZERO;
        long communes = 0;
        long communesWithCopies = 0;
        for (String unit : scope) {
            MonthFigures figures = byUnit.getOrDefault(unit, MonthFigures.ZERO);
            sum = sum.plus(figures);
            AdminUnit version = directory.version(unit, period.firstDay(), period.dayAfter()).orElse(null);
            if (version != null && version.level() == AdministrativeLevel.COMMUNE
                    && version.overlaps(period.firstDay(), period.dayAfter())) {
                communes++;
                if (figures.certifiedCopies() > 0) {
                    communesWithCopies++;
                }
            }
        }
        Map<Indicator, Double> levelTargets = yearTargets.getOrDefault(level.name(), Map.of());
        List<Value> values = new ArrayList<>();
        double score = 0;
        boolean anyApplicable = false;
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue value = switch (indicator) {
                case E_RESULT_ISSUED -> indicator.of(sum.completedElectronic(), sum.completedPaperResult());
                case DOSSIERS_DIGITIZED -> indicator.of(sum.digitized(), sum.received());
                // a commune "offers" electronic certified copies in a period when it issued at least one (practice:
                // the portal counts communes with e-certified copies on record)
                case E_CERTIFIED_COPY_PROVISION -> indicator.of(communesWithCopies, communes);
                case REUSE_OF_DIGITIZED_DATA -> indicator.of(sum.reused(), sum.received());
                case LINKED_WITH_PERSONAL_DATA_STORE -> indicator.of(sum.linkedDataStore(), sum.received());
            };
            Double target = levelTargets.get(indicator);
            Boolean attained = target == null || value.rate() == null ? null : value.rate() >= target;
            values.add(new Value(indicator, indicator.vietnameseName(), value.numerator(), value.denominator(),
                    value.rate(), value.score(), target, attained));
            if (value.score() != null) {
                score += value.score();
                anyApplicable = true;
            }
        }
        return new Row(code, name, level, unitCount, sum, values,
                anyApplicable ? Math.round(score * 100) / 100.0 : null);
    }

    private Map<String, Map<Indicator, Double>> targetsOf(int year) {
        Map<String, Map<Indicator, Double>> result = new HashMap<>();
        for (Targets.Target target : targets.ofYear(year)) {
            result.computeIfAbsent(target.level().name(), l -> new EnumMap<>(Indicator.class))
                    .put(target.indicator(), target.rate());
        }
        return result;
    }

    private Map<String, MonthFigures> figures(Set<String> scope, int fromMonth, int toMonth) {
        Map<String, MonthFigures> result = new HashMap<>();
        monthlyFigures(scope, fromMonth, toMonth).forEach((unit, months) -> months.values()
                .forEach(figures -> result.merge(unit, figures, MonthFigures::plus)));
        return result;
    }

    private Map<String, Map<Integer, MonthFigures>> monthlyFigures(Set<String> scope, int fromMonth, int toMonth) {
        Map<String, Map<Integer, MonthFigures>> result = new HashMap<>();
        if (scope.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from unit_month_figures where unit_code in (:scope) and period_month >= :from and period_month <= :to")
                .param("scope", scope).param("from", fromMonth).param("to", toMonth)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString("unit_code"), c -> new HashMap<>()).put(rs.getInt("period_month"),
                            new MonthFigures(rs.getLong("received"), rs.getLong("digitized"), rs.getLong("reused"),
                                    rs.getLong("linked_data_store"), rs.getLong("completed_paper_result"),
                                    rs.getLong("completed_electronic"), rs.getLong("certified_copies")));
                });
        return result;
    }

    private static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }
}
