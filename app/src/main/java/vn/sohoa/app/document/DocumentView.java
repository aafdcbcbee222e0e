package vn.sohoa.app.document;

import java.time.OffsetDateTime;

import vn.sohoa.core.document.DocumentStatus;

/**
 * A document as the API shows it.
 *
 * @param pages         number of pages once known
 * @param pagesDone     pages recognised so far (progress while PROCESSING)
 * @param failureReason why processing failed (FAILED only)
 * @param pdfUrl        where to fetch the PDF/A (DIGITIZED only)
 * @param reusedFrom    the document whose digitized paper this one reuses, or null for a scan of its own
 */
public record DocumentView(String id, String dossierCode, String title, DocumentStatus status, Integer pages,
                           int pagesDone, String failureReason, String pdfSha256, OffsetDateTime createdAt,
                           OffsetDateTime digitizedAt, String statusUrl, String pdfUrl, String citizenId,
                           String paperType, java.time.LocalDate validUntil, String reusedFrom) {

    public static DocumentView of(DocumentRecord record) {
        return new DocumentView(record.id(), record.dossierCode(), record.title(), record.status(),
                record.pageCount(), record.pagesDone(), record.failureReason(), record.pdfSha256(),
                record.createdAt(), record.digitizedAt(), "/api/v1/documents/" + record.id(),
                record.status() == DocumentStatus.DIGITIZED ? "/api/v1/documents/" + record.id() + "/pdf" : null,
                record.paper().citizenId(), record.paper().paperType(), record.paper().validUntil(),
                record.reusedFrom());
    }
}
