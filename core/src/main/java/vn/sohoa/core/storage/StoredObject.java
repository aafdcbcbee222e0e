package vn.sohoa.core.storage;

/** An object as the store holds it. */
public record StoredObject(ObjectKey key, long size, String sha256, String contentType) {
}
