package vn.sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.pdfa.AssemblePdfA;

/**
 * Scan pages in, searchable PDF/A out. Pages are recognised in parallel on the engine pool, then assembled in page
 * order. Nothing is written anywhere: the caller stores the bytes, so a failure leaves no partial output.
 */
public final class OcrPipeline {

    private final OcrEnginePool pool;
    private final OcrOptions options;
    private final RecognizePage recognizePage;
    private final AssemblePdfA assemblePdfA;

    public OcrPipeline(OcrEnginePool pool, OcrOptions options) {
        this.pool = pool;
        this.options = options;
        this.recognizePage = new RecognizePage(options);
        this.assemblePdfA = new AssemblePdfA(options.jpegQuality(), options.pdfa());
    }

    public DigitizedDocument digitize(List<PageImage> pages, DigitizationMarker marker, ProgressListener progress) {
        List<Future<OcrPage>> pending = new ArrayList<>(pages.size());
        for (PageImage page : pages) {
            pending.add(pool.submit(engine -> recognizePage.apply(engine, page)));
        }
        List<OcrPage> recognised = new ArrayList<>(pages.size());
        try {
            for (int i = 0; i < pending.size(); i++) {
                recognised.add(await(pending.get(i), pages.get(i)));
                progress.pagesDone(i + 1, pages.size());
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
        byte[] pdf = assemblePdfA.apply(recognised, marker);
        List<DigitizedDocument.PageSummary> summaries = recognised.stream()
                .map(p -> new DigitizedDocument.PageSummary(p.number(), p.orientation().clockwiseDegrees(),
                        p.deskewDegrees(), p.text()))
                .toList();
        return new DigitizedDocument(pdf, summaries);
    }

    private OcrPage await(Future<OcrPage> future, PageImage page) {
        try {
            return future.get(options.pageTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OcrFailedException(page.number(), "timed out after " + options.pageTimeout().toSeconds()
                    + " s (" + page.source() + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new OcrFailedException(page.number(), cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + " (" + page.source() + ")", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrFailedException(page.number(), "interrupted", e);
        }
    }
}
