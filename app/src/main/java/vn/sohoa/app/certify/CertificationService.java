package vn.sohoa.app.certify;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.pki.SigningKeys;
import vn.sohoa.app.security.AccessPolicy;
import vn.sohoa.app.security.Role;
import vn.sohoa.app.security.SohoaPrincipal;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampStatement;

/**
 * A certifier certifies a digitized paper as electronic copies: competence check → a register number reserved and
 * committed at once (PENDING) → for each copy: statement on the last page → certifier's PAdES signature → agency's
 * PAdES signature, which closes the copy to changes → validation data of both (PAdES-BASELINE-LT) → stored, never
 * overwritten → the copies recorded and the number ISSUED in one transaction. Any failure after the reservation
 * records the number VOID with its reason; a crash leaves it PENDING until {@link Register#settleInterrupted}.
 * Several copies of one original made at once share the number (NĐ 23/2015).
 */
@Service
public class CertificationService {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationService.class);

    private final DocumentService documents;
    private final AgencyRepository agencies;
    private final CertificationRepository certifications;
    private final Register register;
    private final AccessPolicy access;
    private final ObjectStore store;
    private final StampStatement stamp;
    private final PadesSigner signer;
    private final SigningKeys keys;
    private final TransactionTemplate transaction;
    private final SohoaProperties.Certification settings;

    CertificationService(DocumentService documents, AgencyRepository agencies, CertificationRepository certifications,
                         Register register, AccessPolicy access, ObjectStore store, StampStatement stamp,
                         PadesSigner signer, SigningKeys keys, TransactionTemplate transaction,
                         SohoaProperties properties) {
        this.documents = documents;
        this.agencies = agencies;
        this.certifications = certifications;
        this.register = register;
        this.access = access;
        this.store = store;
        this.stamp = stamp;
        this.signer = signer;
        this.keys = keys;
        this.transaction = transaction;
        this.settings = properties.certification();
    }

    /** One copy of the document, under a number of its own. */
    public Certification certify(SohoaPrincipal certifier, String documentId) {
        return certify(certifier, documentId, 1).get(0);
    }

    /** {@code copies} copies of the document made at once, sharing one register number. */
    public List<Certification> certify(SohoaPrincipal certifier, String documentId, int copies) {
        if (copies < 1 || copies > settings.maxCopies()) {
            throw new InvalidInputException("copies", "copies must be between 1 and " + settings.maxCopies()
                    + " (sohoa.certification.max-copies), was " + copies,
                    "số bản sao phải từ 1 đến " + settings.maxCopies() + ", nhận được " + copies);
        }
        DocumentRecord document = documents.get(certifier, documentId);
        if (certifier.role() != Role.CERTIFIER) {
            throw new ForbiddenException("only a certifier may certify copies",
                    "chỉ người thực hiện chứng thực mới được chứng thực bản sao");
        }
        if (!document.agencyCode().equals(certifier.agencyCode())) {
            throw new ForbiddenException("a certifier certifies copies of their own agency only",
                    "người thực hiện chứng thực chỉ chứng thực hồ sơ của cơ quan mình");
        }
        if (document.status() != DocumentStatus.DIGITIZED) {
            throw new ConflictException("document " + documentId + " is " + document.status() + "; only a digitized "
                    + "document can be certified", "tài liệu chưa được số hóa xong, chưa thể chứng thực");
        }
        Agency agency = agencies.find(document.agencyCode())
                .orElseThrow(() -> new NotFoundException("agency " + document.agencyCode()));
        ZonedDateTime now = register.now();
        Competence.check(agency.level(), now.toLocalDate());

        byte[] original = documents.pdf(certifier, documentId);
        SigningKey certifierKey = keys.certifierKey(certifier.username(), certifier.fullName(), agency.name());
        SigningKey agencyKey = keys.agencyKey(agency.code(), agency.name());
        RegisterKind kind = RegisterKind.ELECTRONIC_COPY;

        Register.Reservation reservation = register.reserve(agency.code(), kind, documentId, certifier.username(),
                copies, now);
        try {
            String reason = "Chứng thực bản sao điện tử từ bản chính, số " + reservation.number() + ", quyển "
                    + reservation.book();
            byte[] stamped = stamp.apply(original, new CertificationStatement(reservation.number(),
                    reservation.book(), now.toLocalDate(), certifier.fullName(),
                    certifier.title() == null ? "" : certifier.title(), agency.name()));
            List<Certification> made = new ArrayList<>();
            for (int copy = 1; copy <= copies; copy++) {
                byte[] signedOnce = signer.sign(stamped, certifierKey, new SignatureRequest(SignerRole.CERTIFIER,
                        certifier.fullName(), reason, agency.name(), now));
                byte[] signed = signer.extendToLongTerm(signer.sign(signedOnce, agencyKey, new SignatureRequest(
                        SignerRole.AGENCY, agency.name(), reason, agency.name(), now, true)));
                String id = UUID.randomUUID().toString();
                ObjectKey key = ObjectKeys.certifiedCopy(agency.code(), document.dossierReceivedAt(),
                        document.dossierCode(), documentId, id);
                StoredObject stored = store.putNew(key, signed, "application/pdf", Map.of("certification-id", id,
                        "register-number", String.valueOf(reservation.number()), "book", reservation.book(),
                        "copy", copy + "/" + copies));
                int pages = pageCount(signed);
                made.add(new Certification(id, documentId, document.dossierCode(), agency.code(), kind,
                        reservation.year(), reservation.number(), copy, reservation.book(), certifier.username(),
                        now.toOffsetDateTime(), key.toString(), stored.sha256(), stored.size(), pages,
                        CopyFee.vnd(pages)));
            }
            transaction.executeWithoutResult(status -> {
                made.forEach(certifications::insert);
                register.markIssued(reservation);
            });
            LOG.info("certified {} cop{} of document {}: number {} in {}", copies, copies == 1 ? "y" : "ies",
                    documentId, reservation.number(), reservation.book());
            return made;
        } catch (RuntimeException e) {
            register.markVoid(reservation, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    public Certification get(SohoaPrincipal principal, String id) {
        Certification certification = certifications.find(id)
                .orElseThrow(() -> new NotFoundException("certified copy " + id));
        access.requireVisible(principal, certification.agencyCode(), "certified copy " + id);
        return certification;
    }

    public byte[] pdf(SohoaPrincipal principal, String id) {
        Certification certification = get(principal, id);
        return store.readVerified(ObjectKey.parse(certification.objectKey()), certification.sha256());
    }

    /** Certified copies made from a document the caller may see. */
    public List<Certification> ofDocument(SohoaPrincipal principal, String documentId) {
        documents.get(principal, documentId);
        return certifications.ofDocument(documentId);
    }

    public List<Certification> search(SohoaPrincipal principal, String agencyCode, Integer year, Long number) {
        return certifications.search(access.visibleAgencies(principal), agencyCode, year, number);
    }

    private static int pageCount(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the signed copy cannot be read back", e);
        }
    }
}
