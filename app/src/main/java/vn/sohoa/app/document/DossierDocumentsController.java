package vn.sohoa.app.document;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.citizen.RequesterInput;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.principal.SohoaPrincipal;

/** A dossier with its documents: served here because documents know their dossier, not the other way round. */
@RestController
@Tag(name = "Dossiers", description = "Hồ sơ tiếp nhận tại bộ phận một cửa")
class DossierDocumentsController {

    private final DossierService dossiers;
    private final DocumentService documents;

    DossierDocumentsController(DossierService dossiers, DocumentService documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    record DossierWithDocuments(String code, String agencyCode, String procedureCode, OffsetDateTime receivedAt,
                                RequesterInput applicant, List<DocumentView> documents) {
    }

    @GetMapping("/api/v1/dossiers/{code}")
    @Operation(summary = "A dossier with its documents")
    DossierWithDocuments get(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String code) {
        Dossier dossier = dossiers.get(principal, code);
        return new DossierWithDocuments(dossier.code(), dossier.agencyCode(), dossier.procedureCode(),
                dossier.receivedAt(), RequesterInput.of(dossier.applicant()), documents.ofDossier(principal,
                dossier.code()));
    }
}
