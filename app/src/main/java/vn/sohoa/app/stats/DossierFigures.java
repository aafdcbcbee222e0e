package vn.sohoa.app.stats;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one dossier adds to the monthly figures, computed from all its events whatever order they arrived in: the
 * events are read in the order they happened, so a late RECEIVED or a transfer sent after the result changes the
 * figures as if they had come in time. A dossier without a RECEIVED event counts nowhere yet.
 *
 * <p>Recording an event applies the difference between the dossier's figures before and after it, so the monthly
 * aggregates stay exact without ever scanning all dossiers.
 */
public final class DossierFigures {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A unit and a month (yyyymm, Vietnam time). */
    public record Cell(String unitCode, int month) {
    }

    private DossierFigures() {
    }

    public static int month(OffsetDateTime time) {
        var local = time.atZoneSameInstant(VIETNAM);
        return local.getYear() * 100 + local.getMonthValue();
    }

    /** The events in the order they happened (ties by event id, so that every node reads the same order). */
    private static List<DossierEvent> ordered(List<DossierEvent> events) {
        return events.stream()
                .sorted(Comparator.comparing((DossierEvent e) -> e.occurredAt().toInstant())
                        .thenComparing(DossierEvent::eventId))
                .toList();
    }

    /**
     * The unit holding the dossier, which counts it: the last transfer's, or else the receiving unit's (a transfer
     * timed before the receipt, clock skew between systems, still moves the dossier); null before either arrived.
     */
    public static String holder(List<DossierEvent> events) {
        String unit = null;
        boolean received = false;
        for (DossierEvent event : ordered(events)) {
            if (event.type() == DossierEventType.TRANSFERRED) {
                unit = event.unitCode();
            } else if (event.type() == DossierEventType.RECEIVED && !received) {
                received = true;
                unit = unit == null ? event.unitCode() : unit;
            }
        }
        return unit;
    }

    public static Map<Cell, MonthFigures> of(List<DossierEvent> events) {
        List<DossierEvent> ordered = ordered(events);
        DossierEvent receipt = null;
        DossierEvent result = null;
        Set<String> covered = new HashSet<>();
        boolean reused = false;
        boolean linked = false;
        for (DossierEvent event : ordered) {
            switch (event.type()) {
                case RECEIVED -> receipt = receipt == null ? event : receipt;
                case TRANSFERRED -> {
                }
                case COMPONENT_DIGITIZED -> covered.add(event.component());
                case COMPONENT_REUSED -> {
                    covered.add(event.component());
                    reused = true;
                }
                case COMPONENT_FROM_DATA_STORE -> {
                    covered.add(event.component());
                    linked = true;
                }
                case RESULT_ISSUED -> result = event;
                case RESULT_SYNCED_TO_DATA_STORE -> linked = true;
                case CERTIFIED_COPY_ISSUED -> {
                }
            }
        }
        Map<Cell, MonthFigures> cells = new HashMap<>();
        if (receipt == null) {
            return cells;
        }
        String holder = holder(ordered);
        boolean paperResult = Boolean.TRUE.equals(receipt.paperResult());
        boolean completed = result != null;
        boolean electronic = completed && result.resultForm() == ResultForm.ELECTRONIC;
        int needed = receipt.components() == null ? 1 : receipt.components();
        boolean componentsDigitized = covered.size() >= needed;
        boolean digitized = componentsDigitized && !(completed && paperResult && !electronic);
        add(cells, new Cell(holder, month(receipt.occurredAt())), new MonthFigures(1, digitized ? 1 : 0,
                reused ? 1 : 0, linked ? 1 : 0, 0, 0, 0));
        if (completed && paperResult) {
            add(cells, new Cell(holder, month(result.occurredAt())),
                    new MonthFigures(0, 0, 0, 0, 1, electronic ? 1 : 0, 0));
        }
        for (DossierEvent event : ordered) {
            if (event.type() == DossierEventType.CERTIFIED_COPY_ISSUED) {
                add(cells, new Cell(holder, month(event.occurredAt())), new MonthFigures(0, 0, 0, 0, 0, 0, 1));
            }
        }
        return cells;
    }

    /** The change to apply to the aggregates when a dossier's figures go from {@code before} to {@code after}. */
    public static Map<Cell, MonthFigures> difference(Map<Cell, MonthFigures> before, Map<Cell, MonthFigures> after) {
        Map<Cell, MonthFigures> change = new HashMap<>(after);
        before.forEach((cell, figures) -> change.merge(cell, figures.negated(), MonthFigures::plus));
        change.values().removeIf(MonthFigures::isZero);
        return change;
    }

    private static void add(Map<Cell, MonthFigures> cells, Cell cell, MonthFigures figures) {
        cells.merge(cell, figures, MonthFigures::plus);
    }
}
