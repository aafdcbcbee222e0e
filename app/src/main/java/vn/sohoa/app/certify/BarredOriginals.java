package vn.sohoa.app.certify;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.config.VietnamTime;

/** Originals a certifier has barred from certification, with the reason. */
@Repository
class BarredOriginals {

    record Bar(String documentId, BarReason reason, String note, String barredBy, OffsetDateTime barredAt) {
    }

    private final JdbcClient jdbc;

    BarredOriginals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void bar(String documentId, BarReason reason, String note, String certifier, OffsetDateTime at) {
        jdbc.sql("delete from barred_originals where document_id = ?").param(documentId).update();
        jdbc.sql("insert into barred_originals (document_id, reason, note, barred_by, barred_at) values (?, ?, ?, ?, ?)")
                .params(documentId, reason.name(), note, certifier, at).update();
    }

    Optional<Bar> find(String documentId) {
        return jdbc.sql("select * from barred_originals where document_id = ?").param(documentId)
                .query((rs, n) -> new Bar(rs.getString("document_id"), BarReason.valueOf(rs.getString("reason")),
                        rs.getString("note"), rs.getString("barred_by"),
                        VietnamTime.of(rs.getObject("barred_at", OffsetDateTime.class))))
                .optional();
    }
}
