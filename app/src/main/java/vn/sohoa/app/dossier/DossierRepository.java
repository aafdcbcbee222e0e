package vn.sohoa.app.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.citizen.RequesterColumns;
import vn.sohoa.app.config.VietnamTime;

@Repository
public class DossierRepository {

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Dossier dossier) {
        Object[] applicant = RequesterColumns.values(dossier.applicant());
        jdbc.sql("insert into dossiers (code, agency_code, procedure_code, received_at, created_by, applicant_name, "
                        + "applicant_id_type, applicant_id_number, applicant_phone, applicant_email) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(dossier.code(), dossier.agencyCode(), dossier.procedureCode(), dossier.receivedAt(),
                        dossier.createdBy(), applicant[0], applicant[1], applicant[2], applicant[3], applicant[4])
                .update();
    }

    public Optional<Dossier> find(String code) {
        return jdbc.sql("select * from dossiers where code = ?").param(code).query(DossierRepository::map)
                .optional();
    }

    public List<Dossier> findByAgencies(Collection<String> agencyCodes, int limit) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from dossiers where agency_code in (:agencies) order by received_at desc "
                        + "limit :limit")
                .param("agencies", agencyCodes)
                .param("limit", limit)
                .query(DossierRepository::map)
                .list();
    }

    /** Dossiers whose code or procedure code contains {@code text} (any case), newest first. */
    public List<Dossier> search(Collection<String> agencyCodes, String text, int limit) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("select * from dossiers where agency_code in (:agencies) and (lower(code) like :pattern "
                        + "escape '\\' or lower(coalesce(procedure_code, '')) like :pattern escape '\\') "
                        + "order by received_at desc limit :limit")
                .param("agencies", agencyCodes).param("pattern", pattern).param("limit", limit)
                .query(DossierRepository::map).list();
    }

    /** The highest sequence used in the codes that begin with {@code prefix} ({@code <agency>-YYMMDD-}). */
    public int lastSequence(String prefix) {
        return jdbc.sql("select code from dossiers where code like ? order by code desc limit 1")
                .param(prefix.replace("_", "\\_").replace("%", "\\%") + "%")
                .query(String.class).optional()
                .map(code -> Integer.parseInt(code.substring(code.length() - 4))).orElse(0);
    }

    private static Dossier map(ResultSet rs, int row) throws SQLException {
        return new Dossier(rs.getString("code"), rs.getString("agency_code"), rs.getString("procedure_code"),
                VietnamTime.of(rs.getObject("received_at", OffsetDateTime.class)), rs.getString("created_by"),
                RequesterColumns.read(rs, "applicant"));
    }
}
