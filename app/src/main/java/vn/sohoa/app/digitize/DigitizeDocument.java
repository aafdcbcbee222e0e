package vn.sohoa.app.digitize;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import vn.sohoa.app.config.ShutdownWatch;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.app.document.RawScans;
import vn.sohoa.app.quality.PageQualities;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;
import vn.sohoa.ocr.DigitizedDocument;
import vn.sohoa.ocr.OcrFailedException;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.fields.PaperFields;

/**
 * The digitize job, top to bottom, one class per step: read the raw scans back (checked against their SHA-256) →
 * decode their pages (indexed now, each decoded later on its OCR worker) → recognise them (and weigh the scan-quality
 * verdicts with the recognition's confidence) → read the paper's kind and key fields → assemble the PDF/A (its XMP
 * naming the kind) →
 * store it → mark the document digitized. Bad input and OCR failures mark the document FAILED with the reason;
 * anything else (the store away, a crash) is thrown so the job retries.
 */
@Component
class DigitizeDocument {

    private static final Logger LOG = LoggerFactory.getLogger(DigitizeDocument.class);

    private final DocumentRepository documents;
    private final RawScans rawScans;
    private final DecodePages decodePages;
    private final RecognisePages recognisePages;
    private final AssembleDocument assembleDocument;
    private final StorePdfA storePdfA;
    private final MarkDigitized markDigitized;
    private final PageQualities qualities;
    private final ReadKeyFields readKeyFields;
    /** OCR and PDF/A assembly time per page, as the metrics show it. */
    private final DistributionSummary ocrSecondsPerPage;

    DigitizeDocument(DocumentRepository documents, RawScans rawScans, DecodePages decodePages,
                     RecognisePages recognisePages, AssembleDocument assembleDocument, StorePdfA storePdfA,
                     MarkDigitized markDigitized, PageQualities qualities, ReadKeyFields readKeyFields,
                     MeterRegistry meters) {
        this.qualities = qualities;
        this.readKeyFields = readKeyFields;
        this.ocrSecondsPerPage = DistributionSummary.builder("sohoa.ocr.page.seconds")
                .description("OCR and PDF/A assembly time per page").baseUnit("seconds").register(meters);
        this.documents = documents;
        this.rawScans = rawScans;
        this.decodePages = decodePages;
        this.recognisePages = recognisePages;
        this.assembleDocument = assembleDocument;
        this.storePdfA = storePdfA;
        this.markDigitized = markDigitized;
    }

    /** Digitizes the document; when the node stops meanwhile, {@code shutdown} decides to finish or give it back. */
    void run(String documentId, ShutdownWatch shutdown) {
        DocumentRecord document = documents.find(documentId).orElse(null);
        if (document == null || document.status() == DocumentStatus.DIGITIZED
                || document.status() == DocumentStatus.DRAFT) {
            // deleted meanwhile, or finished by an earlier attempt that crashed before completing the job
            return;
        }
        long started = System.nanoTime();
        List<ScanFile> files = rawScans.read(documentId);
        long read = System.nanoTime();
        ScanPages pages;
        DigitizedDocument result;
        try {
            pages = decodePages.apply(document, files);
            List<OcrPage> recognised = recognisePages.apply(document, pages, shutdown);
            // the scan-quality verdicts completed with how sure the recognition was of each page
            qualities.recognised(documentId, pages.plan(), recognised);
            PaperFields fields = readKeyFields.apply(document, recognised);
            result = assembleDocument.apply(document, recognised, fields.type());
        } catch (InvalidInputException | OcrFailedException e) {
            LOG.warn("document {} failed: {}", documentId, e.getMessage());
            documents.markFailed(documentId, e.getMessage());
            return;
        }
        long recognised = System.nanoTime();
        StorePdfA.Stored stored = storePdfA.apply(document, result);
        markDigitized.apply(document, pages.count(), stored, result);
        long done = System.nanoTime();
        if (pages.count() > 0) {
            ocrSecondsPerPage.record((recognised - read) / 1e9 / pages.count());
        }
        LOG.info("document {} digitized: {} page(s), {} bytes in {} ms (read {} ms, OCR and PDF/A {} ms, store {} ms)",
                documentId, pages.count(), stored.object().size(), (done - started) / 1_000_000,
                (read - started) / 1_000_000, (recognised - read) / 1_000_000, (done - recognised) / 1_000_000);
    }
}
