package vn.sohoa.app.certify;

import java.time.OffsetDateTime;

import vn.sohoa.app.citizen.Requester;

/**
 * A recorded refusal to copy and certify an original: at intake by the clerk, or at certification by the certifier.
 * Not a copy: it takes no register number and no fee. Who refused is kept as they were named then.
 *
 * @param documentId the digitized paper, when the original was scanned; it is then barred from certification
 * @param requester  whom the refusal notice is addressed to, when known
 */
public record Refusal(String id, String agencyCode, String dossierCode, String documentId, String paperTitle,
                      BarReason reason, String note, Stage stage, Requester requester, String refusedBy,
                      String refusedByName, String refusedByTitle, OffsetDateTime refusedAt) {

    /** Where in the desk's work the original was refused. */
    public enum Stage {
        /** The clerk, on receiving the papers. */
        INTAKE,
        /** The certifier, comparing the copy with the original. */
        CERTIFICATION
    }
}
