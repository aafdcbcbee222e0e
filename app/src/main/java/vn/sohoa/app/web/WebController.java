package vn.sohoa.app.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CertificationService;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.DocumentView;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.security.SohoaPrincipal;

/** The minimal web page: sign in, see the dossiers of one's agencies with their documents and download links. */
@Controller
class WebController {

    private final DossierService dossiers;
    private final DocumentService documents;
    private final CertificationService certifications;

    WebController(DossierService dossiers, DocumentService documents, CertificationService certifications) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.certifications = certifications;
    }

    record DocumentRow(DocumentView document, List<Certification> copies) {
    }

    record DossierRow(Dossier dossier, List<DocumentRow> documents) {
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SohoaPrincipal principal, Model model) {
        List<DossierRow> rows = new ArrayList<>();
        for (Dossier dossier : dossiers.recent(principal, 100)) {
            List<DocumentRow> documentRows = new ArrayList<>();
            for (DocumentView document : documents.ofDossier(principal, dossier.code())) {
                documentRows.add(new DocumentRow(document, certifications.ofDocument(principal, document.id())));
            }
            rows.add(new DossierRow(dossier, documentRows));
        }
        model.addAttribute("user", principal);
        model.addAttribute("dossiers", rows);
        return "index";
    }
}
