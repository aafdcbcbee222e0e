package vn.sohoa.app.document;

import java.time.OffsetDateTime;

/** Published in the transaction that reuses a paper digitized before as a component of another dossier. */
public record PaperReused(String documentId, String dossierCode, OffsetDateTime at) {
}
