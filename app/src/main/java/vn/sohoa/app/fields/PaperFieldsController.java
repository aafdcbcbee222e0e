package vn.sohoa.app.fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.DocumentView;
import vn.sohoa.app.document.PaperIdentity;
import vn.sohoa.app.document.UploadGate;
import vn.sohoa.app.document.UploadedScan;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.ingest.ScanRejectedException;

/** The key fields read from a paper, the desk's confirmation of its identity, and how often the reading was right. */
@RestController
@Tag(name = "Documents")
class PaperFieldsController {

    /** The confirmation's body: the paper's identity as the clerk confirmed or corrected it. */
    record IdentityInput(String citizenId, String paperType, String validUntil) {
    }

    private final DocumentService documents;
    private final PaperFieldStore store;
    private final AuditLog audit;
    private final PaperPreview preview;
    private final UploadGate gate;

    PaperFieldsController(DocumentService documents, PaperFieldStore store, AuditLog audit, PaperPreview preview,
                          UploadGate gate) {
        this.documents = documents;
        this.store = store;
        this.audit = audit;
        this.preview = preview;
        this.gate = gate;
    }

    @PostMapping(value = "/api/v1/paper-fields/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Read a paper's kind and key fields before uploading it, to fill in the upload form "
            + "(paperType, citizenId, validUntil) for the clerk to confirm: send its scan as 'file' (PNG, JPEG, TIFF "
            + "or image PDF, within the upload limits); its first page is recognised. Answers as "
            + "GET /api/v1/documents/{id}/fields does; nothing is stored (clerks, systems, administrators)")
    PaperFieldsView preview(@AuthenticationPrincipal SohoaPrincipal principal,
                            @RequestPart(value = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "send the paper's scan as 'file'", "cần tệp quét (file)");
        }
        return gate.run(() -> {
            try {
                return preview.read(principal, new UploadedScan(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded file", e);
            } catch (ScanRejectedException e) {
                throw e.inPart("file");
            }
        });
    }

    @GetMapping("/api/v1/documents/{id}/fields")
    @Operation(summary = "The key fields read from the digitized paper: its kind (paperType), personal "
            + "identification numbers, full name, date of birth, issue date, issuing body, validity end, each with "
            + "its confidence (0–1) and the page and box it was read from; 'proposed' are the values offered to the "
            + "clerk to confirm. Empty before OCR.")
    PaperFieldsView fields(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        DocumentRecord document = documents.get(principal, id);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_VIEWED, document.id(),
                "fields");
        return store.read(document.id());
    }

    @PutMapping("/api/v1/documents/{id}/paper-identity")
    @Operation(summary = "Confirm or correct what the paper is: citizenId (12 digits), paperType (a code), "
            + "validUntil (yyyy-mm-dd); what was proposed and what was confirmed are recorded, field by field")
    DocumentView confirm(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                         @RequestBody IdentityInput input) {
        PaperIdentity paper = PaperIdentity.parse(input.citizenId(), input.paperType(), input.validUntil());
        DocumentRecord document = documents.confirmPaperIdentity(principal, id, paper,
                () -> store.confirmed(id, store.read(id).proposed(), paper, principal.username()));
        return DocumentView.of(document);
    }

    @GetMapping("/api/v1/paper-fields/accuracy")
    @Operation(summary = "How often the values read from papers were confirmed unchanged, per field (supervisors "
            + "and administrators)")
    List<PaperFieldStore.Accuracy> accuracy(@AuthenticationPrincipal SohoaPrincipal principal) {
        if (!Set.of(Role.SUPERVISOR, Role.ADMIN).contains(principal.role())) {
            throw new ForbiddenException("only supervisors and administrators see the reading's accuracy",
                    "chỉ lãnh đạo và quản trị viên xem được độ chính xác");
        }
        return store.accuracy();
    }
}
