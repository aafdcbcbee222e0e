package vn.sohoa.app.document;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanFile;

/** The files a document was uploaded as, read back from the raw-scan bucket and checked against their SHA-256. */
@Component
public class RawScans {

    private final DocumentRepository repository;
    private final ObjectStore store;
    private final IngestLimits limits;

    RawScans(DocumentRepository repository, ObjectStore store, IngestLimits limits) {
        this.repository = repository;
        this.store = store;
        this.limits = limits;
    }

    public List<ScanFile> read(String documentId) {
        return repository.files(documentId).stream().map(this::read).toList();
    }

    /** One of them. */
    public ScanFile read(DocumentFile file) {
        return ScanFile.accept(file.originalName(),
                store.readVerified(ObjectKey.parse(file.objectKey()), file.sha256()), limits);
    }
}
