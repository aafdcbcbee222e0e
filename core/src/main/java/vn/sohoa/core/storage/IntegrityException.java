package vn.sohoa.core.storage;

/** An object's content no longer matches the SHA-256 recorded when it was written. */
public class IntegrityException extends StorageException {

    public IntegrityException(ObjectKey key, String expected, String actual) {
        super("object " + key + " is corrupt: SHA-256 " + actual + ", expected " + expected, null);
    }
}
