package vn.sohoa.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.certify.BarReason;
import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CertifiedCopies;
import vn.sohoa.app.certify.Refusals;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.DeskSigner;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.digitize.DigitizationBacklog;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.DocumentView;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.fields.PaperFieldStore;
import vn.sohoa.app.fields.PaperFieldsView;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The desk's pages: the dossier list with search and registration, a dossier with its papers and the upload area,
 * and a document with its pages (arranged before OCR, followed during OCR, compared and certified after). The pages
 * are drawn here from the services; what they change goes through the REST API from the page's script, so a user
 * meets the same rules and messages as an integrator.
 */
@Controller
class ClerkPages {

    private final DossierService dossiers;
    private final DocumentService documents;
    private final CertifiedCopies certifications;
    private final Refusals refusals;
    private final AccessPolicy access;
    private final SohoaProperties properties;
    private final DeskSigner deskSigner;
    private final DigitizationBacklog backlog;
    private final PaperFieldStore paperFields;

    ClerkPages(DossierService dossiers, DocumentService documents, CertifiedCopies certifications,
               Refusals refusals, AccessPolicy access, SohoaProperties properties, DeskSigner deskSigner,
               DigitizationBacklog backlog, PaperFieldStore paperFields) {
        this.backlog = backlog;
        this.paperFields = paperFields;
        this.deskSigner = deskSigner;
        this.refusals = refusals;
        this.dossiers = dossiers;
        this.documents = documents;
        this.certifications = certifications;
        this.access = access;
        this.properties = properties;
    }

    /** The holder the paper names (full name and identification number), when both were read and are valid. */
    private static Requester proposedRequester(PaperFieldsView fields) {
        if (fields == null || fields.proposed().fullName() == null || fields.proposed().citizenId() == null) {
            return null;
        }
        try {
            return Requester.of("requester", fields.proposed().fullName(), "CCCD", fields.proposed().citizenId(),
                    null, null);
        } catch (InvalidInputException e) {
            return null; // a reading the form would refuse is not offered
        }
    }

    record DossierRow(Dossier dossier, List<DocumentView> documents) {
        public long digitized() {
            return documents.stream().filter(d -> d.status() == DocumentStatus.DIGITIZED).count();
        }
    }

    @GetMapping("/")
    String dossiers(@AuthenticationPrincipal SohoaPrincipal principal, @RequestParam(required = false) String q,
                    Model model) {
        if (principal.role() == Role.SUPERVISOR) {
            return "redirect:/statistics";
        }
        List<Dossier> found = dossiers.search(principal, q, 100);
        Map<String, List<DocumentView>> papers = documents.ofDossiers(found);
        List<DossierRow> rows = new ArrayList<>();
        for (Dossier dossier : found) {
            rows.add(new DossierRow(dossier, papers.get(dossier.code())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        List<Agency> desks = access.visibleAgencyList(principal);
        model.addAttribute("agencies", desks);
        String agency = principal.agencyCode() != null ? principal.agencyCode()
                : desks.isEmpty() ? null : desks.get(0).code();
        model.addAttribute("defaultAgency", agency);
        model.addAttribute("nextCode", agency == null ? "" : dossiers.nextCode(principal, agency));
        model.addAttribute("ocrQueue", backlog.now(access.visibleAgencies(principal)));
        return "dossiers";
    }

    @GetMapping("/dossiers/{code}")
    String dossier(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String code, Model model) {
        model.addAttribute("dossier", dossiers.get(principal, code));
        model.addAttribute("documents", documents.ofDossier(principal, code));
        model.addAttribute("refusals", refusals.search(principal, code));
        model.addAttribute("maxFiles", properties.ingest().maxFiles());
        model.addAttribute("maxFileBytes", properties.ingest().maxFileSize().toBytes());
        model.addAttribute("ocrQueue", backlog.now(access.visibleAgencies(principal)));
        return "dossier";
    }

    @GetMapping("/documents/{id}")
    String document(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id, Model model) {
        DocumentRecord record = documents.get(principal, id);
        DocumentView document = DocumentView.of(record);
        List<Certification> copies = certifications.ofDocument(principal, id);
        BarReason bar = certifications.barReason(principal, id);
        Dossier dossier = dossiers.get(principal, document.dossierCode());
        PaperFieldsView fields = document.status() == DocumentStatus.DIGITIZED ? paperFields.read(id) : null;
        model.addAttribute("document", document);
        model.addAttribute("dossier", dossier);
        model.addAttribute("paperFields", fields);
        model.addAttribute("paperIdentity", record.paper());
        // the requester: the dossier's applicant, else the person the paper names (the certifier confirms)
        model.addAttribute("requester", dossier.applicant() != null ? dossier.applicant() : proposedRequester(fields));
        model.addAttribute("copies", copies);
        model.addAttribute("bar", bar);
        model.addAttribute("refusals", bar == null ? List.of() : refusals.search(principal, document.dossierCode())
                .stream().filter(refusal -> id.equals(refusal.documentId())).limit(1).toList());
        model.addAttribute("keySource", properties.signing().keys());
        model.addAttribute("remoteSigning", properties.signing().remote().enabled());
        model.addAttribute("deskSigner", deskSigner);
        model.addAttribute("mayCertify", principal.role() == Role.CERTIFIER
                && document.status() == DocumentStatus.DIGITIZED && bar == null);
        return "document";
    }
}
