package vn.sohoa.app.document;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.document.InkMap;

@Repository
public class DocumentRepository {

    private static final String SELECT = "select d.*, s.agency_code, s.received_at as dossier_received_at "
            + "from documents d "
            + "join dossiers s on s.code = d.dossier_code ";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String dossierCode, String title, String uploadedBy, PaperIdentity paper,
                       DocumentStatus status) {
        jdbc.sql("insert into documents (id, dossier_code, title, status, uploaded_by, citizen_id, paper_type, "
                        + "valid_until) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, dossierCode, title, status.name(), uploadedBy, paper.citizenId(),
                        paper.paperType(), sqlDate(paper.validUntil()))
                .update();
    }

    /**
     * A document in {@code dossierCode} that reuses {@code source}'s digitized paper: the same PDF/A object (stored
     * once, immutable), digitized now, with the source's identity and ink map.
     */
    public void insertReused(String id, String dossierCode, DocumentRecord source, String by, OffsetDateTime at) {
        jdbc.sql("insert into documents (id, dossier_code, title, status, page_count, pages_done, pdf_key, pdf_sha256, "
                        + "pdf_size, uploaded_by, digitized_at, last_page_ink, citizen_id, paper_type, valid_until, "
                        + "reused_from) select ?, ?, title, status, page_count, pages_done, pdf_key, pdf_sha256, "
                        + "pdf_size, ?, ?, last_page_ink, citizen_id, paper_type, valid_until, id "
                        + "from documents where id = ?")
                .params(id, dossierCode, by, at, source.id())
                .update();
    }

    /**
     * Digitized papers of a citizen still valid on {@code day}, in the given agencies' dossiers, newest first; the
     * originals only (a reused document points at its original).
     */
    public List<DocumentRecord> reusable(String citizenId, String paperType, Set<String> agencies, LocalDate day) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        // no "(:type is null or …)": PostgreSQL cannot type a parameter that is only compared with null
        return jdbc.sql(SELECT + "where d.citizen_id = :citizen "
                        + (paperType == null ? "" : "and d.paper_type = :type ")
                        + "and d.status = 'DIGITIZED' and d.reused_from is null "
                        + "and (d.valid_until is null or d.valid_until >= :day) and s.agency_code in (:agencies) "
                        + "order by d.digitized_at desc, d.id")
                .param("citizen", citizenId).param("day", Date.valueOf(day)).param("agencies", agencies)
                .params(paperType == null ? Map.of() : Map.of("type", paperType))
                .query(DocumentRepository::map).list();
    }

    public void insertFile(DocumentFile file) {
        jdbc.sql("insert into document_files (document_id, position, original_name, media_type, object_key, sha256, "
                        + "size_bytes) values (?, ?, ?, ?, ?, ?, ?)")
                .params(file.documentId(), file.position(), file.originalName(), file.mediaType(), file.objectKey(),
                        file.sha256(), file.size())
                .update();
    }

    private static Date sqlDate(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    public Optional<DocumentRecord> find(String id) {
        return jdbc.sql(SELECT + "where d.id = ?").param(id).query(DocumentRepository::map).optional();
    }

    public List<DocumentRecord> findByDossier(String dossierCode) {
        return jdbc.sql(SELECT + "where d.dossier_code = ? order by d.created_at, d.id").param(dossierCode)
                .query(DocumentRepository::map).list();
    }

    /** The documents of several dossiers in one query, each dossier's in upload order. */
    public List<DocumentRecord> findByDossiers(Collection<String> dossierCodes) {
        if (dossierCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where d.dossier_code in (:codes) order by d.created_at, d.id")
                .param("codes", dossierCodes).query(DocumentRepository::map).list();
    }

    public List<DocumentFile> files(String documentId) {
        return jdbc.sql("select * from document_files where document_id = ? order by position").param(documentId)
                .query((rs, n) -> new DocumentFile(rs.getString("document_id"), rs.getInt("position"),
                        rs.getString("original_name"), rs.getString("media_type"), rs.getString("object_key"),
                        rs.getString("sha256"), rs.getLong("size_bytes")))
                .list();
    }

    public void markProcessing(String id, int pageCount, OffsetDateTime startedAt) {
        jdbc.sql("update documents set status = ?, page_count = ?, pages_done = 0, failure_reason = null, "
                        + "processing_started_at = ?, updated_at = current_timestamp where id = ?")
                .params(DocumentStatus.PROCESSING.name(), pageCount, startedAt, id)
                .update();
    }

    public void progress(String id, int pagesDone) {
        jdbc.sql("update documents set pages_done = ?, updated_at = current_timestamp where id = ?")
                .params(pagesDone, id).update();
    }

    public void markDigitized(String id, String pdfKey, String sha256, long size, int pageCount,
                              OffsetDateTime at, InkMap lastPageInk) {
        jdbc.sql("update documents set status = ?, pdf_key = ?, pdf_sha256 = ?, pdf_size = ?, page_count = ?, "
                        + "pages_done = ?, digitized_at = ?, last_page_ink = ?, updated_at = current_timestamp "
                        + "where id = ?")
                .params(DocumentStatus.DIGITIZED.name(), pdfKey, sha256, size, pageCount, pageCount, at,
                        lastPageInk == null ? null : lastPageInk.encoded(), id)
                .update();
    }

    /** Where the document's last page has ink, when it was measured at digitization. */
    public Optional<InkMap> lastPageInk(String id) {
        return jdbc.sql("select last_page_ink from documents where id = ?").param(id)
                .query((rs, n) -> rs.getBytes("last_page_ink")).optional()
                .filter(Objects::nonNull).map(InkMap::decode);
    }

    /** The paper's identity as the desk confirmed it (what reuse looks papers up by). */
    public void paperIdentity(String id, PaperIdentity paper) {
        jdbc.sql("update documents set citizen_id = ?, paper_type = ?, valid_until = ?, updated_at = current_timestamp "
                        + "where id = ?")
                .params(paper.citizenId(), paper.paperType(), sqlDate(paper.validUntil()), id).update();
    }

    /** Stores the clerk's arrangement of the pages. */
    public void plan(String id, String pagePlan, int pageCount) {
        jdbc.sql("update documents set page_plan = ?, page_count = ?, updated_at = current_timestamp where id = ?")
                .params(pagePlan, pageCount, id).update();
    }

    /**
     * Back to the start of the path, for the digitize job: after a draft is submitted or a page rescanned. Only from
     * {@code from}, so that two clerks' clicks cannot start two jobs.
     *
     * @return whether the document was in {@code from}
     */
    public boolean markReceived(String id, Collection<DocumentStatus> from) {
        return jdbc.sql("update documents set status = :received, pages_done = 0, failure_reason = null, "
                        + "updated_at = current_timestamp where id = :id and status in (:from)")
                .param("received", DocumentStatus.RECEIVED.name()).param("id", id)
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** Whether a certified copy was made from the document (its pages are then settled). */
    public boolean hasCertifiedCopies(String id) {
        return jdbc.sql("select count(*) from certifications where document_id = ?").param(id)
                .query(Long.class).single() > 0;
    }

    /**
     * Digitized documents of the given agencies with no certified copy yet and not barred, newest first: the
     * certifiers' queue.
     */
    public List<DocumentRecord> awaitingCertification(Collection<String> agencies, int limit) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where d.status = 'DIGITIZED' and s.agency_code in (:agencies) "
                        + "and not exists (select 1 from certifications c where c.document_id = d.id) "
                        + "and not exists (select 1 from barred_originals b where b.document_id = d.id) "
                        + "order by d.digitized_at desc, d.id limit :limit")
                .param("agencies", agencies).param("limit", limit)
                .query(DocumentRepository::map).list();
    }

    public void markFailed(String id, String reason) {
        String bounded = reason.length() > 1900 ? reason.substring(0, 1900) + "…" : reason;
        jdbc.sql("update documents set status = ?, failure_reason = ?, updated_at = current_timestamp where id = ?")
                .params(DocumentStatus.FAILED.name(), bounded, id).update();
    }

    private static DocumentRecord map(ResultSet rs, int row) throws SQLException {
        return new DocumentRecord(rs.getString("id"), rs.getString("dossier_code"), rs.getString("agency_code"),
                VietnamTime.of(rs.getObject("dossier_received_at", OffsetDateTime.class)), rs.getString("title"), DocumentStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("page_count"), rs.getInt("pages_done"), rs.getString("failure_reason"),
                rs.getString("pdf_key"), rs.getString("pdf_sha256"), (Long) rs.getObject("pdf_size"),
                rs.getString("uploaded_by"), VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class)),
                VietnamTime.of(rs.getObject("digitized_at", OffsetDateTime.class)),
                new PaperIdentity(rs.getString("citizen_id"), rs.getString("paper_type"),
                        rs.getObject("valid_until", LocalDate.class)),
                rs.getString("reused_from"), rs.getString("page_plan"));
    }
}
