package vn.sohoa.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.OrientationGuess;
import vn.sohoa.ocr.engine.PageLayout;
import vn.sohoa.ocr.engine.Recognition;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.preprocess.LayoutOrientation.Verdict;
import vn.sohoa.testkit.Cer;

/**
 * How many passes a page costs: the real Tesseract behind a wrapper that counts each kind of call. A turned page
 * is read once, the right way up; a wrong verdict from the layout costs one more reading, never the text.
 */
class RecognizePageTest {

    static final OcrOptions OPTIONS = OcrOptions.defaults();

    /** Passes every call to the real engine and counts them; the same image objects go through, so layouts are kept. */
    static final class CountingEngine implements OcrEngine {
        final OcrEngine real;
        int layouts;
        int recognitions;
        int orientationPasses;

        CountingEngine(OcrEngine real) {
            this.real = real;
        }

        @Override
        public OrientationGuess detectOrientation(BufferedImage grey, int dpi) {
            orientationPasses++;
            return real.detectOrientation(grey, dpi);
        }

        @Override
        public Recognition recognize(BufferedImage grey, int dpi) {
            recognitions++;
            return real.recognize(grey, dpi);
        }

        @Override
        public PageLayout analyseLayout(BufferedImage grey, int dpi) {
            layouts++;
            return real.analyseLayout(grey, dpi);
        }

        @Override
        public void close() {
            real.close();
        }
    }

    CountingEngine engine;

    @BeforeEach
    void startEngine() {
        engine = new CountingEngine(new TesseractOcrEngine(OPTIONS.tessdata(), OPTIONS.languages()));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    static PageImage only(String corpusFile) throws IOException {
        List<PageImage> pages = OcrPipelineTest.pages(corpusFile);
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    @Test
    void uprightPageIsLaidOutOnceAndReadOnce() throws IOException {
        OcrPage page = new RecognizePage(OPTIONS).apply(engine, only("clean/a06.png"));

        assertThat(page.orientation().clockwiseDegrees()).isZero();
        assertThat(engine.layouts).isEqualTo(1);
        assertThat(engine.recognitions).isEqualTo(1);
        assertThat(engine.orientationPasses).isZero();
        assertThat(Cer.of(OcrPipelineTest.groundTruth("a06"), page.text())).isLessThanOrEqualTo(0.02);
    }

    @Test
    void upsideDownPageIsReadOnceTheRightWayUpWithoutAnOrientationPass() throws IOException {
        OcrPage page = new RecognizePage(OPTIONS).apply(engine, only("scans/s04_a04_upside-down_rot180_300dpi.jpg"));

        assertThat(page.orientation().clockwiseDegrees()).isEqualTo(180);
        assertThat(engine.recognitions).isEqualTo(1);
        assertThat(engine.orientationPasses).isZero();
        assertThat(Cer.of(OcrPipelineTest.groundTruth("a04"), page.text())).isLessThanOrEqualTo(0.05);
    }

    @Test
    void sidewaysPageIsReadOnceAfterOneOrientationPass() throws IOException {
        OcrPage page = new RecognizePage(OPTIONS).apply(engine, only("scans/s06_a06_rot90_300dpi.png"));

        assertThat(page.orientation().clockwiseDegrees()).isEqualTo(270);
        assertThat(engine.recognitions).isEqualTo(1);
        assertThat(engine.orientationPasses).isEqualTo(1);
        assertThat(Cer.of(OcrPipelineTest.groundTruth("a06"), page.text())).isLessThanOrEqualTo(0.02);
    }

    @Test
    void wrongUpsideDownVerdictCostsOneMoreReadingNotTheText() throws IOException {
        RecognizePage misled = new RecognizePage(OPTIONS, (layout, grey) -> Verdict.UPSIDE_DOWN);

        OcrPage page = misled.apply(engine, only("clean/a06.png"));

        assertThat(page.orientation().clockwiseDegrees()).isZero();
        assertThat(engine.recognitions).isEqualTo(2);
        assertThat(Cer.of(OcrPipelineTest.groundTruth("a06"), page.text())).isLessThanOrEqualTo(0.02);
    }

    @Test
    void wrongSidewaysVerdictIsOverruledByTheOrientationPass() throws IOException {
        RecognizePage misled = new RecognizePage(OPTIONS, (layout, grey) -> Verdict.SIDEWAYS);

        OcrPage page = misled.apply(engine, only("clean/a06.png"));

        assertThat(page.orientation().clockwiseDegrees()).isZero();
        assertThat(engine.orientationPasses).isEqualTo(1);
        assertThat(engine.recognitions).isEqualTo(1);
        assertThat(Cer.of(OcrPipelineTest.groundTruth("a06"), page.text())).isLessThanOrEqualTo(0.02);
    }
}
