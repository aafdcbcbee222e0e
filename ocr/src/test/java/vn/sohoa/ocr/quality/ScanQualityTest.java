package vn.sohoa.ocr.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.OcrWord;
import vn.sohoa.ocr.engine.PixelBox;
import vn.sohoa.testkit.ScanDefects;
import vn.sohoa.testkit.ScanDefects.Defect;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The scan-quality gate's verdicts on pages with a known defect (made by the testkit's generator from a clean corpus
 * page) and on acceptable ones (the corpus's own scans, mild degradations). The rates over the whole corpus are
 * bench/quality's; here each verdict is checked on a page of the reporting half (a06), which tuning never saw.
 */
class ScanQualityTest {

    static final ScanQuality GATE = new ScanQuality(QualityThresholds.defaults());
    static BufferedImage clean;

    @BeforeAll
    static void readPage() throws IOException {
        clean = ImageIO.read(SharedCorpus.corpus("clean/a06.png").toFile());
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void eachDefectIsNamedByItsReason(Defect defect) {
        ScanDefects.Scan scan = ScanDefects.make(clean, 300, defect, 1);
        PageQuality quality = GATE.assess(scan.image(), scan.dpi());
        assertThat(quality.findings()).as(defect + ": " + quality).extracting(f -> f.reason().name())
                .contains(defect.reason());
        assertThat(quality.verdict()).isEqualTo(QualityReason.valueOf(defect.reason()).verdict().worse(quality.verdict()));
    }

    @Test
    void aCleanPageAndMildDegradationsPass() {
        assertThat(GATE.assess(clean, 300).verdict()).isEqualTo(QualityVerdict.OK);
        for (int variant = 0; variant < ScanDefects.ACCEPTABLE_VARIANTS; variant++) {
            ScanDefects.Scan scan = ScanDefects.acceptable(clean, 300, variant);
            PageQuality quality = GATE.assess(scan.image(), scan.dpi());
            assertThat(quality.findings()).as("acceptable variant " + variant + ": " + quality.measures()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg", "scans/s07_a07_skew+0.5_edge-shadow_300dpi.jpg",
            "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg", "scans/s06_a06_rot90_300dpi.png"})
    void theCorpusScansPass(String file) throws IOException {
        BufferedImage scan = ImageIO.read(SharedCorpus.corpus(file).toFile());
        PageQuality quality = GATE.assess(new PageImage(1, scan, 300, file));
        assertThat(quality.findings()).as(file + ": " + quality.measures()).isEmpty();
    }

    @Test
    void aBlackAndWhiteScanHasLostItsColourButNothingElse() throws IOException {
        BufferedImage g4 = ImageIO.read(SharedCorpus.corpus("scans/s03_a03_skew+1.8_g4_200dpi.tif").toFile());
        PageQuality quality = GATE.assess(g4, 200);
        assertThat(quality.has(QualityReason.COLOUR_LOST)).isTrue();
        assertThat(quality.has(QualityReason.LOW_RESOLUTION)).as("200 dpi is the minimum, not below it").isFalse();
    }

    @Test
    void thresholdsAreConfiguration() {
        ScanDefects.Scan blurred = ScanDefects.make(clean, 300, Defect.BLURRED, 1);
        QualityThresholds d = QualityThresholds.defaults();
        QualityThresholds lenient = new QualityThresholds(d.minDpi(), 1.0, d.blankSpread(), d.minMarginMm(),
                d.maxCornerDark(), d.minPaperLevel(), d.maxInkLevel(), d.minContrast(), d.maxSkewDegrees(),
                d.minConfidence());
        assertThat(new ScanQuality(lenient).assess(blurred.image(), blurred.dpi()).has(QualityReason.BLURRED)).isFalse();
        assertThat(GATE.assess(blurred.image(), blurred.dpi()).has(QualityReason.BLURRED)).isTrue();
    }

    @Test
    void afterRecognitionALowMeanConfidenceIsAWarning() {
        OcrPage unsure = page(new OcrWord("Sô", new PixelBox(0, 0, 10, 10), 30f),
                new OcrWord("CCCD", new PixelBox(12, 0, 40, 10), 45f));
        double confidence = ScanQuality.meanConfidence(unsure);
        assertThat(confidence).isEqualTo((30.0 * 2 + 45.0 * 4) / 6, Offset.offset(0.01));
        QualityFinding finding = GATE.afterRecognition(confidence).orElseThrow();
        assertThat(finding.reason()).isEqualTo(QualityReason.LOW_CONFIDENCE);
        assertThat(finding.reason().verdict()).isEqualTo(QualityVerdict.WARN);
        assertThat(finding.message(Locale.forLanguageTag("vi"))).startsWith("nhận dạng chữ kém tin cậy").contains("giới hạn 55");
        assertThat(finding.message(Locale.ENGLISH)).startsWith("text recognised with low confidence").contains("limit 55");
        assertThat(GATE.afterRecognition(ScanQuality.meanConfidence(page(
                new OcrWord("CCCD", new PixelBox(0, 0, 10, 10), 91f))))).isEmpty();
        assertThat(GATE.afterRecognition(ScanQuality.meanConfidence(page()))).as("nothing read, no score").isEmpty();
    }

    private static OcrPage page(OcrWord... words) {
        List<OcrLine> lines = words.length == 0 ? List.of()
                : List.of(new OcrLine(new PixelBox(0, 0, 40, 10), 10, List.of(words)));
        return new OcrPage(1, null, 300, lines, null, 0, null);
    }
}
