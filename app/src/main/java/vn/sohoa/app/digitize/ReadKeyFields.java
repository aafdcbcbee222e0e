package vn.sohoa.app.digitize;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.fields.PaperFieldStore;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.fields.KeyFields;
import vn.sohoa.ocr.fields.PaperFields;

/** Reads the paper's kind and key fields from the recognised pages and keeps them for the desk to confirm. */
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
        return fields;
    }
}
