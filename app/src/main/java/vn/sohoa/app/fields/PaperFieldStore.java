package vn.sohoa.app.fields;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.sohoa.app.document.PaperIdentity;
import vn.sohoa.ocr.fields.ExtractedField;
import vn.sohoa.ocr.fields.PaperFields;
import vn.sohoa.ocr.fields.PaperType;

/**
 * The key fields of digitized papers, and the desk's confirmations of them. The paper's kind is kept as the
 * field {@code PAPER_TYPE}; no value of a field ever goes into a log or an object key.
 */
@Component
public class PaperFieldStore {

    static final String PAPER_TYPE = "PAPER_TYPE";

    private final JdbcClient jdbc;
    private final Clock clock;

    PaperFieldStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces what was read from the document (a rescan reads it again), in the caller's transaction. */
    public void replace(String documentId, PaperFields fields) {
        jdbc.sql("delete from paper_fields where document_id = ?").param(documentId).update();
        int position = 0;
        insert(documentId, position++, PAPER_TYPE, fields.type().name(), 1.0, 1, 0, 0, 0, 0);
        for (ExtractedField field : fields.fields()) {
            insert(documentId, position++, field.name().name(), field.value(), field.confidence(), field.page(),
                    field.box().left(), field.box().top(), field.box().right(), field.box().bottom());
        }
    }

    private void insert(String documentId, int position, String field, String value, double confidence, int page,
                        int left, int top, int right, int bottom) {
        jdbc.sql("insert into paper_fields (document_id, position, field, field_value, confidence, page, box_left, "
                        + "box_top, box_right, box_bottom) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(documentId, position, field, value, confidence, page, left, top, right, bottom).update();
    }

    /** What was read from the document; an empty view before it is digitized. */
    public PaperFieldsView read(String documentId) {
        List<PaperFieldsView.Field> fields = new ArrayList<>();
        String[] type = {null};
        jdbc.sql("select field, field_value, confidence, page, box_left, box_top, box_right, box_bottom "
                        + "from paper_fields where document_id = ? order by position")
                .param(documentId)
                .query(rs -> {
                    if (rs.getString("field").equals(PAPER_TYPE)) {
                        type[0] = rs.getString("field_value");
                    } else {
                        fields.add(new PaperFieldsView.Field(rs.getString("field"), rs.getString("field_value"),
                                rs.getDouble("confidence"), rs.getInt("page"), new PaperFieldsView.Box(
                                rs.getInt("box_left"), rs.getInt("box_top"), rs.getInt("box_right"),
                                rs.getInt("box_bottom"))));
                    }
                });
        return PaperFieldsView.of(type[0] == null ? null : PaperType.valueOf(type[0]), fields);
    }

    /** Whether any confirmation of the document's identity was recorded. */
    public boolean confirmedBefore(String documentId) {
        return jdbc.sql("select count(*) from paper_field_confirmations where document_id = ?").param(documentId)
                .query(Long.class).single() > 0;
    }

    /**
     * Records what the clerk confirmed against what was proposed, field by field (a correction when they differ),
     * in the caller's transaction.
     */
    public void confirmed(String documentId, PaperFieldsView.Proposed proposed, PaperIdentity identity,
                          String username) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        confirmed.put("paperType", identity.paperType());
        confirmed.put("citizenId", identity.citizenId());
        confirmed.put("validUntil", identity.validUntil() == null ? null : identity.validUntil().toString());
        Map<String, String> offered = new LinkedHashMap<>();
        offered.put("paperType", proposed.paperType());
        offered.put("citizenId", proposed.citizenId());
        offered.put("validUntil", proposed.validUntil());
        OffsetDateTime now = OffsetDateTime.now(clock);
        offered.forEach((field, value) -> {
            if (value == null && confirmed.get(field) == null) {
                return; // nothing proposed, nothing entered: nothing to learn from
            }
            jdbc.sql("insert into paper_field_confirmations (document_id, field, proposed, confirmed, confirmed_by, "
                            + "confirmed_at) values (?, ?, ?, ?, ?, ?)")
                    .params(documentId, field, value, confirmed.get(field), username, now).update();
        });
    }

    /** Per field: how many confirmations, and how many took the proposed value unchanged. */
    public record Accuracy(String field, long confirmed, long acceptedAsProposed, Double rate) {
    }

    public List<Accuracy> accuracy() {
        List<Accuracy> rows = new ArrayList<>();
        jdbc.sql("select field, count(*) as confirmed, sum(case when proposed = confirmed then 1 else 0 end) as "
                        + "accepted from paper_field_confirmations group by field order by field")
                .query(rs -> {
                    long all = rs.getLong("confirmed");
                    long accepted = rs.getLong("accepted");
                    rows.add(new Accuracy(rs.getString("field"), all, accepted,
                            all == 0 ? null : Math.round(1000.0 * accepted / all) / 10.0));
                });
        return rows;
    }
}
