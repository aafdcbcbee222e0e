package vn.sohoa.app.ocr;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.error.SohoaException;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;
import vn.sohoa.ingest.TextPages;
import vn.sohoa.ocr.DigitizedDocument;
import vn.sohoa.ocr.OcrFailedException;
import vn.sohoa.ocr.OcrOptions;
import vn.sohoa.ocr.OcrPipeline;
import vn.sohoa.ocr.ProgressListener;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.pdfa.ImagePolicy;
import vn.sohoa.ocr.pdfa.PdfAFlavour;

/**
 * {@code sohoa ocr INPUT... -o OUTPUT.pdf [--title T] [--agency NAME] [--clerk NAME] [--jobs N] [-l LANGS]
 * [--output-type pdfa-2b|pdfa-2u|pdfa-3b] [--force-ocr] [--keep-lossless]}: batch digitization
 * without the server, through the same decoder and pipeline as the service. It lives in the app, not in the ocr
 * library: it reads files with the scan-ingest decoder, which the ocr library does not know.
 */
public final class OcrCommand {

    /** Exit codes in the spirit of OCRmyPDF's: each failure kind has its own. */
    public static final int OK = 0;
    public static final int BAD_ARGS = 1;
    public static final int INPUT_ERROR = 2;
    public static final int OUTPUT_ERROR = 5;
    public static final int OCR_ERROR = 15;

    private OcrCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        String title = null;
        String agency = "Sohoa command line";
        String clerk = System.getProperty("user.name", "unknown");
        OcrOptions options = OcrOptions.defaults();
        TextPages textPages = TextPages.KEEP_TEXT;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "-o", "--output" -> output = Path.of(value(args, ++i, arg));
                    case "--title" -> title = value(args, ++i, arg);
                    case "--agency" -> agency = value(args, ++i, arg);
                    case "--clerk" -> clerk = value(args, ++i, arg);
                    case "-j", "--jobs" -> options = options.withWorkers(Integer.parseInt(value(args, ++i, arg)));
                    case "-l", "--language" -> options = options.withLanguages(value(args, ++i, arg));
                    case "--output-type" -> options = options.withPdfA(PdfAFlavour.parse(value(args, ++i, arg)));
                    case "--force-ocr" -> textPages = TextPages.FORCE_OCR;
                    case "--keep-lossless" -> options = options.withImages(ImagePolicy.KEEP_LOSSLESS);
                    case "-h", "--help" -> {
                        out.println("usage: sohoa ocr INPUT... -o OUTPUT.pdf [--title T] [--agency A] [--clerk C] "
                                + "[-j N] [-l vie+eng] [--output-type pdfa-2b|pdfa-2u|pdfa-3b] [--force-ocr] [--keep-lossless]");
                        return OK;
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        inputs.add(Path.of(arg));
                    }
                }
            }
            if (inputs.isEmpty() || output == null) {
                throw new IllegalArgumentException("give at least one INPUT and -o OUTPUT.pdf");
            }
        } catch (IllegalArgumentException e) {
            err.println("sohoa ocr: " + e.getMessage() + " (see sohoa ocr --help)");
            return BAD_ARGS;
        }

        IngestLimits limits = IngestLimits.DEFAULTS;
        List<ScanFile> files = new ArrayList<>();
        ScanPages pages;
        try {
            for (Path input : inputs) {
                if (!Files.isRegularFile(input)) {
                    err.println("sohoa ocr: input not found: " + input);
                    return INPUT_ERROR;
                }
                files.add(ScanFile.accept(input.getFileName().toString(), Files.readAllBytes(input), limits));
            }
            pages = new ScanDecoder(limits, textPages).open(files);
        } catch (IOException | SohoaException e) {
            err.println("sohoa ocr: " + e.getMessage());
            return INPUT_ERROR;
        }

        DigitizationMarker marker = new DigitizationMarker(
                title != null ? title : inputs.get(0).getFileName().toString(), "-", agency, clerk,
                OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0));
        OcrOptions chosen = options;
        DigitizedDocument document;
        try (OcrEnginePool pool = new OcrEnginePool(Math.min(chosen.workers(), pages.count()),
                () -> new TesseractOcrEngine(chosen.tessdata(), chosen.languages()))) {
            document = new OcrPipeline(pool, chosen).digitize(pages, marker,
                    (done, total) -> err.printf("page %d/%d%n", done, total));
        } catch (InvalidInputException e) {
            err.println("sohoa ocr: " + e.getMessage());
            return INPUT_ERROR;
        } catch (SohoaException e) {
            err.println("sohoa ocr: " + e.getMessage());
            return OCR_ERROR;
        }
        try {
            Path temporary = Files.createTempFile(output.toAbsolutePath().getParent(), ".sohoa-", ".pdf");
            Files.write(temporary, document.pdf());
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("sohoa ocr: cannot write " + output + ": " + e.getMessage());
            return OUTPUT_ERROR;
        }
        out.printf("%s: %d page(s)%n", output, pages.count());
        return OK;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }
}
