package vn.sohoa.app.digitize;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;

/**
 * Indexes the pages of the raw scans as the clerk arranged them (the page plan), checking each file whole without
 * decoding pixels, and records how many pages are in work. Each page is decoded later, on the worker that reads it.
 */
@Component
class DecodePages {

    private final ScanDecoder decoder;
    private final DocumentRepository documents;
    private final Clock clock;

    DecodePages(ScanDecoder decoder, DocumentRepository documents, Clock clock) {
        this.decoder = decoder;
        this.documents = documents;
        this.clock = clock;
    }

    ScanPages apply(DocumentRecord document, List<ScanFile> files) {
        ScanPages pages = decoder.open(files, PagePlan.parse(document.pagePlan()));
        documents.markProcessing(document.id(), pages.count(), OffsetDateTime.now(clock));
        return pages;
    }
}
