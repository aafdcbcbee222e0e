package vn.sohoa.app.certify;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.citizen.RequesterInput;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/** Refusals to copy and certify an original, at intake and at certification, and their written notices. */
@RestController
@Tag(name = "Refusals", description = "Từ chối chứng thực bản sao từ bản chính")
class RefusalController {

    private final Refusals refusals;

    RefusalController(Refusals refusals) {
        this.refusals = refusals;
    }

    /** A refusal as the API shows it, with the address of its notice. */
    record RefusalView(String id, String agencyCode, String dossierCode, String documentId, String paperTitle,
                       BarReason reason, String reasonText, String legalBasis, String note, Refusal.Stage stage,
                       RequesterInput requester, String refusedBy, String refusedByName, String refusedByTitle,
                       OffsetDateTime refusedAt, String noticeUrl) {

        static RefusalView of(Refusal r) {
            return new RefusalView(r.id(), r.agencyCode(), r.dossierCode(), r.documentId(), r.paperTitle(), r.reason(),
                    r.reason().vietnamese(), r.reason().legalBasis(), r.note(), r.stage(),
                    RequesterInput.of(r.requester()), r.refusedBy(), r.refusedByName(), r.refusedByTitle(),
                    r.refusedAt(), "/api/v1/refusals/" + r.id() + "/notice.pdf");
        }
    }

    /** A refusal at intake: the original's title (or the uploaded paper), the ground, a note, to whom. */
    record IntakeRefusal(String paperTitle, String documentId, String reason, String note, RequesterInput requester) {
    }

    /** A refusal at certification: the ground, a note, to whom (the dossier's applicant when left out). */
    record CertificationRefusal(String reason, String note, RequesterInput requester) {
    }

    @PostMapping("/api/v1/dossiers/{code}/refusals")
    @Operation(summary = "The clerk refuses an original at intake (NĐ 23/2015 art. 22): recorded, with a written "
            + "notice; no number, no fee")
    ResponseEntity<RefusalView> atIntake(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String code,
                                         @RequestBody(required = false) IntakeRefusal body) {
        IntakeRefusal given = body == null ? new IntakeRefusal(null, null, null, null, null) : body;
        return created(refusals.atIntake(principal, code, given.paperTitle(), given.documentId(),
                reason(given.reason()), given.note(), requester(given.requester())));
    }

    @PostMapping("/api/v1/documents/{id}/refusals")
    @Operation(summary = "The certifier refuses the original of a digitized paper: it is barred from certification, "
            + "and a written notice is made")
    ResponseEntity<RefusalView> atCertification(@AuthenticationPrincipal SohoaPrincipal principal,
                                                @PathVariable String id,
                                                @RequestBody(required = false) CertificationRefusal body) {
        CertificationRefusal given = body == null ? new CertificationRefusal(null, null, null) : body;
        return created(refusals.atCertification(principal, id, reason(given.reason()), given.note(),
                requester(given.requester())));
    }

    @GetMapping("/api/v1/refusals")
    @Operation(summary = "Refusals of the caller's agencies, of one dossier when dossierCode is given, newest first")
    List<RefusalView> search(@AuthenticationPrincipal SohoaPrincipal principal,
                             @RequestParam(required = false) String dossierCode) {
        return refusals.search(principal, dossierCode).stream().map(RefusalView::of).toList();
    }

    @GetMapping("/api/v1/refusals/{id}")
    @Operation(summary = "One refusal")
    RefusalView get(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return RefusalView.of(refusals.get(principal, id));
    }

    @GetMapping(value = "/api/v1/refusals/{id}/notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The written refusal notice for the requester (PDF/A-2b, Vietnamese), to print or send")
    ResponseEntity<byte[]> notice(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("thong-bao-tu-choi-" + id + ".pdf").build().toString())
                .body(refusals.notice(principal, id));
    }

    private static ResponseEntity<RefusalView> created(Refusal refusal) {
        return ResponseEntity.created(URI.create("/api/v1/refusals/" + refusal.id())).body(RefusalView.of(refusal));
    }

    private static BarReason reason(String value) {
        if (value == null || value.isBlank()) {
            return null; // refused by the service, naming the field
        }
        try {
            return BarReason.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "reason must be one of "
                    + Arrays.toString(BarReason.values()), "lý do từ chối không hợp lệ", e);
        }
    }

    private static Requester requester(RequesterInput input) {
        return input == null ? null : input.toRequester("requester");
    }
}
