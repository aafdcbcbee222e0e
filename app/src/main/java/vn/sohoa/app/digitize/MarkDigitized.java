package vn.sohoa.app.digitize;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentDigitized;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.ocr.DigitizedDocument;

/**
 * Marks the document digitized with its stored PDF/A and publishes {@link DocumentDigitized}: the document's state
 * and what listens to it (statistics, webhooks) change together, or not at all (the job then retries).
 */
@Component
class MarkDigitized {

    private final DocumentRepository documents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MarkDigitized(DocumentRepository documents, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void apply(DocumentRecord document, int pageCount, StorePdfA.Stored stored, DigitizedDocument result) {
        OffsetDateTime digitizedAt = OffsetDateTime.now(clock.withZone(VietnamTime.ZONE));
        transaction.executeWithoutResult(status -> {
            documents.markDigitized(document.id(), stored.key().toString(), stored.object().sha256(),
                    stored.object().size(), pageCount, digitizedAt, result.lastPageInk());
            // a rescanned page makes a new PDF/A of a paper already counted as digitized: it counts once
            events.publishEvent(new DocumentDigitized(document.id(), document.dossierCode(), document.agencyCode(),
                    pageCount, stored.object().sha256(), digitizedAt, document.digitizedAt() == null));
        });
    }
}
