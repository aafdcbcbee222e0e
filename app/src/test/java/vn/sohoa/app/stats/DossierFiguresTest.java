package vn.sohoa.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One dossier's contribution to the monthly figures, worked out by hand, whatever order its events come in. */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
class DossierFiguresTest {

    static DossierEvent event(String id, DossierEventType type, String time) {
        return new DossierEvent("D-1", id, type, OffsetDateTime.parse(time), null, null, null, null, null, null);
    }

    static DossierEvent received(String unit, String time, int components, boolean paperResult) {
        return new DossierEvent("D-1", "received", DossierEventType.RECEIVED, OffsetDateTime.parse(time), unit,
                Channel.WALK_IN, null, components, paperResult, null);
    }

    static DossierEvent component(String id, DossierEventType type, String component, String time) {
        return new DossierEvent("D-1", id, type, OffsetDateTime.parse(time), null, null, component, null, null, null);
    }

    static DossierEvent result(ResultForm form, String time) {
        return new DossierEvent("D-1", "result", DossierEventType.RESULT_ISSUED, OffsetDateTime.parse(time), null,
                null, null, null, null, form);
    }

    static DossierEvent transfer(String id, String unit, String time) {
        return new DossierEvent("D-1", id, DossierEventType.TRANSFERRED, OffsetDateTime.parse(time), unit, null, null,
                null, null, null);
    }

    @Test
    void aDigitizedDossierWithAnElectronicResultCountsInTheMonthsOfReceiptAndCompletion() {
        // received on 31 March at 23:30 Vietnam time: March, although it is still 16:30 UTC
        List<DossierEvent> events = List.of(
                received("A", "2025-03-31T23:30:00+07:00", 2, true),
                component("c1", DossierEventType.COMPONENT_DIGITIZED, "giay-khai-sinh", "2025-04-01T08:00:00+07:00"),
                component("c2", DossierEventType.COMPONENT_REUSED, "cccd", "2025-04-01T08:05:00+07:00"),
                result(ResultForm.ELECTRONIC, "2025-04-10T10:00:00+07:00"),
                event("copy-1", DossierEventType.CERTIFIED_COPY_ISSUED, "2025-04-11T09:00:00+07:00"),
                event("sync", DossierEventType.RESULT_SYNCED_TO_DATA_STORE, "2025-04-12T09:00:00+07:00"));
        assertThat(DossierFigures.of(events)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new DossierFigures.Cell("A", 202503), new MonthFigures(1, 1, 1, 1, 0, 0, 0),
                new DossierFigures.Cell("A", 202504), new MonthFigures(0, 0, 0, 0, 1, 1, 1)));
    }

    @Test
    void theSameEventsInAnyOrderGiveTheSameFigures() {
        List<DossierEvent> events = new ArrayList<>(List.of(
                received("A", "2025-05-02T08:00:00+07:00", 3, true),
                component("c1", DossierEventType.COMPONENT_DIGITIZED, "1", "2025-05-02T09:00:00+07:00"),
                component("c2", DossierEventType.COMPONENT_DIGITIZED, "2", "2025-05-02T09:01:00+07:00"),
                component("c3", DossierEventType.COMPONENT_FROM_DATA_STORE, "3", "2025-05-02T09:02:00+07:00"),
                transfer("t1", "B", "2025-05-03T08:00:00+07:00"),
                result(ResultForm.PAPER, "2025-06-01T08:00:00+07:00")));
        Map<DossierFigures.Cell, MonthFigures> expected = Map.of(
                // all components covered, but a paper result of a paper-result procedure: not digitized
                new DossierFigures.Cell("B", 202505), new MonthFigures(1, 0, 0, 1, 0, 0, 0),
                new DossierFigures.Cell("B", 202506), new MonthFigures(0, 0, 0, 0, 1, 0, 0));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(DossierFigures.of(events)).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void withoutItsReceiptADossierCountsNowhereAndTheDifferenceMovesItWhenItArrives() {
        DossierEvent digitized = component("c1", DossierEventType.COMPONENT_DIGITIZED, "1", "2025-05-02T09:00:00+07:00");
        assertThat(DossierFigures.of(List.of(digitized))).isEmpty();

        Map<DossierFigures.Cell, MonthFigures> before = DossierFigures.of(List.of(digitized));
        Map<DossierFigures.Cell, MonthFigures> after = DossierFigures.of(List.of(digitized,
                received("A", "2025-05-02T08:00:00+07:00", 1, false)));
        assertThat(DossierFigures.difference(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new DossierFigures.Cell("A", 202505), new MonthFigures(1, 1, 0, 0, 0, 0, 0)));

        // a transfer arriving later takes the dossier from A to B: minus at A, plus at B
        Map<DossierFigures.Cell, MonthFigures> moved = DossierFigures.of(List.of(digitized,
                received("A", "2025-05-02T08:00:00+07:00", 1, false), transfer("t", "B", "2025-05-04T08:00:00+07:00")));
        assertThat(DossierFigures.difference(after, moved)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new DossierFigures.Cell("A", 202505), new MonthFigures(-1, -1, 0, 0, 0, 0, 0),
                new DossierFigures.Cell("B", 202505), new MonthFigures(1, 1, 0, 0, 0, 0, 0)));
    }

    @Test
    void aDossierWithNothingToDigitizeCountsAsDigitized() {
        assertThat(DossierFigures.of(List.of(received("A", "2025-05-02T08:00:00+07:00", 0, false))))
                .containsEntry(new DossierFigures.Cell("A", 202505), new MonthFigures(1, 1, 0, 0, 0, 0, 0));
    }
}
