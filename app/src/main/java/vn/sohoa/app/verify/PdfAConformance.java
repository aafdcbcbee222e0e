package vn.sohoa.app.verify;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Whether a file really is the PDF/A it claims to be, judged by veraPDF (the reference PDF/A validator) against the
 * part and conformance its XMP metadata declares.
 *
 * <p>The checks run on threads of their own, one per core. veraPDF compiles its rules' scripts once per thread and
 * keeps them there (its {@code JavaScriptEvaluator}); run on the web server's request threads, which take requests in
 * turn, nearly every check paid that compilation again. The threads also bound how many checks run at once, each
 * holding a parsed file, whatever the number of requests.
 */
@Component
class PdfAConformance implements AutoCloseable {

    /** The verdict: the flavour checked, whether it passed, and the rules that failed (at most 20). */
    record Verdict(String flavour, boolean compliant, List<String> failedRules) {
    }

    private final ExecutorService checks;

    PdfAConformance() {
        VeraGreenfieldFoundryProvider.initialise();
        AtomicInteger threads = new AtomicInteger();
        checks = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "pdfa-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return null when the file declares no PDF/A conformance */
    Verdict check(byte[] pdf) {
        Future<Verdict> verdict = checks.submit(() -> validate(pdf));
        try {
            return verdict.get();
        } catch (InterruptedException e) {
            verdict.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while veraPDF checked the file", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("veraPDF failed on the file", e.getCause());
        }
    }

    private static Verdict validate(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            PDFAFlavour flavour = parser.getFlavour();
            if (flavour == null || flavour == PDFAFlavour.NO_FLAVOUR) {
                return null;
            }
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().limit(20).toList();
            return new Verdict(flavour.getId(), result.isCompliant(), failed);
        } catch (Exception e) {
            return new Verdict("unknown", false, List.of("veraPDF could not parse the file: " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
