package vn.sohoa.testkit;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The independent judge of Sohoa's PDF/A output: veraPDF's Greenfield validator, the reference implementation. */
public final class VeraPdfJudge {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdfJudge() {
    }

    /** The failed rules (empty when the file is compliant). */
    public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage())
                    .distinct()
                    .toList();
        } catch (Exception e) {
            return List.of("veraPDF could not parse the file: " + e);
        }
    }

    public static List<String> pdfA2bFailures(byte[] pdf) {
        return failures(pdf, PDFAFlavour.PDFA_2_B);
    }
}
