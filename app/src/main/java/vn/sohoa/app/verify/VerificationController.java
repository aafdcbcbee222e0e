package vn.sohoa.app.verify;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.signing.verify.SignatureReport;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.signing.verify.VerificationReport;

@RestController
@Tag(name = "Verification", description = "Kiểm tra chữ ký số của một tệp PDF")
class VerificationController {

    private final SignatureVerifier verifier;
    private final PdfAConformance pdfa;

    VerificationController(SignatureVerifier verifier, PdfAConformance pdfa) {
        this.verifier = verifier;
        this.pdfa = pdfa;
    }

    /**
     * The report on a file.
     *
     * @param valid      every signature valid (and at least one present)
     * @param signatures each signature: signer, time, integrity, trust, PAdES level, problems
     * @param pdfa       the PDF/A conformance the file declares, checked by veraPDF; null when it declares none
     * @param problems   problems with the file as a whole
     */
    record Verification(boolean valid, List<SignatureReport> signatures, PdfAConformance.Verdict pdfa,
                        List<String> problems) {
    }

    @PostMapping(value = "/api/v1/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify every signature of a PDF (signer, time, integrity, trust, PAdES level) and its PDF/A "
            + "conformance (veraPDF)")
    Verification verify(@RequestPart(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "send the PDF to verify as the multipart part 'file'",
                    "cần gửi tệp PDF trong trường 'file'");
        }
        byte[] pdf = file.getBytes();
        VerificationReport report = verifier.verify(pdf);
        return new Verification(report.valid(), report.signatures(), report.problems().isEmpty() ? pdfa.check(pdf)
                : null, report.problems());
    }
}
