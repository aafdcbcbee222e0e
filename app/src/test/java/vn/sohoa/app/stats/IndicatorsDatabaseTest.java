package vn.sohoa.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.units.UnitCsv;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

/**
 * Dossier events through to the national indicators, on a real database with the service's migrations, against
 * figures worked out by hand: units merged on 2025-07-01 (a district abolished, two communes merged into a new one, a
 * commune moved under the province), a dossier transferred between units, events out of order and late, events sent
 * twice, empty denominators, targets. Run on H2 here and on PostgreSQL by {@link PostgresIndicatorsDatabaseTest}.
 */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
abstract class IndicatorsDatabaseTest {

    static final String UNITS = """
            code,name,level,parent_code,valid_from,valid_to,successors
            P,Tỉnh P,PROVINCE,,2000-01-01,,
            D,Huyện D,DISTRICT,P,2000-01-01,2025-07-01,P
            A,Xã A,COMMUNE,D,2000-01-01,2025-07-01,N
            B,Xã B,COMMUNE,D,2000-01-01,2025-07-01,N
            C,Xã C,COMMUNE,D,2000-01-01,2025-07-01,
            C,Xã C,COMMUNE,P,2025-07-01,,
            N,Xã N,COMMUNE,P,2025-07-01,,
            """;
    static final SohoaPrincipal ADMIN = new SohoaPrincipal("admin", "Admin", null, Role.ADMIN, "P", "", true);

    HikariDataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transactions;
    UnitRepository units;
    DossierFacts facts;
    Targets targets;
    IndicatorReports reports;

    abstract HikariDataSource freshDatabase();

    @BeforeEach
    void migrate() {
        dataSource = freshDatabase();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        units = new UnitRepository(jdbc);
        facts = new DossierFacts(jdbc, units);
        targets = new Targets(jdbc);
        reports = new IndicatorReports(jdbc, units, targets);
        transactions.executeWithoutResult(s -> units.importUnits(UnitCsv.parse(UNITS)));
    }

    @AfterEach
    void close() {
        TestDatabases.dispose(dataSource);
    }

    boolean record(DossierEvent event) {
        return Boolean.TRUE.equals(transactions.execute(s -> facts.record(event, "one-stop")));
    }

    static DossierEvent received(String dossier, String unit, String time, int components, boolean paperResult) {
        return new DossierEvent(dossier, "received", DossierEventType.RECEIVED, OffsetDateTime.parse(time), unit,
                Channel.ONLINE, null, components, paperResult, null);
    }

    static DossierEvent component(String dossier, DossierEventType type, String component, String time) {
        return new DossierEvent(dossier, type + "-" + component, type, OffsetDateTime.parse(time), null, null,
                component, null, null, null);
    }

    static DossierEvent result(String dossier, ResultForm form, String time) {
        return new DossierEvent(dossier, "result", DossierEventType.RESULT_ISSUED, OffsetDateTime.parse(time), null,
                null, null, null, null, form);
    }

    static DossierEvent simple(String dossier, String id, DossierEventType type, String time) {
        return new DossierEvent(dossier, id, type, OffsetDateTime.parse(time), null, null, null, null, null, null);
    }

    /** Six dossiers around the reform, some events sent before the events that precede them. */
    void recordTheFixture() {
        // d1 at commune A: its result reported before its receipt
        record(result("d1", ResultForm.ELECTRONIC, "2025-05-02T10:00:00+07:00"));
        record(received("d1", "A", "2025-04-10T08:00:00+07:00", 2, true));
        record(component("d1", DossierEventType.COMPONENT_DIGITIZED, "c1", "2025-04-10T08:10:00+07:00"));
        record(component("d1", DossierEventType.COMPONENT_DIGITIZED, "c2", "2025-04-10T08:11:00+07:00"));
        // d2 at commune B: one component reused (that event comes last of all, below)
        record(received("d2", "B", "2025-06-20T08:00:00+07:00", 1, false));
        // d3 at the district desk: one of two components digitized, a paper result
        record(received("d3", "D", "2025-05-15T08:00:00+07:00", 2, true));
        record(component("d3", DossierEventType.COMPONENT_DIGITIZED, "x1", "2025-05-15T09:00:00+07:00"));
        record(result("d3", ResultForm.PAPER, "2025-06-01T08:00:00+07:00"));
        // d4 at commune C: its component from the data store, one certified copy
        record(received("d4", "C", "2025-06-05T08:00:00+07:00", 1, false));
        record(component("d4", DossierEventType.COMPONENT_FROM_DATA_STORE, "k1", "2025-06-05T08:30:00+07:00"));
        record(simple("d4", "copy-1", DossierEventType.CERTIFIED_COPY_ISSUED, "2025-06-06T08:00:00+07:00"));
        // d5 at the new commune N: e-result synced to the data store, two certified copies
        record(received("d5", "N", "2025-07-03T08:00:00+07:00", 1, true));
        record(component("d5", DossierEventType.COMPONENT_DIGITIZED, "c1", "2025-07-03T08:30:00+07:00"));
        record(simple("d5", "copy-1", DossierEventType.CERTIFIED_COPY_ISSUED, "2025-07-04T08:00:00+07:00"));
        record(simple("d5", "copy-2", DossierEventType.CERTIFIED_COPY_ISSUED, "2025-07-05T08:00:00+07:00"));
        record(result("d5", ResultForm.ELECTRONIC, "2025-07-20T08:00:00+07:00"));
        record(simple("d5", "sync", DossierEventType.RESULT_SYNCED_TO_DATA_STORE, "2025-07-20T09:00:00+07:00"));
        // d6 received at C, transferred to N: the transfer is reported first
        record(new DossierEvent("d6", "transfer", DossierEventType.TRANSFERRED,
                OffsetDateTime.parse("2025-08-02T08:00:00+07:00"), "N", null, null, null, null, null));
        record(received("d6", "C", "2025-08-01T08:00:00+07:00", 3, false));
        record(component("d6", DossierEventType.COMPONENT_DIGITIZED, "c1", "2025-08-01T09:00:00+07:00"));
        // late: d2's reused component
        record(component("d2", DossierEventType.COMPONENT_REUSED, "c1", "2025-06-20T08:30:00+07:00"));
    }

    static IndicatorReports.Value value(IndicatorReports.Row row, Indicator indicator) {
        return row.indicators().stream().filter(v -> v.indicator() == indicator).findFirst().orElseThrow();
    }

    @Test
    void beforeTheReformTheProvinceCountsItsDistrictAndCommunes() {
        recordTheFixture();
        transactions.executeWithoutResult(s -> targets.replaceYear(2025, List.of(
                new Targets.Target(2025, AdministrativeLevel.PROVINCE, Indicator.DOSSIERS_DIGITIZED, 80),
                new Targets.Target(2025, AdministrativeLevel.DISTRICT, Indicator.DOSSIERS_DIGITIZED, 70))));
        IndicatorReports.Report q2 = reports.report(ADMIN, "P", Period.parse("2025-Q2"));

        IndicatorReports.Row total = q2.total();
        assertThat(total.figures()).isEqualTo(new MonthFigures(4, 3, 1, 1, 2, 1, 1));
        // 3 of 4 digitized: 75 %, 4 × 75 / 80 = 3.75 points, under the province's 80 % target
        assertThat(value(total, Indicator.DOSSIERS_DIGITIZED)).extracting(IndicatorReports.Value::rate,
                IndicatorReports.Value::score, IndicatorReports.Value::target, IndicatorReports.Value::attained)
                .containsExactly(75.0, 3.75, 80.0, false);
        // 1 of 4 reused: 25 %, 2 × 25 / 80 = 0.625 → 0.63
        assertThat(value(total, Indicator.REUSE_OF_DIGITIZED_DATA).score()).isEqualTo(0.63);
        // 1 of 4 linked with the data store: 4 × 0.25 = 1
        assertThat(value(total, Indicator.LINKED_WITH_PERSONAL_DATA_STORE).score()).isEqualTo(1.0);
        // 1 of 2 completed paper-result dossiers with an e-result: 6 × 0.5 = 3
        assertThat(value(total, Indicator.E_RESULT_ISSUED).score()).isEqualTo(3.0);
        // communes A, B, C; only C issued a certified copy: 33.33 %, 0.67 points; no target set: attained unknown
        IndicatorReports.Value provision = value(total, Indicator.E_CERTIFIED_COPY_PROVISION);
        assertThat(provision).extracting(IndicatorReports.Value::numerator, IndicatorReports.Value::denominator,
                IndicatorReports.Value::rate, IndicatorReports.Value::score, IndicatorReports.Value::attained)
                .containsExactly(1L, 3L, 33.33, 0.67, null);
        // 3.75 + 0.63 + 1 + 3 + 0.67
        assertThat(total.score()).isEqualTo(9.05);

        assertThat(q2.children()).extracting(IndicatorReports.Row::code).containsExactly("D");
        assertThat(q2.children().get(0).figures()).isEqualTo(total.figures());

        // per level: the province desk received nothing (not applicable, never 100 %), the district desk 1 (not
        // digitized), the communes 3 (all digitized)
        assertThat(q2.levels()).extracting(IndicatorReports.Row::level, IndicatorReports.Row::units)
                .containsExactly(Tuple.tuple(AdministrativeLevel.PROVINCE, 1),
                        Tuple.tuple(AdministrativeLevel.DISTRICT, 1),
                        Tuple.tuple(AdministrativeLevel.COMMUNE, 3));
        IndicatorReports.Value province = value(q2.levels().get(0), Indicator.DOSSIERS_DIGITIZED);
        assertThat(province.rate()).isNull();
        assertThat(province.score()).isNull();
        assertThat(province.attained()).isNull();
        assertThat(value(q2.levels().get(1), Indicator.DOSSIERS_DIGITIZED)).extracting(IndicatorReports.Value::rate,
                IndicatorReports.Value::attained).containsExactly(0.0, false);
        assertThat(value(q2.levels().get(2), Indicator.DOSSIERS_DIGITIZED).rate()).isEqualTo(100.0);
    }

    @Test
    void afterTheReformTheMergedCommuneCountsWhatItsPredecessorsDid() {
        recordTheFixture();
        IndicatorReports.Report q3 = reports.report(ADMIN, "P", Period.parse("2025-Q3"));
        // d5 and d6 (received at C, now held by N)
        assertThat(q3.total().figures()).isEqualTo(new MonthFigures(2, 1, 0, 1, 1, 1, 2));
        assertThat(value(q3.total(), Indicator.DOSSIERS_DIGITIZED).score()).isEqualTo(2.5);
        assertThat(value(q3.total(), Indicator.E_CERTIFIED_COPY_PROVISION)).extracting(
                IndicatorReports.Value::numerator, IndicatorReports.Value::denominator).containsExactly(1L, 2L);
        assertThat(q3.children()).extracting(IndicatorReports.Row::code).containsExactly("C", "N");
        assertThat(value(q3.children().get(0), Indicator.DOSSIERS_DIGITIZED).rate()).isNull();
        assertThat(q3.children().get(1).figures().received()).isEqualTo(2);
        // the abolished district and the merged communes are no units of 2025-Q3
        assertThat(q3.levels()).extracting(IndicatorReports.Row::level, IndicatorReports.Row::units)
                .containsExactly(Tuple.tuple(AdministrativeLevel.PROVINCE, 1),
                        Tuple.tuple(AdministrativeLevel.COMMUNE, 2));

        // N did not exist in 2025-Q2; its series there is what A and B did
        IndicatorReports.Report historic = reports.report(ADMIN, "N", Period.parse("2025-Q2"));
        assertThat(historic.total().figures()).isEqualTo(new MonthFigures(2, 2, 1, 0, 1, 1, 0));

        List<IndicatorReports.TrendPoint> trend = reports.trend(ADMIN, "P", YearMonth.of(2025, 4),
                YearMonth.of(2025, 9));
        assertThat(trend).extracting(p -> p.total().figures().received()).containsExactly(1L, 1L, 2L, 1L, 1L, 0L);
        assertThat(trend).extracting(IndicatorReports.TrendPoint::month)
                .containsExactly("2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09");
        assertThat(value(trend.get(5).total(), Indicator.DOSSIERS_DIGITIZED).rate()).isNull();
    }

    @Test
    void aYearAcrossTheMergerCountsEveryDossierOnceUnderTheUnitsOfEitherHalf() throws Exception {
        recordTheFixture();
        IndicatorReports.Report year = reports.report(ADMIN, "P", Period.parse("2025"));
        // d1..d6 once each, whichever unit held them
        assertThat(year.total().figures()).isEqualTo(new MonthFigures(6, 4, 1, 2, 3, 2, 3));
        // the district until June, commune C all year, the new commune N from July
        assertThat(year.children()).extracting(IndicatorReports.Row::code).containsExactly("C", "D", "N");
        assertThat(year.levels()).extracting(IndicatorReports.Row::level, IndicatorReports.Row::units)
                .containsExactly(Tuple.tuple(AdministrativeLevel.PROVINCE, 1),
                        Tuple.tuple(AdministrativeLevel.DISTRICT, 1),
                        Tuple.tuple(AdministrativeLevel.COMMUNE, 4));
        // under D: A, B and C's first half (d1, d2, d3, d4); under N: A, B (its predecessors) and its own (d1, d2,
        // d5, d6)
        assertThat(year.children().get(1).figures().received()).isEqualTo(4);
        assertThat(year.children().get(2).figures().received()).isEqualTo(4);

        // the export carries the same figures, line by line
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(IndicatorExport.xlsx(year)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("P");
            // columns: part, code, name, level, units, period, then per indicator numerator, denominator, …;
            // the second indicator (dossiers digitized): 4 of 6
            assertThat(sheet.getRow(3).getCell(12).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getRow(3).getCell(13).getNumericCellValue()).isEqualTo(6.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + year.levels().size() + year.children().size());
        }
        String csv = new String(IndicatorExport.csv(year), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFPhần / Part,").contains("\r\nTổng / Total,P,Tỉnh P,PROVINCE,1,2025,");
    }

    @Test
    void anEventSentTwiceCountsOnceAndAnIdReusedForOtherContentIsRefused() {
        recordTheFixture();
        MonthFigures before = reports.report(ADMIN, "P", Period.parse("2025")).total().figures();
        assertThat(record(received("d1", "A", "2025-04-10T08:00:00+07:00", 2, true))).isFalse();
        assertThat(reports.report(ADMIN, "P", Period.parse("2025")).total().figures()).isEqualTo(before);
        assertThatThrownBy(() -> record(received("d1", "B", "2025-04-10T08:00:00+07:00", 2, true)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("other content");
        assertThatThrownBy(() -> record(received("d9", "X", "2025-04-10T08:00:00+07:00", 2, true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown unit X");
        assertThatThrownBy(() -> record(received("d9", "A", "2025-04-10T08:00:00+07:00", -1, true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("components");
    }

    @Test
    void aOneStopSystemReportsForItsOwnUnitsOnly() {
        recordTheFixture();
        Set<String> communeC = reports.unitsOf(new SohoaPrincipal("c-system", "C", null, Role.SYSTEM, "C", "", true));
        assertThat(communeC).containsExactly("C");
        DossierEvent elsewhere = received("d7", "A", "2025-04-10T08:00:00+07:00", 1, false);
        assertThatThrownBy(() -> transactions.execute(s -> facts.record(elsewhere, "c-system", communeC)))
                .isInstanceOf(NotFoundException.class);
        // d5 is held by N: C's system may not add to it either
        DossierEvent onAnotherUnitsDossier = simple("d5", "copy-9", DossierEventType.CERTIFIED_COPY_ISSUED,
                "2025-07-06T08:00:00+07:00");
        assertThatThrownBy(() -> transactions.execute(s -> facts.record(onAnotherUnitsDossier, "c-system",
                communeC))).isInstanceOf(NotFoundException.class);
        Boolean recorded = transactions.execute(s -> facts.record(received("d8", "C", "2025-10-01T08:00:00+07:00", 1,
                false), "c-system", communeC));
        assertThat(recorded).isTrue();
    }

    @Test
    void aSupervisorSeesTheirUnitsOnly() {
        SohoaPrincipal commune = new SohoaPrincipal("s", "S", null, Role.SUPERVISOR, "C", "", true);
        assertThat(reports.report(commune, null, Period.parse("2025")).unit()).isEqualTo("C");
        assertThatThrownBy(() -> reports.report(commune, "P", Period.parse("2025")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBulkLoadGivesTheFiguresThatRecordingEveryEventInAnyOrderGives() {
        List<List<DossierEvent>> dossiers = new ArrayList<>();
        long generated = new GeneratedFacts(units.directory(), 5).generate(YearMonth.of(2025, 4),
                YearMonth.of(2025, 9), 6, true, dossiers::add);
        assertThat(generated).isEqualTo(dossiers.size()).isGreaterThan(100);

        transactions.executeWithoutResult(s -> {
            BulkFacts.Loader loader = new BulkFacts(dataSource, facts).loader("test");
            dossiers.forEach(loader::add);
            assertThat(loader.finish()).isEqualTo(generated);
        });
        Map<String, Object> bulk = figuresTable();
        assertThat(reports.report(ADMIN, "P", Period.parse("2025")).total().figures().received())
                .isEqualTo(generated);

        jdbc.sql("delete from dossier_events").update();
        jdbc.sql("delete from dossier_facts").update();
        jdbc.sql("delete from unit_month_figures").update();
        List<DossierEvent> events = new ArrayList<>();
        dossiers.forEach(events::addAll);
        Collections.shuffle(events, new Random(11));
        events.forEach(this::record);
        assertThat(figuresTable()).isEqualTo(bulk);
    }

    /** Every non-zero monthly figure, as text, by unit and month. */
    Map<String, Object> figuresTable() {
        Map<String, Object> table = new TreeMap<>();
        jdbc.sql("select * from unit_month_figures").query(rs -> {
            String row = rs.getLong("received") + "/" + rs.getLong("digitized") + "/" + rs.getLong("reused") + "/"
                    + rs.getLong("linked_data_store") + "/" + rs.getLong("completed_paper_result") + "/"
                    + rs.getLong("completed_electronic") + "/" + rs.getLong("certified_copies");
            if (!row.equals("0/0/0/0/0/0/0")) {
                table.put(rs.getString("unit_code") + "@" + rs.getInt("period_month"), row);
            }
        });
        return table;
    }

    @Test
    void eventsOfManyDossiersAtOnceLeaveExactAggregates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String dossier = "c-" + i;
                String unit = i % 2 == 0 ? "C" : "N";
                // digitized component first, receipt second, as a busy one-stop system may send them
                work.add(pool.submit(() -> record(component(dossier, DossierEventType.COMPONENT_DIGITIZED, "1",
                        "2025-09-10T09:00:00+07:00"))));
                work.add(pool.submit(() -> record(received(dossier, unit, "2025-09-10T08:00:00+07:00", 1, false))));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        IndicatorReports.Report september = reports.report(ADMIN, "P", Period.parse("2025-09"));
        assertThat(september.total().figures()).isEqualTo(new MonthFigures(100, 100, 0, 0, 0, 0, 0));
        assertThat(september.children()).extracting(r -> r.figures().received()).containsExactly(50L, 50L);
    }
}
