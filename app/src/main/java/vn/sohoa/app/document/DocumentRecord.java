package vn.sohoa.app.document;

import java.time.OffsetDateTime;

import vn.sohoa.core.document.DocumentStatus;

/** A digitized paper as stored in the database. */
public record DocumentRecord(String id, String dossierCode, String agencyCode, OffsetDateTime dossierReceivedAt,
                             String title, DocumentStatus status,
                             Integer pageCount, int pagesDone, String failureReason, String pdfKey, String pdfSha256,
                             Long pdfSize, String uploadedBy, OffsetDateTime createdAt, OffsetDateTime digitizedAt,
                             PaperIdentity paper, String reusedFrom, String pagePlan) {
}
