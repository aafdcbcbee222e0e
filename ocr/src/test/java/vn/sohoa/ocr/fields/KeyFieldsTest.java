package vn.sohoa.ocr.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.document.PageSource;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ocr.OcrOptions;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.OcrPipeline;
import vn.sohoa.ocr.ProgressListener;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.OcrWord;
import vn.sohoa.ocr.engine.PixelBox;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.testkit.FieldTruth;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The key fields of every corpus paper against the field ground truth (testkit's {@code fields-ground-truth.json}):
 * from each paper's born-digital PDF (its own text layer, read through the pipeline as an uploaded PDF is: the rules
 * on exact text), and from one real scan through Tesseract (the rules on recognised text). bench/fields measures
 * precision and recall on every scan.
 */
class KeyFieldsTest {

    static final OcrOptions OPTIONS = OcrOptions.defaults();
    static OcrEnginePool pool;
    static OcrPipeline pipeline;
    static final KeyFields READER = new KeyFields();

    @BeforeAll
    static void start() {
        pool = new OcrEnginePool(1, () -> new TesseractOcrEngine(OPTIONS.tessdata(), OPTIONS.languages()));
        pipeline = new OcrPipeline(pool, OPTIONS);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static List<List<OcrLine>> lines(String... files) throws IOException {
        List<PageImage> pages = new ArrayList<>();
        for (String file : files) {
            pages.addAll(new ScanDecoder(IngestLimits.DEFAULTS).decode(List.of(ScanFile.accept(file,
                    Files.readAllBytes(SharedCorpus.corpus(file)), IngestLimits.DEFAULTS))));
        }
        List<PageImage> numbered = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PageImage page = pages.get(i);
            numbered.add(new PageImage(i + 1, page.image(), page.dpi(), page.source(), page.text(), page.lossless()));
        }
        return pipeline.recognise(PageSource.of(numbered), ProgressListener.NONE).stream().map(OcrPage::lines).toList();
    }

    static Map<String, Set<String>> found(PaperFields fields) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (ExtractedField field : fields.fields()) {
            found.computeIfAbsent(field.name().name(), k -> new TreeSet<>()).add(field.value());
        }
        return found;
    }

    @Test
    void everyPapersKindAndFieldsAreReadFromItsText() throws IOException {
        Map<String, FieldTruth.Score> scores = new TreeMap<>();
        for (FieldTruth.Paper paper : FieldTruth.papers()) {
            PaperFields fields = READER.read(lines(paper.pages().stream().map(p -> "src/" + p + ".pdf")
                    .toArray(String[]::new)));
            assertThat(fields.type().name()).as(paper.paper()).isEqualTo(paper.type());
            FieldTruth.score(paper, found(fields), scores);
            for (ExtractedField field : fields.fields()) {
                assertThat(field.confidence()).as(field.toString()).isBetween(0.5, 1.0);
                assertThat(field.box().width()).as("where it was read: " + field).isPositive();
            }
        }
        assertThat(FieldTruth.papers()).hasSize(7);
        assertThat(scores).containsOnlyKeys("CITIZEN_ID", "FULL_NAME", "DATE_OF_BIRTH", "ISSUE_DATE", "ISSUING_BODY",
                "VALID_UNTIL");
        assertThat(scores.get("ISSUE_DATE").right).as("a date read on each of the seven papers").isEqualTo(7);
        scores.forEach((name, score) -> {
            assertThat(score.precision()).as(name + " precision").isEqualTo(1.0);
            assertThat(score.recall()).as(name + " recall").isEqualTo(1.0);
        });
    }

    @Test
    void aScannedBirthCertificateGivesItsNumberNameAndDatesThroughTesseract() throws IOException {
        FieldTruth.Paper truth = FieldTruth.papers().stream().filter(p -> p.paper().equals("a02")).findFirst()
                .orElseThrow();
        PaperFields fields = READER.read(lines("scans/s02_a02_skew-0.7_blur2.2_300dpi.png"));
        assertThat(fields.type()).isEqualTo(PaperType.BIRTH_CERTIFICATE);
        assertThat(fields.best(FieldName.CITIZEN_ID).orElseThrow().value()).isEqualTo("049324008157");
        assertThat(fields.best(FieldName.DATE_OF_BIRTH).orElseThrow().value()).isEqualTo("2024-11-05");
        assertThat(FieldTruth.normal(fields.best(FieldName.FULL_NAME).orElseThrow().value()))
                .isIn(truth.fields().get("FULL_NAME"));
        assertThat(fields.best(FieldName.CITIZEN_ID).orElseThrow().confidence()).as("recognised, not typed")
                .isBetween(0.5, 0.99);
    }

    @Test
    void aNumberThatIsNotAnIdentificationNumberOrADateThatIsNotOneIsNotOffered() {
        PaperFields fields = READER.read(List.of(List.of(
                line("GIẤY KHAI SINH"),
                line("Số định danh cá nhân: 999324008157"),   // no such province
                line("Ngày, tháng, năm sinh: 31/02/2024"),     // no such day
                line("Họ, chữ đệm, tên người mẹ: LÊ THỊ THU HIỀN"),  // the mother, not the holder
                line("Số điện thoại: 090531824612"))));         // valid-looking digits, but 090 is no province
        assertThat(fields.type()).isEqualTo(PaperType.BIRTH_CERTIFICATE);
        assertThat(fields.fields()).isEmpty();
    }

    private static OcrLine line(String text) {
        List<OcrWord> words = new ArrayList<>();
        int x = 0;
        for (String word : text.split(" ")) {
            words.add(new OcrWord(word, new PixelBox(x, 0, x + 10 * word.length(), 20), 90f));
            x += 10 * word.length() + 10;
        }
        return new OcrLine(new PixelBox(0, 0, x, 20), 18, words);
    }
}
