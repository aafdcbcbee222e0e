package vn.sohoa.app.document;

/** One uploaded file of a document, as kept in the raw-scan bucket. */
public record DocumentFile(String documentId, int position, String originalName, String mediaType, String objectKey,
                           String sha256, long size) {
}
