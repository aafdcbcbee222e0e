package vn.sohoa.app.certify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.citizen.RequesterColumns;
import vn.sohoa.app.config.VietnamTime;

/** The recorded refusals. */
@Repository
class RefusalRepository {

    private final JdbcClient jdbc;

    RefusalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Refusal r) {
        Object[] asker = RequesterColumns.values(r.requester());
        jdbc.sql("insert into certification_refusals (id, agency_code, dossier_code, document_id, paper_title, reason, "
                        + "note, stage, requester_name, requester_id_type, requester_id_number, requester_phone, "
                        + "requester_email, refused_by, refused_by_name, refused_by_title, refused_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.agencyCode(), r.dossierCode(), r.documentId(), r.paperTitle(), r.reason().name(),
                        r.note(), r.stage().name(), asker[0], asker[1], asker[2], asker[3], asker[4], r.refusedBy(),
                        r.refusedByName(), r.refusedByTitle(), r.refusedAt())
                .update();
    }

    Optional<Refusal> find(String id) {
        return jdbc.sql("select * from certification_refusals where id = ?").param(id)
                .query(RefusalRepository::map).optional();
    }

    /** The refusals of the given agencies, of one dossier when {@code dossierCode} is given, newest first. */
    List<Refusal> search(Collection<String> agencyCodes, String dossierCode, int limit) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        String sql = "select * from certification_refusals where agency_code in (:agencies)"
                + (dossierCode == null ? "" : " and dossier_code = :dossier") + " order by refused_at desc limit :limit";
        var spec = jdbc.sql(sql).param("agencies", agencyCodes).param("limit", limit);
        if (dossierCode != null) {
            spec = spec.param("dossier", dossierCode);
        }
        return spec.query(RefusalRepository::map).list();
    }

    private static Refusal map(ResultSet rs, int row) throws SQLException {
        return new Refusal(rs.getString("id"), rs.getString("agency_code"), rs.getString("dossier_code"),
                rs.getString("document_id"), rs.getString("paper_title"), BarReason.valueOf(rs.getString("reason")),
                rs.getString("note"), Refusal.Stage.valueOf(rs.getString("stage")),
                RequesterColumns.read(rs, "requester"), rs.getString("refused_by"), rs.getString("refused_by_name"),
                rs.getString("refused_by_title"), VietnamTime.of(rs.getObject("refused_at", OffsetDateTime.class)));
    }
}
