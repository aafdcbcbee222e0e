package vn.sohoa.app.verify;

import java.io.IOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.certify.PublicVerification;
import vn.sohoa.app.error.NotFoundException;

/**
 * The public page a certified copy's QR code opens ({@code /v/<id>?h=<hint>}), no sign-in: who certified it,
 * under which number and when, and whether it is intact and validly signed. Presenting the file, or the whole
 * verification code ({@code ma}), also shows the paper's title and lets the code's holder download the copy.
 */
@Controller
@Tag(name = "Public verification", description = "Trang kiểm tra bản sao điện tử (mã QR)")
class PublicCopyPageController {

    private final PublicVerification verification;

    PublicCopyPageController(PublicVerification verification) {
        this.verification = verification;
    }

    @GetMapping(value = "/v/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String id, @RequestParam(required = false) String h,
                @RequestParam(required = false) String ma, Model model, HttpServletResponse response) {
        return render(verification.view(id, h, ma, null).orElse(null), id, h, model, response);
    }

    @GetMapping(value = "/v/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "The public facts of a certified copy, for its QR code's hint (h) or whole code (ma)")
    PublicVerification.View json(@PathVariable String id, @RequestParam(required = false) String h,
                                 @RequestParam(required = false) String ma) {
        return verification.view(id, h, ma, null).orElseThrow(() -> new NotFoundException("certified copy " + id));
    }

    @PostMapping(value = "/v/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String presentFile(@PathVariable String id, @RequestParam(required = false) String h,
                       @RequestPart(value = "file", required = false) MultipartFile file, Model model,
                       HttpServletResponse response) throws IOException {
        byte[] presented = file == null || file.isEmpty() ? null : file.getBytes();
        return render(verification.view(id, h, null, presented).orElse(null), id, h, model, response);
    }

    @GetMapping(value = "/v/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam String ma,
                                    HttpServletRequest request) {
        byte[] pdf = verification.download(id, ma, request.getRemoteAddr()).orElseThrow(() -> new NotFoundException("certified copy " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ban-sao-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    private static String render(PublicVerification.View view, String id, String hint, Model model,
                                 HttpServletResponse response) {
        if (view == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("copy", view);
        model.addAttribute("id", id);
        model.addAttribute("hint", hint);
        return "verify-copy";
    }
}
