package vn.sohoa.core.storage;

/** S3 Object Lock retention modes, applied when the store supports Object Lock. */
public enum RetentionMode {
    /** Nobody, not even an administrator, can delete or overwrite before the date. */
    COMPLIANCE,
    /** Users with the bypass permission can lift it; ordinary writes cannot. */
    GOVERNANCE
}
