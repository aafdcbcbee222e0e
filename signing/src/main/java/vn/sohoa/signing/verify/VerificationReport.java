package vn.sohoa.signing.verify;

import java.util.List;

/**
 * The verdict on a PDF's signatures.
 *
 * @param problems problems with the file as a whole (e.g. it cannot be parsed)
 */
public record VerificationReport(List<SignatureReport> signatures, List<String> problems) {

    /** True when the file has at least one signature and every signature is valid. */
    public boolean valid() {
        return problems.isEmpty() && !signatures.isEmpty() && signatures.stream().allMatch(SignatureReport::valid);
    }
}
