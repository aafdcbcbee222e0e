package vn.sohoa.ocr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.sohoa.core.image.RightAngle;
import vn.sohoa.ocr.OcrOptions;
import vn.sohoa.ocr.engine.PageLayout;
import vn.sohoa.ocr.engine.PixelBox;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.preprocess.LayoutOrientation.Verdict;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The verdict from Tesseract's layout (the real engine) and the ink around each line's core band, on corpus pages
 * as they are, half turned and a quarter turned. The scans include the weakest cases measured: the edge-shadowed
 * s07 and the bilingual diploma s04 (which the corpus has upside down).
 */
class LayoutOrientationTest {

    static TesseractOcrEngine engine;
    final LayoutOrientation orientation = new LayoutOrientation();

    @BeforeAll
    static void startEngine() {
        OcrOptions options = OcrOptions.defaults();
        engine = new TesseractOcrEngine(options.tessdata(), options.languages());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** The page as the pipeline hands it to the layout: grey and levelled (a skewed line's box holds two lines' ink). */
    static BufferedImage grey(String corpusFile) throws IOException {
        BufferedImage grey = Images.toGrey(ImageIO.read(SharedCorpus.corpus(corpusFile).toFile()));
        double skew = new Deskew(5, 0.1).measure(grey, 300);
        return skew == 0 ? grey : Images.rotateSmall(grey, skew);
    }

    Verdict verdict(BufferedImage grey) {
        return orientation.of(engine.analyseLayout(grey, 300), grey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clean/a01.png", "clean/a04.png", "clean/a07.png", "clean/a08.jpg",
            "scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg", "scans/s07_a07_skew+0.5_edge-shadow_300dpi.jpg"})
    void tellsUprightUpsideDownAndSidewaysPages(String corpusFile) throws IOException {
        BufferedImage page = grey(corpusFile);

        assertThat(verdict(page)).isEqualTo(Verdict.UPRIGHT);
        assertThat(verdict(RightAngle.rotate(page, 180))).isEqualTo(Verdict.UPSIDE_DOWN);
        assertThat(verdict(RightAngle.rotate(page, 90))).isEqualTo(Verdict.SIDEWAYS);
        assertThat(verdict(RightAngle.rotate(page, 270))).isEqualTo(Verdict.SIDEWAYS);
    }

    @Test
    void theCorpusUpsideDownScanIsUpsideDown() throws IOException {
        BufferedImage page = grey("scans/s04_a04_upside-down_rot180_300dpi.jpg");

        assertThat(verdict(page)).isEqualTo(Verdict.UPSIDE_DOWN);
        assertThat(verdict(RightAngle.rotate(page, 180))).isEqualTo(Verdict.UPRIGHT);
    }

    @Test
    void nothingKnownLeavesThePageAsItCame() throws IOException {
        assertThat(orientation.of(PageLayout.UNKNOWN, grey("clean/a06.png"))).isEqualTo(Verdict.UPRIGHT);
    }

    @Test
    void linesOfDigitsAndBlocksOfInkAbstain() {
        // a white page with two solid black bars as "lines": no core band with ink above or below, no vote
        BufferedImage page = new BufferedImage(600, 200, BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 500, 30);
        g.fillRect(10, 100, 500, 30);
        g.dispose();
        PageLayout bars = new PageLayout(List.of(new PixelBox(10, 10, 510, 40), new PixelBox(10, 100, 510, 130)));

        assertThat(orientation.of(bars, page)).isEqualTo(Verdict.UPRIGHT);
    }

    @Test
    void refusesAnythingButEightBitGrey() {
        BufferedImage rgb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> orientation.of(PageLayout.UNKNOWN, rgb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grey");
    }
}
