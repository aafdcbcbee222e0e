package vn.sohoa.core.document;

/** Where a digitized paper is in its path. */
public enum DocumentStatus {
    /** The raw scans are stored; the clerk is still arranging the pages (turn, reorder, drop) before submitting. */
    DRAFT,
    /** The raw scans are in object storage; OCR has not started. */
    RECEIVED,
    /** OCR and PDF/A assembly are running. */
    PROCESSING,
    /** The searchable PDF/A is stored. */
    DIGITIZED,
    /** Processing gave up; the failure reason says why. The raw scans are kept. */
    FAILED
}
