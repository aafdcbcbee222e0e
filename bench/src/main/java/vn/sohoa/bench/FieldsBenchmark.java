package vn.sohoa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.fields.ExtractedField;
import vn.sohoa.ocr.fields.KeyFields;
import vn.sohoa.ocr.fields.PaperFields;
import vn.sohoa.testkit.FieldTruth;

/**
 * Key fields read from recognised text against the corpus's field ground truth: every paper as its clean 300 dpi
 * page(s) and as every scan of it (the contract's two single-page scans s05 and s06 as one paper), each through
 * Tesseract as the service reads it. Prints field-level precision and recall and the share of papers whose kind
 * was named right.
 *
 * <pre>bench/fields [--out FILE.md]</pre>
 */
public final class FieldsBenchmark {

    /** One paper as uploaded: which ground-truth paper, how it was scanned, its files. */
    record Upload(String paper, String how, List<String> files) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        Path corpus = Path.of(options.getOrDefault("--shared", "../shared")).resolve("corpus");
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("a01", "clean", List.of("clean/a01.png")));
        uploads.add(new Upload("a02", "clean", List.of("clean/a02.png")));
        uploads.add(new Upload("a03", "clean", List.of("clean/a03.png")));
        uploads.add(new Upload("a04", "clean", List.of("clean/a04.png")));
        uploads.add(new Upload("a05+a06", "clean", List.of("clean/a05.png", "clean/a06.png")));
        uploads.add(new Upload("a07", "clean", List.of("clean/a07.png")));
        uploads.add(new Upload("a08", "clean", List.of("clean/a08.jpg")));
        uploads.add(new Upload("a01", "s01 noise, JPEG 75", List.of("scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg")));
        uploads.add(new Upload("a02", "s02 blur", List.of("scans/s02_a02_skew-0.7_blur2.2_300dpi.png")));
        uploads.add(new Upload("a03", "s03 G4 200 dpi", List.of("scans/s03_a03_skew+1.8_g4_200dpi.tif")));
        uploads.add(new Upload("a04", "s04 upside down", List.of("scans/s04_a04_upside-down_rot180_300dpi.jpg")));
        uploads.add(new Upload("a05+a06", "s05 low contrast + s06 sideways",
                List.of("scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg", "scans/s06_a06_rot90_300dpi.png")));
        uploads.add(new Upload("a07", "s07 edge shadow", List.of("scans/s07_a07_skew+0.5_edge-shadow_300dpi.jpg")));
        uploads.add(new Upload("a08", "s08 colour", List.of("scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg")));
        uploads.add(new Upload("a02", "s09 JPEG q10 200 dpi", List.of("scans/s09_a02_jpeg-q10_200dpi.jpg")));
        uploads.add(new Upload("a05+a06", "s10 two-page TIFF", List.of("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif")));
        uploads.add(new Upload("a05+a06", "s11 two-page PDF", List.of("scans/s11_a05+a06_2pages_img2pdf_jpeg75_300dpi.pdf")));

        Map<String, FieldTruth.Paper> truth = new TreeMap<>();
        FieldTruth.papers().forEach(paper -> truth.put(paper.paper(), paper));
        OcrOptions ocr = OcrOptions.defaults();
        KeyFields reader = new KeyFields();
        Map<String, FieldTruth.Score> scores = new TreeMap<>();
        int typed = 0;
        StringBuilder rows = new StringBuilder("| paper | scan | kind read | fields read (wrong ones marked ✗) |\n"
                + "|---|---|---|---|\n");
        long readNanos = 0;
        try (OcrEnginePool pool = new OcrEnginePool(ocr.workers(),
                () -> new TesseractOcrEngine(ocr.tessdata(), ocr.languages()))) {
            OcrPipeline pipeline = new OcrPipeline(pool, ocr);
            ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
            for (Upload upload : uploads) {
                List<PageImage> pages = new ArrayList<>();
                for (String file : upload.files()) {
                    for (PageImage page : decoder.decode(List.of(ScanFile.accept(file,
                            Files.readAllBytes(corpus.resolve(file)), IngestLimits.DEFAULTS)))) {
                        pages.add(new PageImage(pages.size() + 1, page.image(), page.dpi(), page.source(), page.text(),
                                page.lossless()));
                    }
                }
                List<OcrPage> recognised = pipeline.recognise(PageSource.of(pages), ProgressListener.NONE);
                long start = System.nanoTime();
                PaperFields fields = reader.read(recognised.stream().map(OcrPage::lines).toList());
                readNanos += System.nanoTime() - start;
                FieldTruth.Paper paper = truth.get(upload.paper());
                Map<String, Set<String>> found = new TreeMap<>();
                List<String> shown = new ArrayList<>();
                for (ExtractedField field : fields.fields()) {
                    found.computeIfAbsent(field.name().name(), k -> new TreeSet<>()).add(field.value());
                    boolean right = paper.fields().getOrDefault(field.name().name(), Set.of())
                            .contains(FieldTruth.normal(field.value()));
                    shown.add(field.name() + " " + field.value() + (right ? "" : " ✗"));
                }
                FieldTruth.score(paper, found, scores);
                boolean typeRight = fields.type().name().equals(paper.type());
                typed += typeRight ? 1 : 0;
                rows.append(String.format("| %s | %s | %s%s | %s |%n", upload.paper(), upload.how(), fields.type(),
                        typeRight ? "" : " ✗ (" + paper.type() + ")", String.join("; ", shown)));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| field | right | wrong | missed | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        scores.forEach((name, s) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n",
                name, s.right, s.wrong, s.missed, s.precision(), s.recall())));
        out.append(String.format(Locale.ROOT, "%nKind of paper named right: %d of %d papers. Reading the fields "
                + "from the recognised lines took %.1f ms a paper (recognition not included).%n%n", typed,
                uploads.size(), readNanos / 1e6 / uploads.size()));
        out.append(rows);
        System.out.print(out);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), out);
        }
    }
}
