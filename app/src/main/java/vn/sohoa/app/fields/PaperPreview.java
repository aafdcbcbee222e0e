package vn.sohoa.app.fields;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.UploadedScan;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.OcrPipeline;
import vn.sohoa.ocr.ProgressListener;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.fields.KeyFields;

/**
 * Reads a paper's kind and key fields from its scan before it is uploaded, so that the upload form comes filled in
 * while the citizen is still at the desk: the first page, checked, decoded and recognised as the digitize job does it.
 * Nothing is stored and nothing read is logged; the clerk confirms or corrects what the form shows, and the upload
 * records that against the job's own reading (see the digitize job's key-field step).
 */
@Component
class PaperPreview {

    /** The first page only: the fields that identify a paper are on its first page. */
    private static final PagePlan FIRST_PAGE = new PagePlan(List.of(new PagePlan.Page(0, 0, 0)));

    private final ScanDecoder decoder;
    private final IngestLimits limits;
    private final OcrPipeline pipeline;
    private final KeyFields reader = new KeyFields();

    PaperPreview(ScanDecoder decoder, IngestLimits limits, OcrPipeline pipeline) {
        this.decoder = decoder;
        this.limits = limits;
        this.pipeline = pipeline;
    }

    PaperFieldsView read(SohoaPrincipal principal, UploadedScan scan) {
        if (!DocumentService.mayUpload(principal)) {
            throw new ForbiddenException("only clerks and systems read papers before uploading them",
                    "chỉ cán bộ tiếp nhận hoặc hệ thống mới được đọc trước giấy tờ");
        }
        ScanFile.requirePlainName(scan.name());
        ScanFile file = ScanFile.accept(scan.name(), scan.content(), limits);
        // ahead of the digitize jobs' pages: the clerk and the citizen are waiting for it
        List<OcrPage> recognised = pipeline.recognise(decoder.open(List.of(file), FIRST_PAGE), ProgressListener.NONE,
                OcrEnginePool.Urgency.AHEAD);
        return PaperFieldsView.of(reader.read(List.of(recognised.get(0).lines())));
    }
}
