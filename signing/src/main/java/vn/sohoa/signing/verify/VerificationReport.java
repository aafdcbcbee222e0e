package vn.sohoa.signing.verify;

import java.util.List;

/**
 * The verdict on a PDF: each signature, and whether the file declares PDF/A.
 *
 * @param pdfaDeclared the PDF/A part and conformance the file's XMP metadata declares (e.g. "PDF/A-2B"), or null
 * @param problems     problems with the file as a whole (e.g. it cannot be parsed)
 */
public record VerificationReport(List<SignatureReport> signatures, String pdfaDeclared, List<String> problems) {

    /** True when the file has at least one signature and every signature is valid. */
    public boolean valid() {
        return problems.isEmpty() && !signatures.isEmpty() && signatures.stream().allMatch(SignatureReport::valid);
    }

    public boolean pdfa() {
        return pdfaDeclared != null;
    }
}
