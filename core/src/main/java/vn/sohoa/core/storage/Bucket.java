package vn.sohoa.core.storage;

/** What kind of object a bucket holds; the bucket names come from configuration. */
public enum Bucket {
    /** Files as uploaded by clerks or scanners; never overwritten. */
    RAW_SCANS("sohoa-raw"),
    /** Searchable PDF/A files produced by OCR. */
    DIGITIZED("sohoa-pdfa"),
    /** Signed electronic certified copies; never overwritten. */
    CERTIFIED_COPIES("sohoa-certified");

    private final String defaultName;

    Bucket(String defaultName) {
        this.defaultName = defaultName;
    }

    public String bucketName() {
        return defaultName;
    }
}
