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


@Repository
class CertificationRepository {

    private static final String SELECT = "select c.*, d.dossier_code, e.requester_name, e.requester_id_type, "
            + "e.requester_id_number, e.requester_phone, e.requester_email, "
            + "coalesce(e.certifier_name, u.full_name, c.certifier) as certifier_name, "
            + "case when e.certifier_name is null then u.title else e.certifier_title end as certifier_title "
            + "from certifications c "
            + "join documents d on d.id = c.document_id left join users u on u.username = c.certifier "
            + "join register_entries e on e.agency_code = c.agency_code and e.kind = c.kind "
            + "and e.register_year = c.register_year and e.register_number = c.register_number ";

    private final JdbcClient jdbc;

    CertificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Certification c) {
        jdbc.sql("insert into certifications (id, document_id, agency_code, kind, register_year, register_number, "
                        + "copy_index, book, certifier, certified_at, object_key, sha256, size_bytes, page_count, "
                        + "fee_vnd, fee_line, verification_code, archive_expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.documentId(), c.agencyCode(), c.kind().name(), c.year(), c.registerNumber(),
                        c.copyIndex(), c.book(), c.certifier(), c.certifiedAt(), c.objectKey(), c.sha256(), c.size(),
                        c.pages(), c.feeVnd(), c.feeLine(), c.verificationCode(), c.archiveExpiresAt())
                .update();
    }

    List<Certification> ofDocument(String documentId) {
        return jdbc.sql(SELECT + "where c.document_id = ? order by c.certified_at, c.copy_index").param(documentId)
                .query(CertificationRepository::map).list();
    }

    /** A renewed version of a copy: where it is stored and what it hashes to. */
    record Renewal(String certificationId, int sequence, String objectKey, String sha256, long size,
                   OffsetDateTime renewedAt, OffsetDateTime expiresAt) {
    }

    /** The copy's versions after the first, oldest first. */
    List<Renewal> renewals(String certificationId) {
        return jdbc.sql("select * from archive_renewals where certification_id = ? order by sequence_number")
                .param(certificationId)
                .query((rs, n) -> new Renewal(rs.getString("certification_id"), rs.getInt("sequence_number"),
                        rs.getString("object_key"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        VietnamTime.of(rs.getObject("renewed_at", OffsetDateTime.class)),
                        VietnamTime.of(rs.getObject("expires_at", OffsetDateTime.class))))
                .list();
    }

    void insertRenewal(Renewal renewal) {
        jdbc.sql("insert into archive_renewals (certification_id, sequence_number, object_key, sha256, size_bytes, "
                        + "renewed_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(renewal.certificationId(), renewal.sequence(), renewal.objectKey(), renewal.sha256(),
                        renewal.size(), renewal.renewedAt(), renewal.expiresAt())
                .update();
        jdbc.sql("update certifications set archive_expires_at = ? where id = ?")
                .params(renewal.expiresAt(), renewal.certificationId()).update();
    }

    /** Ids of LTA copies whose last archive time-stamp expires before {@code before}. */
    List<String> archivesExpiringBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("select id from certifications where archive_expires_at is not null "
                        + "and archive_expires_at < ? order by archive_expires_at limit ?")
                .params(before, limit).query(String.class).list();
    }

    String documentTitle(String documentId) {
        return jdbc.sql("select title from documents where id = ?").param(documentId).query(String.class).single();
    }

    Optional<Certification> find(String id) {
        return jdbc.sql(SELECT + "where c.id = ?").param(id).query(CertificationRepository::map).optional();
    }

    List<Certification> search(Collection<String> agencyCodes, String agencyCode, Integer year, Long registerNumber) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT + "where c.agency_code in (:visible)");
        if (agencyCode != null) {
            sql.append(" and c.agency_code = :agency");
        }
        if (year != null) {
            sql.append(" and c.register_year = :year");
        }
        if (registerNumber != null) {
            sql.append(" and c.register_number = :number");
        }
        sql.append(" order by c.certified_at desc, c.copy_index limit 500");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("visible", agencyCodes);
        if (agencyCode != null) {
            spec = spec.param("agency", agencyCode);
        }
        if (year != null) {
            spec = spec.param("year", year);
        }
        if (registerNumber != null) {
            spec = spec.param("number", registerNumber);
        }
        return spec.query(CertificationRepository::map).list();
    }

    private static Certification map(ResultSet rs, int row) throws SQLException {
        return new Certification(rs.getString("id"), rs.getString("document_id"), rs.getString("dossier_code"),
                rs.getString("agency_code"), RegisterKind.valueOf(rs.getString("kind")),
                rs.getInt("register_year"),
                rs.getLong("register_number"), rs.getInt("copy_index"), rs.getString("book"), rs.getString("certifier"),
                rs.getString("certifier_name"), rs.getString("certifier_title"),
                VietnamTime.of(rs.getObject("certified_at", OffsetDateTime.class)), rs.getString("object_key"),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getInt("page_count"), rs.getLong("fee_vnd"),
                rs.getString("fee_line"), rs.getString("verification_code"),
                VietnamTime.of(rs.getObject("archive_expires_at", OffsetDateTime.class)),
                RequesterColumns.read(rs, "requester"));
    }
}
