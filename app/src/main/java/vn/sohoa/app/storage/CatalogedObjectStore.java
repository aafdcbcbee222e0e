package vn.sohoa.app.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoreCapabilities;
import vn.sohoa.core.storage.StoredObject;

/** The object store as the application uses it: every write is also recorded in the object catalog. */
class CatalogedObjectStore implements ObjectStore {

    private final ObjectStore store;
    private final ObjectCatalog catalog;

    CatalogedObjectStore(ObjectStore store, ObjectCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public StoredObject putNew(ObjectKey key, byte[] content, String contentType, Map<String, String> metadata) {
        StoredObject stored = store.putNew(key, content, contentType, metadata);
        catalog.record(stored);
        return stored;
    }

    @Override
    public InputStream open(ObjectKey key) {
        return store.open(key);
    }

    @Override
    public byte[] readVerified(ObjectKey key, String expectedSha256) {
        return store.readVerified(key, expectedSha256);
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return store.stat(key);
    }

    @Override
    public String presignedGetUrl(ObjectKey key, Duration expiry) {
        return store.presignedGetUrl(key, expiry);
    }

    @Override
    public boolean isAvailable() {
        return store.isAvailable();
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }
}
