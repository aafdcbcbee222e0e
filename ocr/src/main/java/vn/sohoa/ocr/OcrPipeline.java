package vn.sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.document.PageSource;
import vn.sohoa.core.error.InvalidInputException;
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
        this.assemblePdfA = new AssemblePdfA(options.pdfa());
    }

    /** Digitizes the pages of a document: {@link #recognise} then {@link #assemble}. */
    public DigitizedDocument digitize(PageSource pages, DigitizationMarker marker, ProgressListener progress) {
        return assemble(recognise(pages, progress), marker);
    }

    /** Digitizes pages already decoded (tests, tools). */
    public DigitizedDocument digitize(List<PageImage> pages, DigitizationMarker marker, ProgressListener progress) {
        return digitize(PageSource.of(pages), marker, progress);
    }

    /**
     * Recognises the pages in parallel on the engine pool. Each page is decoded, recognised and compressed on a
     * worker, so memory holds the pages in work and the compressed images of the finished ones. Returns them in page
     * order; the first failure cancels the rest.
     */
    public List<OcrPage> recognise(PageSource pages, ProgressListener progress) {
        return recognise(pages, progress, OcrEnginePool.Urgency.IN_TURN);
    }

    /** As {@link #recognise(PageSource, ProgressListener)}; {@code AHEAD} for pages a clerk waits for at the desk. */
    public List<OcrPage> recognise(PageSource pages, ProgressListener progress, OcrEnginePool.Urgency urgency) {
        List<Future<OcrPage>> pending = new ArrayList<>(pages.count());
        for (int number = 1; number <= pages.count(); number++) {
            int page = number;
            pending.add(pool.submit(engine -> recognizePage.apply(engine, pages.page(page)), urgency));
        }
        List<OcrPage> recognised = new ArrayList<>(pending.size());
        try {
            for (int i = 0; i < pending.size(); i++) {
                recognised.add(await(pending.get(i), i + 1, pages.source(i + 1)));
                progress.pagesDone(i + 1, pending.size());
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
        return recognised;
    }

    /** Assembles recognised pages, in order, into one searchable PDF/A. */
    public DigitizedDocument assemble(List<OcrPage> recognised, DigitizationMarker marker) {
        byte[] pdf = assemblePdfA.apply(recognised, marker);
        List<DigitizedDocument.PageSummary> summaries = recognised.stream()
                .map(p -> new DigitizedDocument.PageSummary(p.number(), p.orientation().clockwiseDegrees(),
                        p.deskewDegrees(), p.text()))
                .toList();
        return new DigitizedDocument(pdf, summaries, recognised.get(recognised.size() - 1).ink());
    }

    private OcrPage await(Future<OcrPage> future, int number, String source) {
        try {
            return future.get(options.pageTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OcrFailedException(number, "timed out after " + options.pageTimeout().toSeconds()
                    + " s (" + source + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInputException input) {
                throw input; // a page that cannot be decoded is bad input, not an OCR failure
            }
            throw new OcrFailedException(number, cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + " (" + source + ")", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrFailedException(number, "interrupted", e);
        }
    }
}
