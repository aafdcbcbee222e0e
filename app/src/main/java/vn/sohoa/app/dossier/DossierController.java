package vn.sohoa.app.dossier;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.citizen.RequesterInput;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossiers", description = "Hồ sơ tiếp nhận tại bộ phận một cửa")
class DossierController {

    private final DossierService dossiers;

    DossierController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    /**
     * A dossier to register. {@code code}: {@code <agency identifier>-YYMMDD-XXXX}; {@code applicant} optional (who
     * files it; certifications of its papers are pre-filled with it).
     */
    record RegisterDossier(String code, String agencyCode, String procedureCode, OffsetDateTime receivedAt,
                           RequesterInput applicant) {
    }

    /** A dossier just registered: no documents yet (GET /api/v1/dossiers/{code} lists them later). */
    record DossierView(String code, String agencyCode, String procedureCode, OffsetDateTime receivedAt,
                       RequesterInput applicant, List<Object> documents) {
    }

    @PostMapping
    @Operation(summary = "Register a dossier (clerk or system)")
    ResponseEntity<DossierView> register(@AuthenticationPrincipal SohoaPrincipal principal,
                                         @RequestBody RegisterDossier request) {
        Dossier dossier = dossiers.register(principal, request.code(), request.agencyCode(), request.procedureCode(),
                request.receivedAt(), request.applicant() == null ? null : request.applicant().toRequester("applicant"));
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.code()))
                .body(new DossierView(dossier.code(), dossier.agencyCode(), dossier.procedureCode(),
                        dossier.receivedAt(), RequesterInput.of(dossier.applicant()), List.of()));
    }

    @GetMapping
    @Operation(summary = "Recent dossiers of the caller's agencies; q: part of the dossier or procedure code")
    List<Dossier> recent(@AuthenticationPrincipal SohoaPrincipal principal,
                         @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "50") int limit) {
        return dossiers.search(principal, q, Math.max(1, Math.min(limit, 500)));
    }

    record NextCode(String code) {
    }

    @GetMapping("/next-code")
    @Operation(summary = "The next free dossier code of an agency for today")
    NextCode nextCode(@AuthenticationPrincipal SohoaPrincipal principal, @RequestParam String agencyCode) {
        return new NextCode(dossiers.nextCode(principal, agencyCode));
    }
}
