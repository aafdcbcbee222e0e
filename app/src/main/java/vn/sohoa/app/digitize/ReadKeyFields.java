package vn.sohoa.app.digitize;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.PaperIdentity;
import vn.sohoa.app.fields.PaperFieldStore;
import vn.sohoa.app.fields.PaperFieldsView;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.fields.KeyFields;
import vn.sohoa.ocr.fields.PaperFields;

/**
 * Reads the paper's kind and key fields from the recognised pages and keeps them for the desk to confirm. When the
 * clerk gave the paper's identity with the upload (the upload form fills it in from a preview of the scan), that is
 * the first confirmation, recorded against what was read, so that the reading's accuracy counts the upload form too.
 */
@Component
class ReadKeyFields {

    private final KeyFields reader = new KeyFields();
    private final PaperFieldStore store;

    ReadKeyFields(PaperFieldStore store) {
        this.store = store;
    }

    PaperFields apply(DocumentRecord document, List<OcrPage> recognised) {
        PaperFields fields = reader.read(recognised.stream().map(OcrPage::lines).toList());
        store.replace(document.id(), fields);
        boolean identityGiven = document.paper() != null && !document.paper().equals(PaperIdentity.NONE);
        if (identityGiven && !store.confirmedBefore(document.id())) {
            store.confirmed(document.id(), PaperFieldsView.of(fields).proposed(), document.paper(),
                    document.uploadedBy());
        }
        return fields;
    }
}
