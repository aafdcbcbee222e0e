package vn.sohoa.app.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

    public void insert(String id, String dossierCode, String title, String uploadedBy) {
        jdbc.sql("insert into documents (id, dossier_code, title, status, uploaded_by) values (?, ?, ?, ?, ?)")
                .params(id, dossierCode, title, DocumentStatus.RECEIVED.name(), uploadedBy)
                .update();
    }

    public void insertFile(DocumentFile file) {
        jdbc.sql("insert into document_files (document_id, position, original_name, media_type, object_key, sha256, "
                        + "size_bytes) values (?, ?, ?, ?, ?, ?, ?)")
                .params(file.documentId(), file.position(), file.originalName(), file.mediaType(), file.objectKey(),
                        file.sha256(), file.size())
                .update();
    }

    public Optional<DocumentRecord> find(String id) {
        return jdbc.sql(SELECT + "where d.id = ?").param(id).query(DocumentRepository::map).optional();
    }

    public List<DocumentRecord> findByDossier(String dossierCode) {
        return jdbc.sql(SELECT + "where d.dossier_code = ? order by d.created_at, d.id").param(dossierCode)
                .query(DocumentRepository::map).list();
    }

    public List<DocumentFile> files(String documentId) {
        return jdbc.sql("select * from document_files where document_id = ? order by position").param(documentId)
                .query((rs, n) -> new DocumentFile(rs.getString("document_id"), rs.getInt("position"),
                        rs.getString("original_name"), rs.getString("media_type"), rs.getString("object_key"),
                        rs.getString("sha256"), rs.getLong("size_bytes")))
                .list();
    }

    public void markProcessing(String id, int pageCount) {
        jdbc.sql("update documents set status = ?, page_count = ?, pages_done = 0, failure_reason = null, "
                        + "updated_at = current_timestamp where id = ?")
                .params(DocumentStatus.PROCESSING.name(), pageCount, id)
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
                .filter(java.util.Objects::nonNull).map(InkMap::decode);
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
                VietnamTime.of(rs.getObject("digitized_at", OffsetDateTime.class)));
    }
}
