package vn.sohoa.app.storage;

import java.time.OffsetDateTime;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.ObjectKey;

/**
 * The key scheme: {@code <agency>/<year received>/<dossier code>/<document id>/<kind>-<…>} in the bucket of the
 * object's kind. Keys hold identifiers only, never a name or a file name.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    private static String folder(String agencyCode, OffsetDateTime dossierReceivedAt, String dossierCode,
                                 String documentId) {
        return agencyCode + "/" + dossierReceivedAt.atZoneSameInstant(VietnamTime.ZONE).getYear() + "/"
                + dossierCode + "/" + documentId + "/";
    }

    public static ObjectKey rawScan(String agencyCode, OffsetDateTime dossierReceivedAt, String dossierCode,
                                    String documentId, int position, String extension) {
        return new ObjectKey(Bucket.RAW_SCANS, folder(agencyCode, dossierReceivedAt, dossierCode, documentId)
                + "scan-" + position + "." + extension);
    }

    /** One per OCR run: a retried job never collides with the output of a run that crashed before it finished. */
    public static ObjectKey pdfa(String agencyCode, OffsetDateTime dossierReceivedAt, String dossierCode,
                                 String documentId, String runId) {
        return new ObjectKey(Bucket.DIGITIZED, folder(agencyCode, dossierReceivedAt, dossierCode, documentId)
                + "pdfa-" + runId + ".pdf");
    }

    public static ObjectKey certifiedCopy(String agencyCode, OffsetDateTime dossierReceivedAt, String dossierCode,
                                          String documentId, String certificationId) {
        return new ObjectKey(Bucket.CERTIFIED_COPIES, folder(agencyCode, dossierReceivedAt, dossierCode, documentId)
                + "copy-" + certificationId + ".pdf");
    }
}
