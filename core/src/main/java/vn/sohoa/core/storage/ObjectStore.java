package vn.sohoa.core.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Object storage port. Implementations must never overwrite: {@link #putNew} fails when the key exists, so raw scans
 * and certified copies stay as first written. Where the store supports S3 Object Lock, implementations also put
 * retention on what they write (see {@link StoreCapabilities}).
 */
public interface ObjectStore {

    /**
     * Stores a new object and returns what was stored, with its SHA-256 as read back from the store.
     *
     * @throws ObjectAlreadyExistsException when the key is taken
     * @throws StoreUnavailableException    when the store cannot be reached
     */
    StoredObject putNew(ObjectKey key, byte[] content, String contentType, Map<String, String> metadata);

    /** Opens an object for reading; the caller closes the stream. */
    InputStream open(ObjectKey key);

    /** Reads a whole object and checks it against the expected SHA-256 (hex). */
    byte[] readVerified(ObjectKey key, String expectedSha256);

    Optional<StoredObject> stat(ObjectKey key);

    /** A time-limited URL that lets its bearer GET the object straight from the store. */
    String presignedGetUrl(ObjectKey key, Duration expiry);

    /** Cheap reachability check for health reporting. */
    boolean isAvailable();

    /** What the store supports (Object Lock per bucket), as detected when it was opened. */
    StoreCapabilities capabilities();
}
