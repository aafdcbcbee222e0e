package vn.sohoa.app.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.certify.RegisterKind;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.DeskSigner;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.DocumentView;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

/** The certifier's pages: the queue of digitized papers waiting for a copy, and the month's register. */
@Controller
class CertifierPages {

    private final DocumentService documents;
    private final DossierService dossiers;
    private final AccessPolicy access;
    private final DeskSigner deskSigner;
    private final Clock clock;

    CertifierPages(DocumentService documents, DossierService dossiers, AccessPolicy access, DeskSigner deskSigner,
                   Clock clock) {
        this.clock = clock;
        this.documents = documents;
        this.dossiers = dossiers;
        this.access = access;
        this.deskSigner = deskSigner;
    }

    /** A paper in the queue with its dossier's applicant, the requester a batch certifies it for (null: none). */
    record QueueRow(DocumentView document, Requester applicant) {
    }

    @GetMapping("/certify")
    String queue(@AuthenticationPrincipal SohoaPrincipal principal, Model model) {
        Map<String, Requester> applicants = new HashMap<>();
        List<QueueRow> rows = documents.awaitingCertification(principal, 200).stream()
                .map(document -> new QueueRow(document, applicants.computeIfAbsent(document.dossierCode(),
                        code -> dossiers.get(principal, code).applicant())))
                .toList();
        model.addAttribute("queue", rows);
        model.addAttribute("deskSigner", deskSigner);
        model.addAttribute("mayCertify", principal.role() == Role.CERTIFIER);
        return "queue";
    }

    /** The register is read in the page's script from the API (the same entries, totals and exports). */
    @GetMapping("/register")
    String register(@AuthenticationPrincipal SohoaPrincipal principal,
                    @RequestParam(required = false) String agency,
                    @RequestParam(defaultValue = "ELECTRONIC_COPY") RegisterKind kind,
                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                    Model model) {
        LocalDate today = VietnamTime.today(clock);
        List<Agency> visible = access.visibleAgencyList(principal);
        String chosen = agency != null ? agency : principal.agencyCode() != null ? principal.agencyCode()
                : visible.isEmpty() ? "" : visible.get(0).code();
        model.addAttribute("agencies", visible);
        model.addAttribute("agency", chosen);
        model.addAttribute("kinds", RegisterKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("year", year == null ? today.getYear() : year);
        model.addAttribute("month", month == null && year == null ? Integer.valueOf(today.getMonthValue()) : month);
        return "register";
    }
}
