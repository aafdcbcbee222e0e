package vn.sohoa.app.stats;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CopyCertified;
import vn.sohoa.app.document.DocumentDigitized;
import vn.sohoa.app.document.PaperReused;
import vn.sohoa.app.dossier.DossierRegistered;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.error.InvalidInputException;

/**
 * Records dossier events and keeps the monthly figures per unit up to date as they arrive: each event changes the
 * figures by the difference between its dossier's figures before and after it ({@link DossierFigures}). Events of
 * one dossier are serialised by a row lock; an event sent again (same dossier code and event id, same content) is
 * accepted and changes nothing; the same id with other content is refused.
 */
@Service
public class DossierFacts {

    /** The source of the facts Sohoa records from its own actions. */
    public static final String SOHOA = "sohoa";

    private final JdbcClient jdbc;
    private final UnitRepository units;

    DossierFacts(JdbcClient jdbc, UnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** @return true when recorded now, false when it had been recorded before */
    @Transactional
    public boolean record(DossierEvent event, String source) {
        return record(event, source, null);
    }

    /**
     * As {@link #record(DossierEvent, String)}, for a reporter that may only speak of the units in
     * {@code reporterUnits} (null: any unit): the event's unit and the unit holding the dossier must be among them,
     * or the dossier is answered as not found, like anything else outside the caller's agency tree.
     */
    @Transactional
    public boolean record(DossierEvent event, String source, Set<String> reporterUnits) {
        event.validate();
        if (event.unitCode() != null && !units.directory().contains(event.unitCode())) {
            throw new InvalidInputException("unitCode", "unknown unit " + event.unitCode()
                    + " (import it first: POST /api/v1/units)", "không có đơn vị " + event.unitCode());
        }
        if (reporterUnits != null) {
            String holder = jdbc.sql("select unit_code from dossier_facts where dossier_code = ?")
                    .param(event.dossierCode()).query(String.class).optional().orElse(null);
            if ((event.unitCode() != null && !reporterUnits.contains(event.unitCode()))
                    || (holder != null && !reporterUnits.contains(holder))) {
                throw new NotFoundException("unit or dossier " + event.dossierCode() + " among the caller's units");
            }
        }
        return recordTrusted(event, source);
    }

    /** As {@link #record}, for Sohoa's own actions, whose agency need not be in the units table. */
    @Transactional
    public boolean recordTrusted(DossierEvent event, String source) {
        jdbc.sql("insert into dossier_facts (dossier_code) values (?) on conflict do nothing")
                .param(event.dossierCode()).update();
        jdbc.sql("select dossier_code from dossier_facts where dossier_code = ? for update")
                .param(event.dossierCode()).query(String.class).single();
        List<DossierEvent> events = events(event.dossierCode());
        for (DossierEvent earlier : events) {
            if (earlier.eventId().equals(event.eventId())) {
                if (sameContent(earlier, event)) {
                    return false;
                }
                throw new ConflictException("event " + event.eventId() + " of dossier " + event.dossierCode()
                        + " was recorded before with other content", "sự kiện " + event.eventId() + " của hồ sơ "
                        + event.dossierCode() + " đã được ghi nhận với nội dung khác");
            }
        }
        Map<DossierFigures.Cell, MonthFigures> before = DossierFigures.of(events);
        List<DossierEvent> after = new ArrayList<>(events);
        after.add(event);
        Map<DossierFigures.Cell, MonthFigures> change = DossierFigures.difference(before, DossierFigures.of(after));
        jdbc.sql("insert into dossier_events (dossier_code, event_id, event_type, occurred_at, unit_code, channel, "
                        + "component, components, paper_result, result_form, source) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.dossierCode(), event.eventId(), event.type().name(),
                        Timestamp.from(event.occurredAt().toInstant()), event.unitCode(),
                        event.channel() == null ? null : event.channel().name(), event.component(),
                        event.components(), event.paperResult(),
                        event.resultForm() == null ? null : event.resultForm().name(), source)
                .update();
        // always in the same order, so that two dossiers' events never wait on each other's rows crosswise
        change.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<DossierFigures.Cell, MonthFigures> e) -> e.getKey().unitCode())
                        .thenComparingInt(e -> e.getKey().month()))
                .forEach(e -> addToFigures(e.getKey(), e.getValue()));
        String holder = DossierFigures.holder(after);
        jdbc.sql("update dossier_facts set unit_code = ?, updated_at = current_timestamp where dossier_code = ?")
                .params(holder, event.dossierCode()).update();
        return true;
    }

    /** Sohoa's own facts, recorded in the caller's transaction with the action they describe. */
    @EventListener
    void on(DossierRegistered event) {
        recordTrusted(new DossierEvent(event.dossierCode(), "sohoa:received", DossierEventType.RECEIVED,
                event.receivedAt(), event.agencyCode(), Channel.WALK_IN, null, null, null, null), SOHOA);
    }

    /** A paper counts as digitized once; a rescan that makes a new PDF/A of it does not count again. */
    @EventListener
    void on(DocumentDigitized event) {
        if (event.firstTime()) {
            recordTrusted(new DossierEvent(event.dossierCode(), "sohoa:digitized:" + event.documentId(),
                    DossierEventType.COMPONENT_DIGITIZED, event.digitizedAt(), null, null, event.documentId(), null,
                    null, null), SOHOA);
        }
    }

    @EventListener
    void on(PaperReused event) {
        recordTrusted(new DossierEvent(event.dossierCode(), "sohoa:reused:" + event.documentId(),
                DossierEventType.COMPONENT_REUSED, event.at(), null, null, event.documentId(), null, null, null),
                SOHOA);
    }

    /** A copy issued counts for its dossier, in the transaction that issues it. */
    @EventListener
    void on(CopyCertified event) {
        Certification copy = event.copy();
        recordTrusted(new DossierEvent(copy.dossierCode(), "sohoa:copy:" + copy.id(),
                DossierEventType.CERTIFIED_COPY_ISSUED, copy.certifiedAt(), null, null, null, null, null, null),
                SOHOA);
    }

    public List<DossierEvent> events(String dossierCode) {
        return jdbc.sql("select * from dossier_events where dossier_code = ? order by occurred_at, event_id")
                .param(dossierCode)
                .query((rs, n) -> new DossierEvent(rs.getString("dossier_code"), rs.getString("event_id"),
                        DossierEventType.valueOf(rs.getString("event_type")),
                        rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC),
                        rs.getString("unit_code"),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("component"), (Integer) rs.getObject("components", Integer.class),
                        (Boolean) rs.getObject("paper_result", Boolean.class),
                        rs.getString("result_form") == null ? null : ResultForm.valueOf(rs.getString("result_form"))))
                .list();
    }

    /** Adds {@code change} to one unit's figures of one month. */
    void addToFigures(DossierFigures.Cell cell, MonthFigures change) {
        jdbc.sql("insert into unit_month_figures (unit_code, period_month) values (?, ?) on conflict do nothing")
                .params(cell.unitCode(), cell.month()).update();
        jdbc.sql("update unit_month_figures set received = received + ?, digitized = digitized + ?, "
                        + "reused = reused + ?, linked_data_store = linked_data_store + ?, "
                        + "completed_paper_result = completed_paper_result + ?, "
                        + "completed_electronic = completed_electronic + ?, certified_copies = certified_copies + ? "
                        + "where unit_code = ? and period_month = ?")
                .params(change.received(), change.digitized(), change.reused(), change.linkedDataStore(),
                        change.completedPaperResult(), change.completedElectronic(), change.certifiedCopies(),
                        cell.unitCode(), cell.month())
                .update();
    }

    private static boolean sameContent(DossierEvent a, DossierEvent b) {
        return a.type() == b.type() && a.occurredAt().toInstant().equals(b.occurredAt().toInstant())
                && Objects.equals(a.unitCode(), b.unitCode()) && a.channel() == b.channel()
                && Objects.equals(a.component(), b.component()) && Objects.equals(a.components(), b.components())
                && Objects.equals(a.paperResult(), b.paperResult()) && a.resultForm() == b.resultForm();
    }
}
