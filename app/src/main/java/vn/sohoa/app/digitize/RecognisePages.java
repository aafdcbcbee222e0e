package vn.sohoa.app.digitize;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.config.ShutdownWatch;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.core.document.PageSource;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.OcrPipeline;

/** Recognises the pages on the OCR workers (pages with their own text keep it), recording progress page by page. */
@Component
class RecognisePages {

    private final OcrPipeline pipeline;
    private final DocumentRepository documents;

    RecognisePages(OcrPipeline pipeline, DocumentRepository documents) {
        this.pipeline = pipeline;
        this.documents = documents;
    }

    /** Recognises the pages, recording progress; {@code shutdown} may give the work back between pages. */
    List<OcrPage> apply(DocumentRecord document, PageSource pages, ShutdownWatch shutdown) {
        return pipeline.recognise(pages, (done, total) -> {
            documents.progress(document.id(), done);
            shutdown.check(done, total);
        });
    }
}
