package vn.sohoa.app.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import vn.sohoa.app.quality.PageQualityView;
import vn.sohoa.core.document.DocumentStatus;

/**
 * A document as the API shows it.
 *
 * @param pages         number of pages once known
 * @param pagesDone     pages recognised so far (progress while PROCESSING)
 * @param failureReason why processing failed (FAILED only)
 * @param pdfUrl        where to fetch the PDF/A (DIGITIZED only)
 * @param reusedFrom    the document whose digitized paper this one reuses, or null for a scan of its own
 * @param quality       the scan-quality gate's verdict on each page judged (one document's view; null in lists)
 */
public record DocumentView(String id, String dossierCode, String title, DocumentStatus status, Integer pages,
                           int pagesDone, String failureReason, String pdfSha256, OffsetDateTime createdAt,
                           OffsetDateTime digitizedAt, String statusUrl, String pdfUrl, String citizenId,
                           String paperType, LocalDate validUntil, String reusedFrom,
                           List<PageQualityView> quality) {

    /** Without the pages' quality verdicts (lists of documents). */
    public static DocumentView of(DocumentRecord record) {
        return of(record, null);
    }

    /** With the scan-quality verdict of each page judged (one document). */
    public static DocumentView of(DocumentRecord record, List<PageQualityView> quality) {
        return new DocumentView(record.id(), record.dossierCode(), record.title(), record.status(),
                record.pageCount(), record.pagesDone(), record.failureReason(), record.pdfSha256(),
                record.createdAt(), record.digitizedAt(), "/api/v1/documents/" + record.id(),
                record.status() == DocumentStatus.DIGITIZED ? "/api/v1/documents/" + record.id() + "/pdf" : null,
                record.paper().citizenId(), record.paper().paperType(), record.paper().validUntil(),
                record.reusedFrom(), quality);
    }
}
