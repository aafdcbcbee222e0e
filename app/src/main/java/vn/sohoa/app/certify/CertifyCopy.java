package vn.sohoa.app.certify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.PublicBaseUrl;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.pki.SigningKeys;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.document.InkMap;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.pades.SigningOutcome;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampImages;

/**
 * One certification, whatever holds the certifier's key: a register number reserved and committed at once
 * (PENDING) → for each copy: the statement stamped on the last page → the certifier's signature through the key's
 * {@link SigningDevice} → the agency's signature, which closes the copy to changes → validation data
 * (PAdES-BASELINE-LT or -LTA) → stored, never overwritten → the copies recorded, the number ISSUED and
 * {@link CopyCertified} published in one transaction. A device that answers later (the officer's USB token) leaves a
 * signing session; {@link #resume} finishes it when the value arrives.
 *
 * <p>Any failure after the reservation records the number VOID with its reason, here and nowhere else; a crash
 * leaves it PENDING until {@link Register#settleInterrupted}. Several copies of one original made at once share
 * the number (NĐ 23/2015).
 */
@Component
class CertifyCopy {

    private static final Logger LOG = LoggerFactory.getLogger(CertifyCopy.class);

    /** What a certification gives: the copies, or a session waiting for the certifier's signature value. */
    sealed interface Result {
        record Issued(List<Certification> copies) implements Result {
        }

        record AwaitingSignature(SigningSessions.Session session) implements Result {
        }
    }

    private final DocumentService documents;
    private final AgencyRepository agencies;
    private final CertificationRepository certifications;
    private final Register register;
    private final BarredOriginals barred;
    private final StatementTemplates templates;
    private final FeeSchedules fees;
    private final UnitRepository units;
    private final UserRepository users;
    private final PadesSigner signer;
    private final SigningKeys keys;
    private final SigningSessions sessions;
    private final ObjectStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final PublicBaseUrl publicBaseUrl;
    private final CertificationSettings settings;
    private final Path home;
    private final SigningTimings timings;

    CertifyCopy(DocumentService documents, AgencyRepository agencies, CertificationRepository certifications,
                Register register, BarredOriginals barred, StatementTemplates templates, FeeSchedules fees,
                UnitRepository units, UserRepository users,
                PadesSigner signer,
                SigningKeys keys, SigningSessions sessions, ObjectStore store, TransactionTemplate transaction,
                ApplicationEventPublisher events, AuditLog audit, PublicBaseUrl publicBaseUrl,
                CertificationSettings settings, SohoaProperties properties, SigningTimings timings) {
        this.documents = documents;
        this.agencies = agencies;
        this.certifications = certifications;
        this.register = register;
        this.barred = barred;
        this.templates = templates;
        this.fees = fees;
        this.units = units;
        this.users = users;
        this.signer = signer;
        this.keys = keys;
        this.sessions = sessions;
        this.store = store;
        this.transaction = transaction;
        this.events = events;
        this.audit = audit;
        this.publicBaseUrl = publicBaseUrl;
        this.settings = settings;
        this.home = properties.home();
        this.timings = timings;
    }

    /**
     * Checks that {@code certifier} may certify the document now for {@code requester}, before anything is reserved.
     */
    CertificationRequest check(SohoaPrincipal certifier, String documentId, Requester requester) {
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
        var now = register.now();
        Competence.check(units.directory(), agency.code(), agency.level(), users.office(certifier.username()),
                now.toLocalDate());
        return new CertificationRequest(certifier, document, requester, agency, now);
    }

    /**
     * Certifies {@code copies} copies under one number with the certifier's key in {@code certifierKey}. A device
     * that answers later makes one copy only, and gives a session that expires at {@code sessionExpiresAt}.
     */
    Result run(CertificationRequest request, SigningDevice certifierKey, int copies) {
        Register.Reservation reservation = register.reserve(request.agency().code(), RegisterKind.ELECTRONIC_COPY,
                request.document().id(), new Register.Certifier(request.certifier().username(),
                        request.certifier().fullName(), request.certifier().title()), copies, request.requester(),
                request.now());
        return underReservation(reservation, () -> { }, () -> {
            Original original = original(request);
            List<Certification> made = new ArrayList<>();
            for (int copy = 1; copy <= copies; copy++) {
                CopyIdentity identity = CopyIdentity.next();
                byte[] stamped = stamped(request, reservation, identity, original);
                SigningOutcome outcome = timings.time(SigningTimings.Step.CERTIFIER_SIGNATURE,
                        () -> signer.sign(stamped, certifierKey, certifierSignature(request, reservation)));
                if (outcome instanceof SigningOutcome.Pending pending) {
                    if (copies != 1) {
                        throw new IllegalArgumentException("a key that answers later signs one copy at a time");
                    }
                    return new Result.AwaitingSignature(sessions.open(reservation, request.document().id(),
                            request.certifier().username(), identity, pending.prepared(), request.now()
                                    .toOffsetDateTime().plus(settings.externalSigningTimeout())));
                }
                made.add(finishCopy(request, reservation, identity, ((SigningOutcome.Signed) outcome).pdf(), copy,
                        copies));
            }
            return new Result.Issued(issue(request, reservation, made, () -> { }));
        });
    }

    /** Finishes the copy of a signing session whose certifier's signature has arrived ({@code certifierSigned}). */
    Certification resume(CertificationRequest request, SigningSessions.Session session, byte[] certifierSigned) {
        return underReservation(session.reservation(),
                () -> sessions.close(session.id(), SigningSessions.Status.FAILED), () -> {
                    Certification made = finishCopy(request, session.reservation(), session.identity(),
                            certifierSigned, 1, 1);
                    return issue(request, session.reservation(), List.of(made),
                            () -> sessions.close(session.id(), SigningSessions.Status.COMPLETED)).get(0);
                });
    }

    /**
     * Refuses a signing session whose deadline has passed: the session is closed EXPIRED and its number recorded
     * VOID, as a failure under the reservation would.
     */
    void requireOpenInTime(SigningSessions.Session session) {
        if (register.now().toOffsetDateTime().isAfter(session.expiresAt())) {
            sessions.close(session.id(), SigningSessions.Status.EXPIRED);
            register.markVoid(session.reservation(), "the certifier's signature did not arrive before "
                    + session.expiresAt() + " / quá hạn ký");
            throw new ConflictException("signing session " + session.id() + " expired at " + session.expiresAt(),
                    "phiên ký đã hết hạn lúc " + session.expiresAt());
        }
    }

    /**
     * Closes an open signing session that will not be signed (the certifier declined at the token, or the signature
     * could not be made): the session is CANCELLED and its number recorded VOID at once, with the reason, rather
     * than when the session would expire.
     */
    void cancel(SigningSessions.Session session, CancelReason reason) {
        sessions.close(session.id(), SigningSessions.Status.CANCELLED);
        register.markVoid(session.reservation(), reason.registerNote());
    }

    /** Runs {@code work} on a reserved number; on any failure the number is recorded VOID with the reason. */
    private <T> T underReservation(Register.Reservation reservation, Runnable alsoOnFailure, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            alsoOnFailure.run();
            register.markVoid(reservation, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /** What every copy of one certification is stamped from, read once: the PDF/A, its ink map, the pictures. */
    private record Original(byte[] pdf, InkMap lastPageInk, StampImages images) {
    }

    private Original original(CertificationRequest request) {
        SohoaPrincipal certifier = request.certifier();
        String documentId = request.document().id();
        return new Original(documents.pdf(certifier, documentId),
                documents.lastPageInk(certifier, documentId).orElse(null),
                images(request.agency().code(), certifier.username()));
    }

    /** The original with the statement of this copy: its number, its verification QR code, the pictures. */
    private byte[] stamped(CertificationRequest request, Register.Reservation reservation, CopyIdentity identity,
                           Original original) {
        SohoaPrincipal certifier = request.certifier();
        return templates.stamp().apply(original.pdf(), new CertificationStatement(reservation.number(),
                reservation.book(), request.now(), certifier.fullName(),
                certifier.title() == null ? "" : certifier.title(), request.agency().name(),
                identity.verificationUrl(publicBaseUrl.value())), original.images(), original.lastPageInk());
    }

    /** The seal and signature pictures configured for this agency and certifier; a missing one is left out. */
    private StampImages images(String agencyCode, String username) {
        Path directory = settings.imagesDirectory() != null ? settings.imagesDirectory() : home.resolve("images");
        byte[] seal = readIfPresent(directory.resolve("seal-" + agencyCode + ".png"));
        byte[] signature = readIfPresent(directory.resolve("signature-" + username + ".png"));
        return seal == null && signature == null ? StampImages.NONE
                : new StampImages(signature, seal, settings.imageHeightPoints());
    }

    private static byte[] readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the picture " + file, e);
        }
    }

    private static String reason(Register.Reservation reservation) {
        return "Chứng thực bản sao điện tử từ bản chính, số " + reservation.number() + ", quyển "
                + reservation.book();
    }

    private static SignatureRequest certifierSignature(CertificationRequest request,
                                                       Register.Reservation reservation) {
        return new SignatureRequest(SignerRole.CERTIFIER, request.certifier().fullName(), reason(reservation),
                request.agency().name(), request.now());
    }

    /** The agency's locking signature, validation data, and the copy stored (not yet recorded). */
    private Certification finishCopy(CertificationRequest request, Register.Reservation reservation,
                                     CopyIdentity identity, byte[] certifierSigned, int copy, int copies) {
        Agency agency = request.agency();
        DocumentRecord document = request.document();
        SigningKey agencyKey = keys.agencyKey(agency.code(), agency.name());
        byte[] agencySigned = timings.time(SigningTimings.Step.AGENCY_SIGNATURE, () -> signer.sign(certifierSigned,
                agencyKey, new SignatureRequest(SignerRole.AGENCY, agency.name(), reason(reservation), agency.name(),
                        request.now(), true)));
        byte[] signed = timings.time(SigningTimings.Step.VALIDATION_DATA, () -> settings.level() == CopyLevel.LTA
                ? signer.extendToLongTermArchive(agencySigned) : signer.extendToLongTerm(agencySigned));
        OffsetDateTime archiveExpiresAt = settings.level() == CopyLevel.LTA
                ? PadesSigner.lastDocumentTimestampExpiry(signed).map(at -> at.atOffset(VietnamTime.OFFSET))
                        .orElseThrow() : null;
        String id = identity.id();
        ObjectKey key = ObjectKeys.certifiedCopy(agency.code(), document.dossierReceivedAt(),
                document.dossierCode(), document.id(), id);
        StoredObject stored = store.putNew(key, signed, "application/pdf", Map.of("certification-id", id,
                "register-number", String.valueOf(reservation.number()), "book", reservation.book(),
                "copy", copy + "/" + copies));
        // the fee is counted on the original's pages: a page appended to the copy for the statement is not charged
        int originalPages = Objects.requireNonNull(document.pageCount(), "a digitized document has its page count");
        FeeSchedule fee = fees.inForce(request.now().toLocalDate());
        return new Certification(id, document.id(), document.dossierCode(), agency.code(),
                RegisterKind.ELECTRONIC_COPY, reservation.year(), reservation.number(), copy, reservation.book(),
                request.certifier().username(), request.certifier().fullName(), request.certifier().title(),
                request.now().toOffsetDateTime(), key.toString(), stored.sha256(),
                stored.size(), pageCount(signed), fee.vnd(originalPages), fee.receiptLine(originalPages),
                identity.verificationCode(),
                archiveExpiresAt, request.requester());
    }

    /**
     * Records the copies, marks the number ISSUED and publishes {@link CopyCertified} for each, with
     * {@code alsoInTransaction}, in one transaction.
     */
    private List<Certification> issue(CertificationRequest request, Register.Reservation reservation,
                                      List<Certification> made, Runnable alsoInTransaction) {
        transaction.executeWithoutResult(status -> {
            made.forEach(certifications::insert);
            register.markIssued(reservation);
            for (Certification copy : made) {
                events.publishEvent(new CopyCertified(copy));
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

    private static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("the signed copy cannot be read back", e);
        }
    }
}
