package vn.sohoa.app.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.sohoa.app.config.OutcomeTimer;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoreCapabilities;
import vn.sohoa.core.storage.StoredObject;

/**
 * The object store as the application uses it: every write is also recorded in the object catalog, and every call is
 * timed as {@code sohoa.objectstore.requests} by operation and outcome (an object store failing or slowing down is
 * seen on the dashboard, not only in a failed job).
 */
class CatalogedObjectStore implements ObjectStore {

    private final ObjectStore store;
    private final ObjectCatalog catalog;
    private final OutcomeTimer timer;

    CatalogedObjectStore(ObjectStore store, ObjectCatalog catalog, MeterRegistry registry) {
        this.store = store;
        this.catalog = catalog;
        this.timer = new OutcomeTimer(registry, "sohoa.objectstore.requests", "object store calls by operation and "
                + "outcome", "error");
    }

    private <T> T timed(String operation, Supplier<T> call) {
        return timer.time(Tags.of("operation", operation), call);
    }

    @Override
    public StoredObject putNew(ObjectKey key, byte[] content, String contentType, Map<String, String> metadata) {
        StoredObject stored = timed("put", () -> store.putNew(key, content, contentType, metadata));
        catalog.record(stored);
        return stored;
    }

    @Override
    public InputStream open(ObjectKey key) {
        return timed("get", () -> store.open(key));
    }

    @Override
    public byte[] readVerified(ObjectKey key, String expectedSha256) {
        return timed("get", () -> store.readVerified(key, expectedSha256));
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return timed("stat", () -> store.stat(key));
    }

    @Override
    public String presignedGetUrl(ObjectKey key, Duration expiry) {
        return timed("presign", () -> store.presignedGetUrl(key, expiry));
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
