package vn.sohoa.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import vn.sohoa.ocr.pdfa.ImagePolicy;
import vn.sohoa.ocr.pdfa.PdfAFlavour;

/**
 * How the OCR pipeline runs.
 *
 * @param tessdata                 folder with the *.traineddata files (Debian: /usr/share/tesseract-ocr/5/tessdata)
 * @param languages                Tesseract languages, e.g. {@code vie+eng}
 * @param workers                  OCR worker threads, each with its own engine; pages run in parallel across them
 * @param jpegQuality              quality of grey and colour page images in the PDF, 0..1 (0.6: chosen by
 *                                 {@code bench/ocr-tune} on half the corpus as the smallest file still more faithful
 *                                 to the scan than OCRmyPDF's; see docs/benchmarks.md)
 * @param minOrientationConfidence OSD confidence needed before a page is turned
 * @param maxDeskewDegrees         largest skew corrected
 * @param pageTimeout              longest a page may take before it is failed
 * @param pdfa                     the PDF/A flavour to write
 * @param images                   how grey and colour page images are compressed
 */
public record OcrOptions(Path tessdata, String languages, int workers, float jpegQuality,
                         float minOrientationConfidence, double maxDeskewDegrees, Duration pageTimeout,
                         PdfAFlavour pdfa, ImagePolicy images) {

    public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    /**
     * Vietnamese alone: on the corpus it reads better than vie+eng (mean CER 0.012 against 0.015, the bilingual
     * diploma included, whose English lines the Latin-script vie model reads) and about 10 % faster; see
     * docs/benchmarks.md. vie+eng remains one setting away.
     */
    public static final String DEFAULT_LANGUAGES = "vie";

    public OcrOptions {
        Objects.requireNonNull(tessdata, "tessdata");
        if (languages == null || !languages.matches("[a-z_]+(\\+[a-z_]+)*")) {
            throw new IllegalArgumentException("languages must look like vie+eng: " + languages);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be within 1..64: " + workers);
        }
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("jpegQuality must be within (0, 1]: " + jpegQuality);
        }
        if (maxDeskewDegrees < 0 || maxDeskewDegrees > 45) {
            throw new IllegalArgumentException("maxDeskewDegrees must be within 0..45: " + maxDeskewDegrees);
        }
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        Objects.requireNonNull(pdfa, "pdfa");
        Objects.requireNonNull(images, "images");
    }

    public static OcrOptions defaults() {
        String env = System.getenv("TESSDATA_PREFIX");
        Path tessdata = env != null && !env.isBlank() ? Path.of(env) : DEBIAN_TESSDATA;
        return new OcrOptions(tessdata, DEFAULT_LANGUAGES, Runtime.getRuntime().availableProcessors(), 0.6f, 2.0f, 5.0,
                Duration.ofMinutes(2), PdfAFlavour.PDF_A_2B, ImagePolicy.JPEG);
    }

    public OcrOptions withWorkers(int newWorkers) {
        return new OcrOptions(tessdata, languages, newWorkers, jpegQuality, minOrientationConfidence,
                maxDeskewDegrees, pageTimeout, pdfa, images);
    }

    public OcrOptions withLanguages(String newLanguages) {
        return new OcrOptions(tessdata, newLanguages, workers, jpegQuality, minOrientationConfidence,
                maxDeskewDegrees, pageTimeout, pdfa, images);
    }

    public OcrOptions withPdfA(PdfAFlavour flavour) {
        return new OcrOptions(tessdata, languages, workers, jpegQuality, minOrientationConfidence,
                maxDeskewDegrees, pageTimeout, flavour, images);
    }

    public OcrOptions withImages(ImagePolicy policy) {
        return new OcrOptions(tessdata, languages, workers, jpegQuality, minOrientationConfidence,
                maxDeskewDegrees, pageTimeout, pdfa, policy);
    }

    public OcrOptions withJpegQuality(float quality) {
        return new OcrOptions(tessdata, languages, workers, quality, minOrientationConfidence,
                maxDeskewDegrees, pageTimeout, pdfa, images);
    }

    public OcrOptions withPageTimeout(Duration timeout) {
        return new OcrOptions(tessdata, languages, workers, jpegQuality, minOrientationConfidence,
                maxDeskewDegrees, timeout, pdfa, images);
    }
}
