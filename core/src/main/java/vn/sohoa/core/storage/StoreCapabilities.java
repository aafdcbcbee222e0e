package vn.sohoa.core.storage;

import java.util.Set;

/**
 * What the object store behind the port can do, as detected at start.
 *
 * @param lockedBuckets buckets with S3 Object Lock enabled; retention is applied only to these
 */
public record StoreCapabilities(Set<Bucket> lockedBuckets) {

    public static final StoreCapabilities NONE = new StoreCapabilities(Set.of());

    public StoreCapabilities {
        lockedBuckets = Set.copyOf(lockedBuckets);
    }

    public boolean objectLock(Bucket bucket) {
        return lockedBuckets.contains(bucket);
    }
}
