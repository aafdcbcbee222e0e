package vn.sohoa.app.stats;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads whole dossiers' events at once (demonstration data, the load-test generator, a migration from another
 * system): the events and the facts rows in JDBC batches, and the monthly figures added once per unit and month at
 * the end, computed exactly as {@link DossierFacts} does event by event. Only for dossiers that have no events yet.
 */
@Component
public class BulkFacts {

    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final DossierFacts facts;

    public BulkFacts(DataSource dataSource, DossierFacts facts) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.facts = facts;
    }

    /** A loader that collects dossiers and writes them in batches; {@link Loader#finish()} adds the figures. */
    public Loader loader(String source) {
        return new Loader(source);
    }

    public final class Loader {
        private final String source;
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> dossiers = new ArrayList<>();
        private final Map<DossierFigures.Cell, MonthFigures> figures = new HashMap<>();
        private long loaded;

        private Loader(String source) {
            this.source = source;
        }

        public void add(List<DossierEvent> dossier) {
            if (dossier.isEmpty()) {
                return;
            }
            String code = dossier.get(0).dossierCode();
            for (DossierEvent event : dossier) {
                event.validate();
                events.add(new Object[]{code, event.eventId(), event.type().name(),
                        Timestamp.from(event.occurredAt().toInstant()), event.unitCode(),
                        event.channel() == null ? null : event.channel().name(), event.component(),
                        event.components(), event.paperResult(),
                        event.resultForm() == null ? null : event.resultForm().name(), source});
            }
            dossiers.add(new Object[]{code, DossierFigures.holder(dossier)});
            DossierFigures.of(dossier).forEach((cell, add) -> figures.merge(cell, add, MonthFigures::plus));
            loaded++;
            if (events.size() >= BATCH) {
                flush();
            }
        }

        private void flush() {
            jdbc.batchUpdate("insert into dossier_facts (dossier_code, unit_code) values (?, ?)", dossiers);
            jdbc.batchUpdate("insert into dossier_events (dossier_code, event_id, event_type, occurred_at, unit_code, "
                    + "channel, component, components, paper_result, result_form, source) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
            dossiers.clear();
            events.clear();
        }

        /** Writes what is left and adds the figures; returns the number of dossiers loaded. */
        public long finish() {
            flush();
            figures.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<DossierFigures.Cell, MonthFigures> e)
                            -> e.getKey().unitCode()).thenComparingInt(e -> e.getKey().month()))
                    .forEach(e -> facts.addToFigures(e.getKey(), e.getValue()));
            figures.clear();
            return loaded;
        }
    }
}
