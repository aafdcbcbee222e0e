package vn.sohoa.app.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * Digitization statistics of a unit and every unit below it: dossiers received in the period, those of them whose
 * papers are all digitized, certified copies issued, and the digitization rate (null, "not applicable", when no
 * dossier was received; never 100%).
 */
@Service
public class StatisticsService {

    private final JdbcClient jdbc;
    private final AgencyRepository agencies;
    private final AccessPolicy access;

    StatisticsService(JdbcClient jdbc, AgencyRepository agencies, AccessPolicy access) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.access = access;
    }

    /**
     * Figures of one agency or one level. {@code rate} is a percentage and {@code score} the points of the national
     * "dossiers digitized" indicator (4 points, all of them from 80 %); both null when nothing was received. Beside
     * the national indicators, a quality one: of the page scans taken at the desk ({@code pagesScanned}, each judged
     * by the scan-quality gate), how many had to be scanned again ({@code pagesRescanned}), as a percentage in
     * {@code rescanRate} (null without scans).
     */
    public record Figures(long received, long digitized, long certifiedCopies, Double rate, Double score,
                          long pagesScanned, long pagesRescanned, Double rescanRate) {

        static Figures of(long received, long digitized, long certifiedCopies, long pagesScanned,
                          long pagesRescanned) {
            IndicatorValue indicator = Indicator.DOSSIERS_DIGITIZED.of(digitized, received);
            return new Figures(received, digitized, certifiedCopies, indicator.rate(), indicator.score(),
                    pagesScanned, pagesRescanned,
                    pagesScanned == 0 ? null : Math.round(1000.0 * pagesRescanned / pagesScanned) / 10.0);
        }

        Figures plus(Figures other) {
            return of(received + other.received, digitized + other.digitized, certifiedCopies + other.certifiedCopies,
                    pagesScanned + other.pagesScanned, pagesRescanned + other.pagesRescanned);
        }
    }

    public record AgencyFigures(String code, String name, AdministrativeLevel level, String parentCode,
                                Figures own) {
    }

    public record LevelFigures(AdministrativeLevel level, int units, Figures figures) {
    }

    public record Report(String unit, String period, String from, String to, Figures total,
                         List<LevelFigures> levels, List<AgencyFigures> agencies) {
    }

    public Report digitization(SohoaPrincipal principal, String unit, Period period) {
        String root = unit == null || unit.isBlank() ? principal.agencyCode() : unit;
        Agency top = agencies.find(root).orElseThrow(() -> new NotFoundException("unit " + root));
        access.requireVisible(principal, top.code(), "unit " + root);
        Set<String> scope = agencies.withDescendants(top.code());
        Map<String, Agency> byCode = new HashMap<>();
        agencies.findAll().forEach(a -> byCode.put(a.code(), a));

        Map<String, long[]> counts = new HashMap<>();
        scope.forEach(code -> counts.put(code, new long[5]));
        jdbc.sql("select s.agency_code, count(*) as received, "
                        + "sum(case when exists (select 1 from documents d where d.dossier_code = s.code) "
                        + "and not exists (select 1 from documents d where d.dossier_code = s.code "
                        + "and d.status <> 'DIGITIZED') then 1 else 0 end) as digitized "
                        + "from dossiers s where s.agency_code in (:scope) and s.received_at >= :from "
                        + "and s.received_at < :to group by s.agency_code")
                .param("scope", scope).param("from", period.start()).param("to", period.end())
                .query(rs -> {
                    long[] row = counts.get(rs.getString("agency_code"));
                    row[0] = rs.getLong("received");
                    row[1] = rs.getLong("digitized");
                });
        jdbc.sql("select agency_code, count(*) as copies from certifications where agency_code in (:scope) "
                        + "and certified_at >= :from and certified_at < :to group by agency_code")
                .param("scope", scope).param("from", period.start()).param("to", period.end())
                .query(rs -> {
                    counts.get(rs.getString("agency_code"))[2] = rs.getLong("copies");
                });

        // page scans of the period's dossiers, and those replaced by a rescan (the scan-quality gate's table)
        jdbc.sql("select s.agency_code, count(*) as scanned, "
                        + "sum(case when q.replaced_at is not null then 1 else 0 end) as rescanned "
                        + "from page_quality q join documents d on d.id = q.document_id "
                        + "join dossiers s on s.code = d.dossier_code where s.agency_code in (:scope) "
                        + "and s.received_at >= :from and s.received_at < :to group by s.agency_code")
                .param("scope", scope).param("from", period.start()).param("to", period.end())
                .query(rs -> {
                    long[] row = counts.get(rs.getString("agency_code"));
                    row[3] = rs.getLong("scanned");
                    row[4] = rs.getLong("rescanned");
                });

        List<AgencyFigures> rows = new ArrayList<>();
        Map<AdministrativeLevel, Figures> levelTotals = new EnumMap<>(AdministrativeLevel.class);
        Map<AdministrativeLevel, Integer> levelUnits = new EnumMap<>(AdministrativeLevel.class);
        Figures total = Figures.of(0, 0, 0, 0, 0);
        for (String code : scope) {
            Agency agency = byCode.get(code);
            long[] c = counts.get(code);
            Figures own = Figures.of(c[0], c[1], c[2], c[3], c[4]);
            rows.add(new AgencyFigures(agency.code(), agency.name(), agency.level(), agency.parentCode(), own));
            levelTotals.merge(agency.level(), own, Figures::plus);
            levelUnits.merge(agency.level(), 1, Integer::sum);
            total = total.plus(own);
        }
        List<LevelFigures> levels = new ArrayList<>();
        levelTotals.forEach((level, figures) -> levels.add(new LevelFigures(level, levelUnits.get(level), figures)));
        return new Report(top.code(), period.label(), period.firstDay().toString(),
                period.dayAfter().minusDays(1).toString(), total, levels, rows);
    }
}
