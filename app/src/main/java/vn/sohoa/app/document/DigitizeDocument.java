package vn.sohoa.app.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;
import vn.sohoa.ocr.DigitizedDocument;
import vn.sohoa.ocr.OcrFailedException;
import vn.sohoa.ocr.OcrPipeline;

/**
 * The job step, top to bottom: read the raw scans back (checked against their SHA-256) → index their pages →
 * OCR to PDF/A, each page decoded on its worker → store the PDF/A → mark the document digitized. Bad input and OCR failures mark the document FAILED with
 * the reason; anything else (the store away, a crash) is thrown so the job retries.
 */
@Component
class DigitizeDocument {

    private static final Logger LOG = LoggerFactory.getLogger(DigitizeDocument.class);

    private final DocumentRepository documents;
    private final AgencyRepository agencies;
    private final UserRepository users;
    private final ObjectStore store;
    private final DocumentPages documentPages;
    private final ScanDecoder decoder;
    private final OcrPipeline pipeline;
    private final java.time.Clock clock;
    private final vn.sohoa.app.stats.DossierFacts facts;
    private final vn.sohoa.app.webhook.Webhooks webhooks;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    DigitizeDocument(DocumentRepository documents, AgencyRepository agencies, UserRepository users,
                     ObjectStore store, DocumentPages documentPages, ScanDecoder decoder, OcrPipeline pipeline,
                     vn.sohoa.app.stats.DossierFacts facts, vn.sohoa.app.webhook.Webhooks webhooks,
                     org.springframework.transaction.PlatformTransactionManager transactions,
                     java.time.Clock clock) {
        this.clock = clock;
        this.facts = facts;
        this.webhooks = webhooks;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.documents = documents;
        this.agencies = agencies;
        this.users = users;
        this.store = store;
        this.documentPages = documentPages;
        this.decoder = decoder;
        this.pipeline = pipeline;
    }

    void run(String documentId) {
        DocumentRecord document = documents.find(documentId).orElse(null);
        if (document == null || document.status() == DocumentStatus.DIGITIZED
                || document.status() == DocumentStatus.DRAFT) {
            // deleted meanwhile, or finished by an earlier attempt that crashed before completing the job
            return;
        }
        long started = System.nanoTime();
        List<ScanFile> files = documentPages.rawScans(documentId);
        long read = System.nanoTime();
        DigitizedDocument result;
        ScanPages pages;
        try {
            pages = decoder.open(files, vn.sohoa.ingest.PagePlan.parse(document.pagePlan()));
            documents.markProcessing(documentId, pages.count());
            result = pipeline.digitize(pages, marker(document), (done, total) -> documents.progress(documentId,
                    done));
        } catch (InvalidInputException | OcrFailedException e) {
            LOG.warn("document {} failed: {}", documentId, e.getMessage());
            documents.markFailed(documentId, e.getMessage());
            return;
        }
        long recognised = System.nanoTime();
        ObjectKey key = ObjectKeys.pdfa(document.agencyCode(), document.dossierReceivedAt(), document.dossierCode(),
                documentId, UUID.randomUUID().toString());
        StoredObject stored = store.putNew(key, result.pdf(), "application/pdf",
                Map.of("document-id", documentId, "kind", "pdfa-2b"));
        OffsetDateTime digitizedAt = OffsetDateTime.now(clock.withZone(VietnamTime.ZONE));
        // the document's state and the statistics' fact change together, or not at all (the job then retries)
        transaction.executeWithoutResult(status -> {
            documents.markDigitized(documentId, key.toString(), stored.sha256(), stored.size(), pages.count(),
                    digitizedAt, result.lastPageInk());
            if (document.digitizedAt() == null) {
                // a rescanned page makes a new PDF/A of a paper already counted as digitized
                facts.documentDigitized(document.dossierCode(), documentId, digitizedAt);
            }
            webhooks.publish(vn.sohoa.app.webhook.WebhookEvent.DOCUMENT_DIGITIZED, document.agencyCode(),
                    java.util.Map.of("documentId", documentId, "dossierCode", document.dossierCode(),
                            "pages", pages.count(), "pdfSha256", stored.sha256(),
                            "digitizedAt", digitizedAt.toString(), "pdfUrl", "/api/v1/documents/" + documentId + "/pdf"));
        });
        long done = System.nanoTime();
        LOG.info("document {} digitized: {} page(s), {} bytes in {} ms (read {} ms, OCR and PDF/A {} ms, store {} ms)",
                documentId, pages.count(), stored.size(), (done - started) / 1_000_000, (read - started) / 1_000_000,
                (recognised - read) / 1_000_000, (done - recognised) / 1_000_000);
    }

    private DigitizationMarker marker(DocumentRecord document) {
        String agencyName = agencies.find(document.agencyCode()).map(a -> a.name()).orElse(document.agencyCode());
        String clerk = users.find(document.uploadedBy()).map(u -> u.fullName() + " (" + u.username() + ")")
                .orElse(document.uploadedBy());
        return new DigitizationMarker(document.title(), document.agencyCode(), agencyName, clerk,
                VietnamTime.now(clock));
    }
}
