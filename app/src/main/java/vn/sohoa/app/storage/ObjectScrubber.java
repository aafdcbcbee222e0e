package vn.sohoa.app.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;

/**
 * Re-reads every object in the catalog and compares its SHA-256 with the one recorded when it was written: finds
 * objects missing from the store and objects changed behind its back.
 */
@Component
public class ObjectScrubber {

    private final ObjectCatalog catalog;
    private final ObjectStore store;

    ObjectScrubber(ObjectCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** What a problem is. */
    public enum Problem { MISSING, CORRUPT }

    public record Finding(Problem problem, String key, String detail) {
    }

    public record Report(long checked, long bytes, List<Finding> findings) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    /** Told after each object: how many are done out of how many. */
    @FunctionalInterface
    public interface Progress {
        void checked(long done, long total, long problems);
    }

    /** @throws StoreUnavailableException when the store cannot be reached at all (nothing can be judged) */
    public Report scrub(Progress progress) {
        long total = catalog.count();
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<Finding> findings = new ArrayList<>();
        catalog.forEach(object -> {
            check(object, findings, bytes);
            progress.checked(done.incrementAndGet(), total, findings.size());
        });
        return new Report(done.get(), bytes.get(), List.copyOf(findings));
    }

    private void check(StoredObject expected, List<Finding> findings, AtomicLong bytes) {
        if (store.stat(expected.key()).isEmpty()) {
            findings.add(new Finding(Problem.MISSING, expected.key().toString(), "not in the object store"));
            return;
        }
        try {
            bytes.addAndGet(store.readVerified(expected.key(), expected.sha256()).length);
        } catch (IntegrityException e) {
            findings.add(new Finding(Problem.CORRUPT, expected.key().toString(), e.getMessage()));
        }
    }
}
