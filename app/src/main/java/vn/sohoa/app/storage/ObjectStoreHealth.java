package vn.sohoa.app.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.sohoa.core.storage.ObjectStore;

/** The object store's reachability, health contributor "objectStore" in the readiness probe: no upload without it. */
@Component("objectStoreHealthIndicator")
class ObjectStoreHealth implements HealthIndicator {

    private final ObjectStore store;

    ObjectStoreHealth(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health = store.isAvailable() ? Health.up() : Health.down();
        return health.withDetail("objectLock", store.capabilities().lockedBuckets()).build();
    }
}
