package vn.sohoa.app.stats;

/** What happened to a dossier, as the one-stop system or Sohoa reports it. */
public enum DossierEventType {
    /** Received at a desk: unit, channel, the number of components and whether the procedure's result is a paper. */
    RECEIVED,
    /** Handed to another unit, which then holds it (and counts it). */
    TRANSFERRED,
    /** One component (by its id) scanned and digitized. */
    COMPONENT_DIGITIZED,
    /** One component taken from an earlier digitized paper instead of a new scan. */
    COMPONENT_REUSED,
    /** One component taken from the citizen's personal data store. */
    COMPONENT_FROM_DATA_STORE,
    /** The result issued, on paper or electronically; the dossier is completed. */
    RESULT_ISSUED,
    /** The result pushed to the citizen's personal data store. */
    RESULT_SYNCED_TO_DATA_STORE,
    /** One electronic certified copy issued. */
    CERTIFIED_COPY_ISSUED
}
