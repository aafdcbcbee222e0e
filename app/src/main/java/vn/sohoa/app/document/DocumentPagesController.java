package vn.sohoa.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanRejectedException;

@RestController
@Tag(name = "Document pages", description = "Trang của giấy tờ: xem, xoay, sắp xếp, bỏ, quét lại; văn bản nhận dạng")
class DocumentPagesController {

    private final DocumentPages pages;
    private final UploadGate gate;

    DocumentPagesController(DocumentPages pages, UploadGate gate) {
        this.pages = pages;
        this.gate = gate;
    }

    @GetMapping("/api/v1/documents/{id}/pages")
    @Operation(summary = "The document's pages as arranged: source file and page, rotation, image address")
    List<DocumentPages.PageView> list(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return pages.pages(principal, id);
    }

    @GetMapping(value = "/api/v1/documents/{id}/pages/{number}/image", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A page of the scan as arranged, at most `width` pixels wide (16–1600, default 240)")
    ResponseEntity<byte[]> scanImage(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                                     @PathVariable int number, @RequestParam(defaultValue = "240") int width) {
        return image(pages.scanImage(principal, id, number, width));
    }

    @GetMapping(value = "/api/v1/documents/{id}/pdf/pages/{number}/image", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A page of the PDF/A rendered about `width` pixels wide (16–1600, default 800)")
    ResponseEntity<byte[]> pdfImage(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                                    @PathVariable int number, @RequestParam(defaultValue = "800") int width) {
        return image(pages.pdfImage(principal, id, number, width));
    }

    @GetMapping("/api/v1/documents/{id}/text")
    @Operation(summary = "The recognised text of a digitized document, page by page (from its PDF/A text layer)")
    List<DocumentPages.PageTextView> text(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return pages.text(principal, id);
    }

    /** The new arrangement: current page numbers in their new order, each with a further clockwise turn. */
    record Arrangement(List<PagePlan.Choice> pages) {
    }

    @PutMapping("/api/v1/documents/{id}/pages")
    @Operation(summary = "Turn, reorder or drop pages of a DRAFT: list the current page numbers in the new order, "
            + "each with rotate 0, 90, 180 or 270 (clockwise); pages not listed are dropped")
    DocumentView arrange(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                         @RequestBody Arrangement arrangement) {
        return DocumentView.of(pages.arrange(principal, id, arrangement == null ? null : arrangement.pages()));
    }

    @PostMapping("/api/v1/documents/{id}/submit")
    @Operation(summary = "Send a DRAFT to OCR")
    ResponseEntity<DocumentView> submit(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return ResponseEntity.accepted().body(DocumentView.of(pages.submit(principal, id)));
    }

    @PostMapping(value = "/api/v1/documents/{id}/pages/{number}/rescan",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace one page by a new scan (all pages of the file sent as 'file'); the document is "
            + "digitized again. Refused once a certified copy was made from it")
    ResponseEntity<DocumentView> rescan(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                                        @PathVariable int number,
                                        @RequestPart(value = "file", required = false) MultipartFile file) {
        DocumentRecord document = gate.run(() -> {
            try {
                return pages.rescan(principal, id, number, file == null ? null
                        : new UploadedScan(file.getOriginalFilename(), bytes(file)));
            } catch (ScanRejectedException e) {
                throw e.inPart("file"); // the new scan comes as 'file'
            }
        });
        return ResponseEntity.accepted().body(DocumentView.of(document));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static ResponseEntity<byte[]> image(byte[] png) {
        // private: personal papers are never kept by shared caches
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()).body(png);
    }
}
