package vn.sohoa.app.verify;

import java.io.ByteArrayInputStream;
import java.util.List;

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
 */
@Component
class PdfAConformance {

    /** The verdict: the flavour checked, whether it passed, and the rules that failed (at most 20). */
    record Verdict(String flavour, boolean compliant, List<String> failedRules) {
    }

    PdfAConformance() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** @return null when the file declares no PDF/A conformance */
    Verdict check(byte[] pdf) {
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
}
