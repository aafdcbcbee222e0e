package vn.sohoa.app.certify;

import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.stats.DossierFacts;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.PublicBaseUrl;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.pki.RemoteSigning;
import vn.sohoa.app.pki.SigningKeys;
import vn.sohoa.app.security.AccessPolicy;
import vn.sohoa.app.security.Role;
import vn.sohoa.app.security.SohoaPrincipal;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.document.InkMap;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.InvalidSignatureValueException;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.PreparedSignature;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampImages;
import vn.sohoa.signing.verify.SignatureVerifier;

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
    private final StatementTemplates templates;
    private final PadesSigner signer;
    private final SigningKeys keys;
    private final TransactionTemplate transaction;
    private final SohoaProperties.Certification settings;
    private final SigningSessions sessions;
    private final RemoteSigning remoteSigning;
    private final PublicBaseUrl publicBaseUrl;
    private final BarredOriginals barred;
    private final SignatureVerifier trust;
    private final AuditLog audit;
    private final java.nio.file.Path home;

    private final DossierFacts facts;
    private final vn.sohoa.app.webhook.Webhooks webhooks;

    CertificationService(DocumentService documents, AgencyRepository agencies, CertificationRepository certifications,
                         Register register, AccessPolicy access, ObjectStore store, StatementTemplates templates,
                         PadesSigner signer, SigningKeys keys, TransactionTemplate transaction,
                         SohoaProperties properties, SigningSessions sessions, RemoteSigning remoteSigning,
                         PublicBaseUrl publicBaseUrl, BarredOriginals barred, SignatureVerifier trust,
                         AuditLog audit, DossierFacts facts, vn.sohoa.app.webhook.Webhooks webhooks) {
        this.audit = audit;
        this.facts = facts;
        this.webhooks = webhooks;
        this.trust = trust;
        this.barred = barred;
        this.publicBaseUrl = publicBaseUrl;
        this.home = properties.home();
        this.sessions = sessions;
        this.remoteSigning = remoteSigning;
        this.documents = documents;
        this.agencies = agencies;
        this.certifications = certifications;
        this.register = register;
        this.access = access;
        this.store = store;
        this.templates = templates;
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
        Request request = request(certifier, documentId);
        SigningKey certifierKey = keys.certifierKey(certifier.username(), certifier.fullName(),
                request.agency().name());
        Register.Reservation reservation = reserve(request, copies);
        try {
            Original original = original(request);
            List<Certification> made = new ArrayList<>();
            for (int copy = 1; copy <= copies; copy++) {
                CopyIdentity identity = CopyIdentity.next();
                byte[] signedOnce = signer.sign(stamped(request, reservation, identity, original), certifierKey,
                        certifierSignature(request, reservation));
                made.add(finishCopy(request, reservation, identity, signedOnce, copy, copies));
            }
            return issued(request, reservation, made);
        } catch (RuntimeException e) {
            register.markVoid(reservation, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * First step of a certification whose certifier signs outside the service (USB token, remote signing): the
     * number is reserved, the statement stamped, and the certifier's signature prepared over it. The certifier has
     * {@code sohoa.certification.external-signing-timeout} to return the signature value.
     */
    public SigningSessions.Session prepareExternal(SohoaPrincipal certifier, String documentId,
                                                   List<X509Certificate> chain) {
        Request request = request(certifier, documentId);
        try {
            trust.requireTrusted(chain, request.now().toInstant());
        } catch (vn.sohoa.signing.keys.SigningException e) {
            throw new InvalidInputException("certificateChain", e.getMessage(),
                    "chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy", e);
        }
        Register.Reservation reservation = reserve(request, 1);
        try {
            CopyIdentity identity = CopyIdentity.next();
            PreparedSignature prepared = signer.prepareExternal(stamped(request, reservation, identity,
                    original(request)), chain, certifierSignature(request, reservation));
            return sessions.open(reservation, documentId, certifier.username(), identity, prepared,
                    request.now().toOffsetDateTime().plus(settings.externalSigningTimeout()));
        } catch (RuntimeException e) {
            register.markVoid(reservation, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Second step: the certifier's signature value (or CMS) completes the prepared signature; the agency signs
     * and locks, validation data is added, the copy is stored and recorded. A value that does not match leaves the
     * session open for another try.
     */
    public Certification completeExternal(SohoaPrincipal certifier, String sessionId, byte[] signatureValue,
                                          byte[] cms) {
        SigningSessions.Session session = sessions.find(sessionId)
                .filter(found -> found.certifier().equals(certifier.username()))
                .orElseThrow(() -> new NotFoundException("signing session " + sessionId));
        if (session.status() != SigningSessions.Status.OPEN) {
            throw new ConflictException("signing session " + sessionId + " is " + session.status(),
                    "phiên ký " + sessionId + " không còn mở (" + session.status() + ")");
        }
        if ((signatureValue == null) == (cms == null)) {
            throw new InvalidInputException("signatureValue", "send either signatureValue or cms (Base64)",
                    "gửi một trong hai: signatureValue hoặc cms (Base64)");
        }
        if (register.now().toOffsetDateTime().isAfter(session.expiresAt())) {
            sessions.close(sessionId, SigningSessions.Status.EXPIRED);
            register.markVoid(session.reservation(), "the certifier's signature did not arrive before "
                    + session.expiresAt() + " / quá hạn ký");
            throw new ConflictException("signing session " + sessionId + " expired at " + session.expiresAt(),
                    "phiên ký đã hết hạn lúc " + session.expiresAt());
        }
        byte[] certifierSigned;
        try {
            certifierSigned = cms != null ? signer.completeExternalWithCms(session.prepared(), cms)
                    : signer.completeExternal(session.prepared(), signatureValue);
        } catch (InvalidSignatureValueException e) {
            throw new InvalidInputException(cms != null ? "cms" : "signatureValue", e.getMessage(),
                    e.vietnameseMessage(), e);
        }
        Request request = request(certifier, session.documentId());
        try {
            Certification made = finishCopy(request, session.reservation(), session.identity(), certifierSigned, 1,
                    1);
            List<Certification> issued = issued(request, session.reservation(), List.of(made),
                    () -> sessions.close(sessionId, SigningSessions.Status.COMPLETED));
            return issued.get(0);
        } catch (RuntimeException e) {
            sessions.close(sessionId, SigningSessions.Status.FAILED);
            register.markVoid(session.reservation(), e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * A certification whose certifier's key is held by the remote signing service (CSC API v2): the service signs
     * the prepared hash once the certifier's PIN authorizes it. The PIN is passed on and not kept.
     */
    public Certification certifyRemote(SohoaPrincipal certifier, String documentId, String credentialId,
                                       char[] pin) {
        var remote = remoteSigning.configured().orElseThrow(() -> new ConflictException("no remote signing service "
                + "is configured (sohoa.signing.remote.base-url)", "chưa cấu hình dịch vụ ký số từ xa"));
        if (credentialId == null || credentialId.isBlank()) {
            throw new InvalidInputException("credentialId", "credentialId names the certifier's key at the remote "
                    + "signing service", "cần mã khóa (credentialId) tại dịch vụ ký số từ xa");
        }
        Request request = request(certifier, documentId);
        Register.Reservation reservation = reserve(request, 1);
        try {
            CopyIdentity identity = CopyIdentity.next();
            byte[] certifierSigned = remote.sign(stamped(request, reservation, identity, original(request)),
                    credentialId, pin, certifierSignature(request, reservation));
            return issued(request, reservation, List.of(finishCopy(request, reservation, identity, certifierSigned,
                    1, 1))).get(0);
        } catch (RuntimeException e) {
            register.markVoid(reservation, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Who certifies what, where and when, checked. */
    private record Request(SohoaPrincipal certifier, DocumentRecord document, Agency agency, ZonedDateTime now) {
    }

    private Request request(SohoaPrincipal certifier, String documentId) {
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
        barred.find(documentId).ifPresent(bar -> {
            throw new ConflictException("the original of document " + documentId + " is barred from certification ("
                    + bar.reason() + (bar.note() == null ? "" : ": " + bar.note()) + ", by " + bar.barredBy() + ")",
                    "bản chính không được chứng thực: " + bar.reason().vietnamese()
                            + (bar.note() == null ? "" : " (" + bar.note() + ")"));
        });
        Agency agency = agencies.find(document.agencyCode())
                .orElseThrow(() -> new NotFoundException("agency " + document.agencyCode()));
        ZonedDateTime now = register.now();
        Competence.check(agency.level(), now.toLocalDate());
        return new Request(certifier, document, agency, now);
    }

    /**
     * The certifier refuses to certify from this original (erased, altered, damaged, ...): no copy will be made of
     * it, with this reason given to whoever asks.
     */
    public void bar(SohoaPrincipal certifier, String documentId, BarReason reason, String note) {
        if (reason == null) {
            throw new InvalidInputException("reason", "reason must be one of " + java.util.Arrays.toString(
                    BarReason.values()), "cần lý do không chứng thực");
        }
        DocumentRecord document = documents.get(certifier, documentId);
        if (certifier.role() != Role.CERTIFIER || !document.agencyCode().equals(certifier.agencyCode())) {
            throw new ForbiddenException("only a certifier of the document's agency may bar its original",
                    "chỉ người thực hiện chứng thực của cơ quan mới được từ chối bản chính");
        }
        transaction.executeWithoutResult(status -> {
            barred.bar(documentId, reason, note, certifier.username(), register.now().toOffsetDateTime());
            audit.record(certifier.username(), certifier.agencyCode(), AuditAction.ORIGINAL_BARRED, documentId,
                    reason + (note == null ? "" : ": " + note));
        });
        LOG.info("original of document {} barred by {}: {}", documentId, certifier.username(), reason);
    }

    private Register.Reservation reserve(Request request, int copies) {
        return register.reserve(request.agency().code(), RegisterKind.ELECTRONIC_COPY, request.document().id(),
                request.certifier().username(), copies, request.now());
    }

    /** What every copy of one certification is stamped from, read once: the PDF/A, its ink map, the pictures. */
    private record Original(byte[] pdf, InkMap lastPageInk, StampImages images) {
    }

    private Original original(Request request) {
        SohoaPrincipal certifier = request.certifier();
        String documentId = request.document().id();
        return new Original(documents.pdf(certifier, documentId),
                documents.lastPageInk(certifier, documentId).orElse(null),
                images(request.agency().code(), certifier.username()));
    }

    /** The original with the statement of this copy: its number, its verification QR code, the pictures. */
    private byte[] stamped(Request request, Register.Reservation reservation, CopyIdentity identity,
                           Original original) {
        SohoaPrincipal certifier = request.certifier();
        return templates.stamp().apply(original.pdf(), new CertificationStatement(reservation.number(), reservation.book(),
                request.now(), certifier.fullName(), certifier.title() == null ? "" : certifier.title(),
                request.agency().name(), identity.verificationUrl(publicBaseUrl.value())),
                original.images(), original.lastPageInk());
    }

    /** The seal and signature pictures configured for this agency and certifier; a missing one is left out. */
    private StampImages images(String agencyCode, String username) {
        java.nio.file.Path directory = settings.imagesDirectory() != null ? settings.imagesDirectory()
                : home.resolve("images");
        byte[] seal = readIfPresent(directory.resolve("seal-" + agencyCode + ".png"));
        byte[] signature = readIfPresent(directory.resolve("signature-" + username + ".png"));
        return seal == null && signature == null ? StampImages.NONE
                : new StampImages(signature, seal, settings.imageHeightPoints());
    }

    private static byte[] readIfPresent(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.readAllBytes(file) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the picture " + file, e);
        }
    }

    private static String reason(Register.Reservation reservation) {
        return "Chứng thực bản sao điện tử từ bản chính, số " + reservation.number() + ", quyển "
                + reservation.book();
    }

    private static SignatureRequest certifierSignature(Request request, Register.Reservation reservation) {
        return new SignatureRequest(SignerRole.CERTIFIER, request.certifier().fullName(), reason(reservation),
                request.agency().name(), request.now());
    }

    /** The agency's locking signature, validation data, and the copy stored (not yet recorded). */
    private Certification finishCopy(Request request, Register.Reservation reservation, CopyIdentity identity,
                                     byte[] certifierSigned, int copy, int copies) {
        Agency agency = request.agency();
        DocumentRecord document = request.document();
        SigningKey agencyKey = keys.agencyKey(agency.code(), agency.name());
        byte[] agencySigned = signer.sign(certifierSigned, agencyKey, new SignatureRequest(SignerRole.AGENCY,
                agency.name(), reason(reservation), agency.name(), request.now(), true));
        byte[] signed = settings.level() == CopyLevel.LTA ? signer.extendToLongTermArchive(agencySigned)
                : signer.extendToLongTerm(agencySigned);
        OffsetDateTime archiveExpiresAt = settings.level() == CopyLevel.LTA
                ? PadesSigner.lastDocumentTimestampExpiry(signed).map(at -> at.atOffset(VietnamTime.OFFSET))
                        .orElseThrow() : null;
        String id = identity.id();
        ObjectKey key = ObjectKeys.certifiedCopy(agency.code(), document.dossierReceivedAt(),
                document.dossierCode(), document.id(), id);
        StoredObject stored = store.putNew(key, signed, "application/pdf", Map.of("certification-id", id,
                "register-number", String.valueOf(reservation.number()), "book", reservation.book(),
                "copy", copy + "/" + copies));
        int pages = pageCount(signed);
        return new Certification(id, document.id(), document.dossierCode(), agency.code(),
                RegisterKind.ELECTRONIC_COPY, reservation.year(), reservation.number(), copy, reservation.book(),
                request.certifier().username(), request.now().toOffsetDateTime(), key.toString(), stored.sha256(),
                stored.size(), pages, CopyFee.vnd(pages), identity.verificationCode(), archiveExpiresAt);
    }

    private List<Certification> issued(Request request, Register.Reservation reservation, List<Certification> made) {
        return issued(request, reservation, made, () -> { });
    }

    /** Records the copies and the number ISSUED in one transaction, with {@code alsoInTransaction}. */
    private List<Certification> issued(Request request, Register.Reservation reservation, List<Certification> made,
                                       Runnable alsoInTransaction) {
        transaction.executeWithoutResult(status -> {
            made.forEach(certifications::insert);
            register.markIssued(reservation);
            made.forEach(copy -> facts.copyCertified(copy.dossierCode(), copy.id(), copy.certifiedAt()));
            made.forEach(copy -> webhooks.publish(vn.sohoa.app.webhook.WebhookEvent.COPY_CERTIFIED, copy.agencyCode(),
                    java.util.Map.of("certificationId", copy.id(), "documentId", copy.documentId(),
                            "dossierCode", copy.dossierCode(), "registerNumber", copy.registerNumber(),
                            "book", copy.book(), "copy", copy.copyIndex(), "sha256", copy.sha256(),
                            "certifiedAt", copy.certifiedAt().toString(),
                            "pdfUrl", "/api/v1/certified-copies/" + copy.id() + "/pdf")));
            for (Certification copy : made) {
                audit.record(request.certifier().username(), copy.agencyCode(), AuditAction.COPY_CERTIFIED, copy.id(),
                        "number " + copy.registerNumber() + " copy " + copy.copyIndex() + " book " + copy.book()
                                + ", document " + copy.documentId() + ", signed by the certifier and with the agency "
                                + "key of " + copy.agencyCode() + ", SHA-256 " + copy.sha256());
            }
            alsoInTransaction.run();
        });
        LOG.info("certified {} cop{} of document {}: number {} in {}", made.size(), made.size() == 1 ? "y" : "ies",
                request.document().id(), reservation.number(), reservation.book());
        return made;
    }

    public Certification get(SohoaPrincipal principal, String id) {
        Certification certification = certifications.find(id)
                .orElseThrow(() -> new NotFoundException("certified copy " + id));
        access.requireVisible(principal, certification.agencyCode(), "certified copy " + id);
        return certification;
    }

    /** The copy's file: its latest version when archive time-stamps were renewed. */
    public byte[] pdf(SohoaPrincipal principal, String id) {
        return latestVersion(get(principal, id));
    }

    byte[] latestVersion(Certification certification) {
        List<CertificationRepository.Renewal> renewals = certifications.renewals(certification.id());
        if (renewals.isEmpty()) {
            return store.readVerified(ObjectKey.parse(certification.objectKey()), certification.sha256());
        }
        CertificationRepository.Renewal last = renewals.get(renewals.size() - 1);
        return store.readVerified(ObjectKey.parse(last.objectKey()), last.sha256());
    }

    /** Why the document's original may not be certified from, or null when it may. */
    public BarReason barReason(SohoaPrincipal principal, String documentId) {
        documents.get(principal, documentId);
        return barred.find(documentId).map(bar -> bar.reason()).orElse(null);
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
