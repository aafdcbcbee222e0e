package vn.sohoa.app.certify;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;

/**
 * Refusing to copy and certify an original, in writing: the clerk at intake (the paper may not have been scanned), the
 * certifier at certification (the digitized paper is then barred). Each refusal is recorded with its ground, who
 * refused (name and title as they are now) and to whom, and gives a notice the requester takes away
 * ({@link RefusalNotice}).
 */
@Service
public class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
    private static final Set<Role> AT_INTAKE = Set.of(Role.CLERK, Role.CERTIFIER);
    static final int MAX_NOTE = 1000;

    private final RefusalRepository refusals;
    private final BarredOriginals barred;
    private final DossierService dossiers;
    private final DocumentService documents;
    private final CertificationRepository certifications;
    private final AgencyRepository agencies;
    private final AccessPolicy access;
    private final Register register;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    Refusals(RefusalRepository refusals, BarredOriginals barred, DossierService dossiers, DocumentService documents,
             CertificationRepository certifications, AgencyRepository agencies, AccessPolicy access,
             Register register, TransactionTemplate transaction, AuditLog audit) {
        this.refusals = refusals;
        this.barred = barred;
        this.dossiers = dossiers;
        this.documents = documents;
        this.certifications = certifications;
        this.agencies = agencies;
        this.access = access;
        this.register = register;
        this.transaction = transaction;
        this.audit = audit;
    }

    /**
     * The clerk (or a certifier) refuses an original on receiving it: {@code paperTitle} names it; when it was already
     * uploaded as {@code documentId} (of this dossier), that paper is barred from certification too.
     */
    public Refusal atIntake(SohoaPrincipal principal, String dossierCode, String paperTitle, String documentId,
                            BarReason reason, String note, Requester requester) {
        if (!AT_INTAKE.contains(principal.role())) {
            throw new ForbiddenException("only the desk's clerks and certifiers refuse originals",
                    "chỉ cán bộ tiếp nhận hoặc người thực hiện chứng thực được từ chối bản chính");
        }
        Dossier dossier = dossiers.get(principal, dossierCode);
        requireOwnAgency(principal, dossier.agencyCode());
        String title = paperTitle == null ? null : paperTitle.strip();
        if (documentId != null && !documentId.isBlank()) {
            DocumentRecord document = documents.get(principal, documentId);
            if (!document.dossierCode().equals(dossier.code())) {
                throw new InvalidInputException("documentId", "document " + documentId + " is not a paper of dossier "
                        + dossierCode, "giấy tờ không thuộc hồ sơ " + dossierCode);
            }
            title = title == null || title.isEmpty() ? document.title() : title;
        }
        if (title == null || title.isEmpty() || title.length() > 300) {
            throw new InvalidInputException("paperTitle", "paperTitle (the original refused) is required, at most "
                    + "300 characters", "cần tên giấy tờ bị từ chối (paperTitle), tối đa 300 ký tự");
        }
        return record(principal, dossier, blankToNull(documentId), title, reason, note, requester,
                Refusal.Stage.INTAKE);
    }

    /** The certifier refuses the original of a digitized paper: it is barred, and a notice is made. */
    public Refusal atCertification(SohoaPrincipal principal, String documentId, BarReason reason, String note,
                                   Requester requester) {
        DocumentRecord document = documents.get(principal, documentId);
        if (principal.role() != Role.CERTIFIER) {
            throw new ForbiddenException("only a certifier of the document's agency may refuse its original",
                    "chỉ người thực hiện chứng thực của cơ quan mới được từ chối bản chính");
        }
        requireOwnAgency(principal, document.agencyCode());
        if (document.status() != DocumentStatus.DIGITIZED && document.status() != DocumentStatus.FAILED) {
            throw new ConflictException("document " + documentId + " is " + document.status() + "; the certifier "
                    + "refuses an original once its scan is digitized (the clerk refuses at intake)",
                    "chỉ từ chối khi giấy tờ đã số hóa; khi tiếp nhận, cán bộ tiếp nhận từ chối");
        }
        Dossier dossier = dossiers.get(principal, document.dossierCode());
        return record(principal, dossier, documentId, document.title(), reason, note,
                requester != null ? requester : dossier.applicant(), Refusal.Stage.CERTIFICATION);
    }

    private Refusal record(SohoaPrincipal principal, Dossier dossier, String documentId, String title,
                           BarReason reason, String note, Requester requester, Refusal.Stage stage) {
        if (reason == null) {
            throw new InvalidInputException("reason", "reason must be one of " + Arrays.toString(BarReason.values()),
                    "cần lý do từ chối (reason)");
        }
        String remark = blankToNull(note);
        if (reason == BarReason.OTHER && remark == null) {
            throw new InvalidInputException("note", "a refusal for another reason says which in note",
                    "từ chối vì lý do khác cần ghi rõ lý do (note)");
        }
        if (remark != null && remark.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "note is at most " + MAX_NOTE + " characters",
                    "ghi chú tối đa " + MAX_NOTE + " ký tự");
        }
        if (documentId != null && !certifications.ofDocument(documentId).isEmpty()) {
            throw new ConflictException("document " + documentId + " already has a certified copy",
                    "giấy tờ đã được chứng thực, không thể từ chối");
        }
        Refusal refusal = new Refusal(UUID.randomUUID().toString(), dossier.agencyCode(), dossier.code(), documentId,
                title, reason, remark, stage, requester, principal.username(),
                principal.fullName() == null ? principal.username() : principal.fullName(), principal.title(),
                register.now().toOffsetDateTime());
        transaction.executeWithoutResult(status -> {
            refusals.insert(refusal);
            if (documentId != null) {
                barred.bar(documentId, reason, remark, principal.username(), refusal.refusedAt());
            }
            audit.record(principal.username(), principal.agencyCode(), documentId != null
                            ? AuditAction.ORIGINAL_BARRED : AuditAction.ORIGINAL_REFUSED,
                    documentId != null ? documentId : dossier.code(), stage + " " + reason
                            + (remark == null ? "" : ": " + remark) + ", refusal " + refusal.id());
        });
        LOG.info("original refused at {} in dossier {} by {}: {} (refusal {})", stage, dossier.code(),
                principal.username(), reason, refusal.id());
        return refusal;
    }

    public Refusal get(SohoaPrincipal principal, String id) {
        Refusal refusal = refusals.find(id).orElseThrow(() -> new NotFoundException("refusal " + id));
        access.requireVisible(principal, refusal.agencyCode(), "refusal " + id);
        return refusal;
    }

    /** The written notice of a refusal, as a PDF/A-2b. */
    public byte[] notice(SohoaPrincipal principal, String id) {
        Refusal refusal = get(principal, id);
        String agencyName = agencies.find(refusal.agencyCode()).map(a -> a.name()).orElse(refusal.agencyCode());
        return RefusalNotice.pdf(refusal, agencyName);
    }

    /** Refusals the caller may see, of one dossier when given, newest first. */
    public List<Refusal> search(SohoaPrincipal principal, String dossierCode) {
        if (dossierCode != null) {
            dossiers.get(principal, dossierCode);
        }
        return refusals.search(access.visibleAgencies(principal), blankToNull(dossierCode), 200);
    }

    private static void requireOwnAgency(SohoaPrincipal principal, String agencyCode) {
        if (!agencyCode.equals(principal.agencyCode())) {
            throw new ForbiddenException("the desk refuses originals of its own agency only",
                    "chỉ từ chối bản chính của hồ sơ thuộc cơ quan mình");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
