package vn.sohoa.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.OrientationGuess;
import vn.sohoa.ocr.engine.Recognition;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/** The whole OCR path with the real Tesseract 5 and the corpus scans; veraPDF judges every output. */
class OcrPipelineTest {

    static final OcrOptions OPTIONS = OcrOptions.defaults();
    static OcrEnginePool pool;
    static OcrPipeline pipeline;

    static final DigitizationMarker MARKER = new DigitizationMarker("Hợp đồng thuê nhà", "000.00.30.H42",
            "UBND xã Hòa Phong", "Trần Thị Mỹ Duyên", OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0,
            ZoneOffset.ofHours(7)));

    @BeforeAll
    static void startEngines() {
        pool = new OcrEnginePool(OPTIONS.workers(),
                () -> new TesseractOcrEngine(OPTIONS.tessdata(), OPTIONS.languages()));
        pipeline = new OcrPipeline(pool, OPTIONS);
    }

    @AfterAll
    static void stopEngines() {
        pool.close();
    }

    /** Each corpus scan is read by Tesseract once for the whole class: tests that look at the same scan share it. */
    static final Map<List<String>, DigitizedDocument> DIGITIZED = new ConcurrentHashMap<>();

    static DigitizedDocument digitized(String... corpusFiles) throws IOException {
        List<String> key = List.of(corpusFiles);
        DigitizedDocument done = DIGITIZED.get(key);
        if (done == null) {
            done = pipeline.digitize(pages(corpusFiles), MARKER, ProgressListener.NONE);
            DIGITIZED.put(key, done);
        }
        return done;
    }

    static List<PageImage> pages(String... corpusFiles) throws IOException {
        List<ScanFile> files = new ArrayList<>();
        for (String file : corpusFiles) {
            Path path = SharedCorpus.corpus(file);
            files.add(ScanFile.accept(path.getFileName().toString(), Files.readAllBytes(path), IngestLimits.DEFAULTS));
        }
        return new ScanDecoder(IngestLimits.DEFAULTS).decode(files);
    }

    static String groundTruth(String... ids) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String id : ids) {
            text.append(Files.readString(SharedCorpus.corpus("gt/" + id + ".txt"), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.toString();
    }

    static String extractedText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void cleanPageIsSearchablePdfAWithAccurateVietnameseText() throws IOException {
        DigitizedDocument result = digitized("clean/a06.png");

        assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).isEmpty();
        assertThat(Cer.of(groundTruth("a06"), extractedText(result.pdf()))).isLessThanOrEqualTo(0.02);
        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            PDPage page = document.getPage(0);
            // 2481 px at 300 dpi is A4's 595 pt
            assertThat(page.getMediaBox().getWidth()).isBetween(594f, 597f);
            assertThat(document.getDocumentInformation().getSubject()).contains("Converted from paper")
                    .contains("UBND xã Hòa Phong").contains("Trần Thị Mỹ Duyên");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("vi");
        }
    }

    @Test
    void theJudgeRejectsAnOrdinaryPdf() throws IOException {
        // the corpus' born-digital render is not PDF/A: a judge that passed it would prove nothing
        assertThat(VeraPdfJudge.pdfA2bFailures(Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf")))).isNotEmpty();
    }

    @Test
    void upsideDownPageComesOutUpright() throws IOException {
        DigitizedDocument result = digitized("scans/s04_a04_upside-down_rot180_300dpi.jpg");

        assertThat(result.pages().get(0).rotationDegrees()).isEqualTo(180);
        assertThat(Cer.of(groundTruth("a04"), extractedText(result.pdf()))).isLessThanOrEqualTo(0.05);
        assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).isEmpty();
    }

    @Test
    void sidewaysPageBecomesPortrait() throws IOException {
        DigitizedDocument result = digitized("scans/s06_a06_rot90_300dpi.png");

        assertThat(result.pages().get(0).rotationDegrees()).isEqualTo(270);
        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            assertThat(document.getPage(0).getMediaBox().getHeight())
                    .isGreaterThan(document.getPage(0).getMediaBox().getWidth());
        }
        assertThat(Cer.of(groundTruth("a06"), extractedText(result.pdf()))).isLessThanOrEqualTo(0.02);
    }

    @Test
    void multiPageTiffAndImagePdfKeepPageOrder() throws IOException {
        for (String scan : List.of("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif",
                "scans/s11_a05+a06_2pages_img2pdf_jpeg75_300dpi.pdf")) {
            DigitizedDocument result = digitized(scan);

            assertThat(result.pages()).hasSize(2);
            assertThat(Cer.of(groundTruth("a05", "a06"), extractedText(result.pdf())))
                    .as(scan).isLessThanOrEqualTo(0.03);
            assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).as(scan).isEmpty();
        }
    }

    @Test
    void bilevelG4AndColourScansStayPdfA() throws IOException {
        DigitizedDocument result = digitized("scans/s03_a03_skew+1.8_g4_200dpi.tif",
                "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg");

        assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).isEmpty();
        assertThat(Cer.of(groundTruth("a03", "a08"), extractedText(result.pdf()))).isLessThanOrEqualTo(0.08);
    }

    /**
     * Every corpus scan, page by page, against a CER bound just above what the pipeline achieves today (text in the
     * PDF's own order, PDFBox extraction), so that a regression in preprocessing or text placement fails here.
     * The measured values are in docs/benchmarks.md; raise a bound only with a reason in the commit.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg, a01, 0.011",
        "scans/s02_a02_skew-0.7_blur2.2_300dpi.png, a02, 0.006",
        "scans/s03_a03_skew+1.8_g4_200dpi.tif, a03, 0.032",
        "scans/s04_a04_upside-down_rot180_300dpi.jpg, a04, 0.019",
        "scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg, a05, 0.013",
        "scans/s06_a06_rot90_300dpi.png, a06, 0.005",
        "scans/s07_a07_skew+0.5_edge-shadow_300dpi.jpg, a07, 0.041",
        "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg, a08, 0.035",
        "scans/s09_a02_jpeg-q10_200dpi.jpg, a02, 0.005",
        "scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif, a05+a06, 0.012",
        "scans/s11_a05+a06_2pages_img2pdf_jpeg75_300dpi.pdf, a05+a06, 0.013"
    })
    void corpusScansStayWithinTheirCerBounds(String scan, String truth, double bound) throws IOException {
        String[] ids = truth.split("\\+");
        DigitizedDocument result = digitized(scan);
        assertThat(result.pages()).hasSize(ids.length);
        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            for (int page = 1; page <= ids.length; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(Cer.of(groundTruth(ids[page - 1]), stripper.getText(document)))
                        .as("%s page %d", scan, page).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void progressCountsEveryPage() throws IOException {
        List<String> progress = new ArrayList<>();
        pipeline.digitize(pages("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif"), MARKER,
                (done, total) -> progress.add(done + "/" + total));
        assertThat(progress).containsExactly("1/2", "2/2");
    }

    /** A crashing engine cannot be had from Tesseract on demand, so this one is a stand-in that throws. */
    static final class CrashingEngine implements OcrEngine {
        @Override
        public OrientationGuess detectOrientation(BufferedImage grey, int dpi) {
            throw new IllegalStateException("segmentation fault (simulated)");
        }

        @Override
        public Recognition recognize(BufferedImage grey, int dpi) {
            throw new IllegalStateException("segmentation fault (simulated)");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void crashingEngineFailsThePageWithAReason() throws IOException {
        List<PageImage> pages = pages("clean/a06.png");
        try (OcrEnginePool crashing = new OcrEnginePool(1, CrashingEngine::new)) {
            OcrPipeline broken = new OcrPipeline(crashing, OPTIONS);
            assertThatThrownBy(() -> broken.digitize(pages, MARKER, ProgressListener.NONE))
                    .isInstanceOf(OcrFailedException.class)
                    .hasMessageContaining("page 1")
                    .hasMessageContaining("segmentation fault");
        }
    }
}
