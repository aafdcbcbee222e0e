package vn.sohoa.core.storage;

/** The object store cannot be reached now; the same call may succeed later. */
public class StoreUnavailableException extends StorageException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
