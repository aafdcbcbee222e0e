package vn.sohoa.app.digitize;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;

/**
 * Indexes the pages of the raw scans as the clerk arranged them (the page plan), checking each file whole without
 * decoding pixels, and records how many pages are in work. Each page is decoded later, on the worker that reads it,
 * unless the upload's scan-quality gate decoded it on this node a moment ago.
 */
@Component
class DecodePages {

    private final ScanDecoder decoder;
    private final DecodedPageCache decodedAtUpload;
    private final DocumentRepository documents;
    private final Clock clock;

    DecodePages(ScanDecoder decoder, DecodedPageCache decodedAtUpload, DocumentRepository documents, Clock clock) {
        this.decoder = decoder;
        this.decodedAtUpload = decodedAtUpload;
        this.documents = documents;
        this.clock = clock;
    }

    ScanPages apply(DocumentRecord document, List<ScanFile> files) {
        ScanPages pages = decoder.open(files, PagePlan.parse(document.pagePlan()))
                .reusing(decodedAtUpload.of(document.id()));
        documents.markProcessing(document.id(), pages.count(), OffsetDateTime.now(clock));
        return pages;
    }
}
