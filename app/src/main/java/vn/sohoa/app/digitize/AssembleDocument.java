package vn.sohoa.app.digitize;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.ocr.DigitizedDocument;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.OcrPipeline;
import vn.sohoa.ocr.fields.PaperType;

/**
 * Assembles the recognised pages into the PDF/A, marked as converted from paper by the clerk of the agency at this
 * time (Electronic Transactions Law, art. 12).
 */
@Component
class AssembleDocument {

    private final OcrPipeline pipeline;
    private final AgencyRepository agencies;
    private final UserRepository users;
    private final Clock clock;

    AssembleDocument(OcrPipeline pipeline, AgencyRepository agencies, UserRepository users, Clock clock) {
        this.pipeline = pipeline;
        this.agencies = agencies;
        this.users = users;
        this.clock = clock;
    }

    DigitizedDocument apply(DocumentRecord document, List<OcrPage> recognised, PaperType type) {
        return pipeline.assemble(recognised, marker(document).withPaperType(type.name()));
    }

    private DigitizationMarker marker(DocumentRecord document) {
        String agencyName = agencies.find(document.agencyCode()).map(a -> a.name()).orElse(document.agencyCode());
        String clerk = users.find(document.uploadedBy()).map(u -> u.fullName() + " (" + u.username() + ")")
                .orElse(document.uploadedBy());
        return new DigitizationMarker(document.title(), document.agencyCode(), agencyName, clerk,
                VietnamTime.now(clock));
    }
}
