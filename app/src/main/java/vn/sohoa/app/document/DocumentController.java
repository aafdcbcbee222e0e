package vn.sohoa.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.quality.QualityMode;
import vn.sohoa.app.storage.PresignedLinks;

@RestController
@Tag(name = "Documents", description = "Giấy tờ số hóa: tải bản quét, trạng thái, tệp PDF/A")
class DocumentController {

    private final AuditLog audit;

    private final DocumentService documents;
    private final PresignedLinks links;
    private final UploadGate gate;

    DocumentController(DocumentService documents, PresignedLinks links, AuditLog audit, UploadGate gate) {
        this.gate = gate;
        this.audit = audit;
        this.documents = documents;
        this.links = links;
    }

    @PostMapping("/api/v1/documents/{id}/links")
    @Operation(summary = "A time-limited link that fetches the PDF/A straight from the object store")
    PresignedLinks.Link link(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                             @RequestParam(required = false) Integer expiresInSeconds) {
        return links.issue(principal, documents.pdfKey(principal, id), "document " + id, expiresInSeconds);
    }

    @PostMapping(value = "/api/v1/dossiers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the scans of one paper (PNG, JPEG, TIFF, image PDF); answers 202 once stored raw. "
            + "draft=true keeps it as a DRAFT whose pages can be turned, reordered or dropped before "
            + "POST /api/v1/documents/{id}/submit sends it to OCR. Every page is judged by the scan-quality gate "
            + "(resolution, blur, blank, cut off, too dark/light, low contrast, skew, black-and-white): the answer's "
            + "'quality' lists each page's verdict OK/WARN/RESCAN with reason codes; quality=strict refuses with 422 "
            + "(problem member 'pages') when a page must be scanned again, and stores nothing")
    ResponseEntity<DocumentView> upload(@AuthenticationPrincipal SohoaPrincipal principal,
                                        @PathVariable String code,
                                        @RequestParam(value = "title", required = false) String title,
                                        @RequestPart(value = "files", required = false) List<MultipartFile> files,
                                        @RequestParam(value = "citizenId", required = false) String citizenId,
                                        @RequestParam(value = "paperType", required = false) String paperType,
                                        @RequestParam(value = "validUntil", required = false) String validUntil,
                                        @RequestParam(value = "draft", defaultValue = "false") boolean draft,
                                        @RequestParam(value = "quality", required = false) String quality) {
        boolean strict = QualityMode.parse(quality) == QualityMode.STRICT;
        PaperIdentity paper = PaperIdentity.parse(citizenId, paperType, validUntil);
        DocumentRecord document = gate.run(() -> {
            List<UploadedScan> uploads = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                try {
                    uploads.add(new UploadedScan(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the uploaded file", e);
                }
            }
            return documents.upload(principal, code, title, uploads, paper, draft, strict);
        });
        return ResponseEntity.accepted().location(URI.create("/api/v1/documents/" + document.id()))
                .body(DocumentView.of(document, documents.quality(document)));
    }

    record ReuseRequest(String documentId) {
    }

    @GetMapping("/api/v1/reusable-papers")
    @Operation(summary = "A citizen's digitized papers still valid today, from any desk of the caller's province, "
            + "newest first: look here before scanning. Only for a dossier whose applicant has that identification "
            + "number (dossierCode; 403 otherwise); every lookup is audited (citizenId: 12 digits; paperType "
            + "optional, e.g. GIAY_KHAI_SINH)")
    List<DocumentView> reusable(@AuthenticationPrincipal SohoaPrincipal principal,
                                @RequestParam(required = false) String dossierCode,
                                @RequestParam(required = false) String citizenId,
                                @RequestParam(required = false) String paperType) {
        return documents.reusable(principal, dossierCode, citizenId, paperType);
    }

    @PostMapping("/api/v1/dossiers/{code}/documents/reused")
    @Operation(summary = "Attach a digitized paper found with /api/v1/reusable-papers to the dossier instead of a new "
            + "scan; it is DIGITIZED at once and counts for the reuse indicator")
    ResponseEntity<DocumentView> reuse(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String code,
                                       @RequestBody ReuseRequest request) {
        DocumentRecord document = documents.reuse(principal, code, request == null ? null : request.documentId());
        return ResponseEntity.created(URI.create("/api/v1/documents/" + document.id())).body(DocumentView.of(document));
    }

    @GetMapping("/api/v1/certification-queue")
    @Operation(summary = "Digitized documents of the certifier's agencies with no certified copy yet, newest first")
    List<DocumentView> queue(@AuthenticationPrincipal SohoaPrincipal principal,
                             @RequestParam(defaultValue = "100") int limit) {
        return documents.awaitingCertification(principal, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(summary = "Status of a document: RECEIVED, PROCESSING (with pages done), DIGITIZED or FAILED")
    DocumentView get(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        DocumentRecord document = documents.get(principal, id);
        return DocumentView.of(document, documents.quality(document));
    }

    @GetMapping(value = "/api/v1/documents/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The searchable PDF/A-2b of a digitized document")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        byte[] pdf = documents.pdf(principal, id);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_DOWNLOADED, id, "PDF/A");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(id + ".pdf").build().toString())
                .body(pdf);
    }
}
