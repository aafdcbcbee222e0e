package vn.sohoa.storage.minio;

import java.time.Period;
import java.util.Objects;

/**
 * Whether to use S3 Object Lock and for how long each kind of object is retained.
 *
 * @param objectLock       AUTO: create buckets with Object Lock and use it where the server has it; OFF: never send
 *                         lock headers (the only safe choice for S3Proxy, which has no Object Lock)
 * @param certifiedCopies  COMPLIANCE retention of certified copies
 * @param rawScans         GOVERNANCE retention of raw scans
 */
public record RetentionSettings(ObjectLockUse objectLock, Period certifiedCopies, Period rawScans) {

    /** Whether to ask for Object Lock. */
    public enum ObjectLockUse { AUTO, OFF }

    public static final RetentionSettings OFF = new RetentionSettings(ObjectLockUse.OFF, Period.ofYears(75),
            Period.ofYears(10));

    public RetentionSettings {
        Objects.requireNonNull(objectLock, "objectLock");
        if (certifiedCopies.isNegative() || certifiedCopies.isZero() || rawScans.isNegative() || rawScans.isZero()) {
            throw new IllegalArgumentException("retention periods must be positive");
        }
    }

    public static RetentionSettings auto(Period certifiedCopies, Period rawScans) {
        return new RetentionSettings(ObjectLockUse.AUTO, certifiedCopies, rawScans);
    }
}
