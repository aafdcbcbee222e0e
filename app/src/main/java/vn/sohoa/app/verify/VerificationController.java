package vn.sohoa.app.verify;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.signing.verify.VerificationReport;

@RestController
@Tag(name = "Verification", description = "Kiểm tra chữ ký số của một tệp PDF")
class VerificationController {

    private final SignatureVerifier verifier;

    VerificationController(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping(value = "/api/v1/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify every signature of a PDF: signer, time, integrity, trust, PAdES level; PDF/A claim")
    VerificationReport verify(@RequestPart(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "send the PDF to verify as the multipart part 'file'",
                    "cần gửi tệp PDF trong trường 'file'");
        }
        return verifier.verify(file.getBytes());
    }
}
