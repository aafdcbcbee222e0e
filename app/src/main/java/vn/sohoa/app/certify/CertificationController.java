package vn.sohoa.app.certify;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.security.SohoaPrincipal;
import vn.sohoa.app.storage.PresignedLinks;
import vn.sohoa.core.storage.ObjectKey;

@RestController
@Tag(name = "Certified copies", description = "Chứng thực bản sao điện tử từ bản chính")
class CertificationController {

    private final CertificationService certifications;
    private final PresignedLinks links;

    CertificationController(CertificationService certifications, PresignedLinks links) {
        this.certifications = certifications;
        this.links = links;
    }

    @PostMapping("/api/v1/certified-copies/{id}/links")
    @Operation(summary = "A time-limited link that fetches the certified copy straight from the object store")
    PresignedLinks.Link link(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                             @RequestParam(required = false) Integer expiresInSeconds) {
        return links.issue(ObjectKey.parse(certifications.get(principal, id).objectKey()), expiresInSeconds);
    }

    /** A certified copy as the API shows it. */
    record CertifiedCopyView(String id, String documentId, String dossierCode, String agencyCode, String kind,
                             int year, long registerNumber, int copyIndex, String book, String certifier,
                             OffsetDateTime certifiedAt, String sha256, long size, int pages, long feeVnd,
                             String pdfUrl) {

        static CertifiedCopyView of(Certification c) {
            return new CertifiedCopyView(c.id(), c.documentId(), c.dossierCode(), c.agencyCode(), c.kind().code(),
                    c.year(), c.registerNumber(), c.copyIndex(), c.book(), c.certifier(), c.certifiedAt(),
                    c.sha256(), c.size(), c.pages(), c.feeVnd(), "/api/v1/certified-copies/" + c.id() + "/pdf");
        }
    }

    /** The first copy, as before; {@code copies} lists every copy made under the number (one by default). */
    record CertificationView(String id, String documentId, String dossierCode, String agencyCode, String kind,
                             int year, long registerNumber, int copyIndex, String book, String certifier,
                             OffsetDateTime certifiedAt, String sha256, long size, int pages, long feeVnd,
                             String pdfUrl, List<CertifiedCopyView> copies) {

        static CertificationView of(List<Certification> made) {
            CertifiedCopyView first = CertifiedCopyView.of(made.get(0));
            return new CertificationView(first.id(), first.documentId(), first.dossierCode(), first.agencyCode(),
                    first.kind(), first.year(), first.registerNumber(), first.copyIndex(), first.book(),
                    first.certifier(), first.certifiedAt(), first.sha256(), first.size(), first.pages(),
                    first.feeVnd(), first.pdfUrl(), made.stream().map(CertifiedCopyView::of).toList());
        }
    }

    @PostMapping("/api/v1/documents/{id}/certifications")
    @Operation(summary = "Certify a digitized document as electronic copies (certifier of the same agency); "
            + "copies made at once share one register number")
    ResponseEntity<CertificationView> certify(@AuthenticationPrincipal SohoaPrincipal principal,
                                              @PathVariable String id,
                                              @RequestParam(defaultValue = "1") int copies) {
        List<Certification> made = certifications.certify(principal, id, copies);
        return ResponseEntity.created(URI.create("/api/v1/certified-copies/" + made.get(0).id()))
                .body(CertificationView.of(made));
    }

    @GetMapping("/api/v1/certified-copies/{id}")
    @Operation(summary = "A certified copy's register entry")
    CertifiedCopyView get(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return CertifiedCopyView.of(certifications.get(principal, id));
    }

    @GetMapping(value = "/api/v1/certified-copies/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed certified copy (PDF/A-2b, two PAdES signatures)")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ban-sao-" + id + ".pdf").build().toString())
                .body(certifications.pdf(principal, id));
    }

    @GetMapping("/api/v1/certified-copies")
    @Operation(summary = "Find certified copies by agency, year and register number")
    List<CertifiedCopyView> search(@AuthenticationPrincipal SohoaPrincipal principal,
                                   @RequestParam(required = false) String agencyCode,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) Long registerNumber) {
        return certifications.search(principal, agencyCode, year, registerNumber).stream()
                .map(CertifiedCopyView::of).toList();
    }
}
