package vn.sohoa.app.document;

import java.time.OffsetDateTime;

/**
 * Published in the transaction that marks a document digitized, with its new PDF/A.
 *
 * @param firstTime false when a rescanned page made a new PDF/A of a paper already digitized (it counts once)
 */
public record DocumentDigitized(String documentId, String dossierCode, String agencyCode, int pages,
                                String pdfSha256, OffsetDateTime digitizedAt, boolean firstTime) {
}
