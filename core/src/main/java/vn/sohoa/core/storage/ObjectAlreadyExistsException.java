package vn.sohoa.core.storage;

/** A write would have replaced an existing object; Sohoa never overwrites. */
public class ObjectAlreadyExistsException extends StorageException {

    public ObjectAlreadyExistsException(ObjectKey key) {
        super("object " + key + " already exists and is never overwritten", null);
    }
}
