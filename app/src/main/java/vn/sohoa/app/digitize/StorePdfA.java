package vn.sohoa.app.digitize;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.ocr.DigitizedDocument;

/** Writes the PDF/A to the PDF/A bucket under a key of its own: never over an earlier version. */
@Component
class StorePdfA {

    /** Where the PDF/A went and what the store read back. */
    record Stored(ObjectKey key, StoredObject object) {
    }

    private final ObjectStore store;

    StorePdfA(ObjectStore store) {
        this.store = store;
    }

    Stored apply(DocumentRecord document, DigitizedDocument result) {
        ObjectKey key = ObjectKeys.pdfa(document.agencyCode(), document.dossierReceivedAt(), document.dossierCode(),
                document.id(), UUID.randomUUID().toString());
        return new Stored(key, store.putNew(key, result.pdf(), "application/pdf",
                Map.of("document-id", document.id(), "kind", "pdfa-2b")));
    }
}
