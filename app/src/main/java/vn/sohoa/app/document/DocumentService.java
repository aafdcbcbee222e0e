package vn.sohoa.app.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.quality.PageQualities;
import vn.sohoa.app.quality.PageQualityView;
import vn.sohoa.app.quality.QualityRefusedException;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.document.InkMap;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;

/**
 * Intake of a paper's scans. The raw files are in object storage and the digitize job is recorded before the
 * caller hears "received"; the job does the rest.
 */
@Service
public class DocumentService {

    private static final Set<Role> MAY_UPLOAD = Set.of(Role.CLERK, Role.SYSTEM, Role.ADMIN);

    private final DossierService dossiers;
    private final DocumentRepository documents;
    private final AccessPolicy access;
    private final ObjectStore store;
    private final IngestLimits limits;
    private final ScanDecoder decoder;
    private final SohoaProperties properties;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    private final AgencyRepository agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PageQualities qualities;
    private final DecodedPageCache decodedPages;

    DocumentService(DossierService dossiers, DocumentRepository documents, AccessPolicy access, ObjectStore store,
                    IngestLimits limits, ScanDecoder decoder, SohoaProperties properties,
                    ObjectProvider<SchedulerClient> scheduler, TransactionTemplate transaction, AuditLog audit,
                    AgencyRepository agencies, ApplicationEventPublisher events, Clock clock,
                    PageQualities qualities, DecodedPageCache decodedPages) {
        this.clock = clock;
        this.qualities = qualities;
        this.decodedPages = decodedPages;
        this.agencies = agencies;
        this.events = events;
        this.audit = audit;
        this.dossiers = dossiers;
        this.documents = documents;
        this.access = access;
        this.store = store;
        this.limits = limits;
        this.decoder = decoder;
        this.properties = properties;
        this.scheduler = scheduler;
        this.transaction = transaction;
    }

    public DocumentRecord upload(SohoaPrincipal principal, String dossierCode, String title,
                                 List<UploadedScan> uploads) {
        return upload(principal, dossierCode, title, uploads, PaperIdentity.NONE);
    }

    public DocumentRecord upload(SohoaPrincipal principal, String dossierCode, String title,
                                 List<UploadedScan> uploads, PaperIdentity paper) {
        return upload(principal, dossierCode, title, uploads, paper, false);
    }

    /**
     * Stores the raw scans and, unless {@code draft}, records the digitize job. A draft waits for the clerk to
     * arrange its pages and submit it ({@link DocumentPages}).
     */
    public DocumentRecord upload(SohoaPrincipal principal, String dossierCode, String title,
                                 List<UploadedScan> uploads, PaperIdentity paper, boolean draft) {
        return upload(principal, dossierCode, title, uploads, paper, draft, false);
    }

    /**
     * As above; with {@code strictQuality} an upload with a page the scan-quality gate asks to rescan is refused
     * ({@link QualityRefusedException}) and nothing is stored.
     */
    public DocumentRecord upload(SohoaPrincipal principal, String dossierCode, String title,
                                 List<UploadedScan> uploads, PaperIdentity paper, boolean draft,
                                 boolean strictQuality) {
        if (!mayUpload(principal)) {
            throw new ForbiddenException("only clerks and systems upload scans",
                    "chỉ cán bộ tiếp nhận hoặc hệ thống mới được tải bản quét lên");
        }
        Dossier dossier = dossiers.get(principal, dossierCode);
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new InvalidInputException("title", "title is required, at most 300 characters",
                    "cần tên giấy tờ (title), tối đa 300 ký tự");
        }
        int maxFiles = properties.ingest().maxFiles();
        if (uploads.isEmpty() || uploads.size() > maxFiles) {
            throw new InvalidInputException("files", "send 1 to " + maxFiles + " files (got " + uploads.size() + ")",
                    "cần từ 1 đến " + maxFiles + " tệp (nhận được " + uploads.size() + ")");
        }
        List<ScanFile> accepted = new ArrayList<>();
        for (UploadedScan upload : uploads) {
            ScanFile.requirePlainName(upload.name());
            accepted.add(ScanFile.accept(upload.name(), upload.content(), limits));
        }
        // headers only, no pixels: page count, page sizes, encryption, signatures. A bad file is refused now, while
        // the clerk is at the desk, rather than failing later in the job.
        ScanPages pages = decoder.open(accepted);
        PagePlan plan = pages.plan();
        String id = UUID.randomUUID().toString();
        // every page judged now, while the citizen is still at the desk (well under a second a page); the pages it
        // decodes are kept for the digitize job, unless the document is a draft that waits for the clerk
        List<PageQualities.Judged> judged = qualities.judge(pages, draft ? null : id, 0);
        try {
            List<PageQualityView> toRescan = PageQualities.toRescan(judged);
            if (strictQuality && !toRescan.isEmpty()) {
                throw new QualityRefusedException(toRescan);
            }

            if (!store.isAvailable()) {
                // refuse before the first write, so that an outage leaves no stray object behind
                throw new StoreUnavailableException("the object store cannot be reached; nothing was stored", null);
            }
            List<DocumentFile> files = new ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                ScanFile file = accepted.get(i);
                ObjectKey key = ObjectKeys.rawScan(dossier.agencyCode(), dossier.receivedAt(), dossier.code(), id,
                        i + 1, file.format().name().toLowerCase());
                StoredObject stored = store.putNew(key, file.content(), file.format().mediaType(),
                        Map.of("document-id", id, "uploaded-by", principal.username()));
                files.add(new DocumentFile(id, i + 1, file.name(), file.format().mediaType(), key.toString(),
                        stored.sha256(), stored.size()));
            }
            transaction.executeWithoutResult(status -> {
                documents.insert(id, dossier.code(), title.strip(), principal.username(), paper,
                        draft ? DocumentStatus.DRAFT : DocumentStatus.RECEIVED);
                files.forEach(documents::insertFile);
                // the pages as uploaded, recorded so that one page can be found without reading every file
                documents.plan(id, plan.encoded(), plan.pages().size());
                qualities.record(id, 1, judged);
                if (!draft) {
                    scheduleDigitizing(id, false);
                }
                audit.record(principal.username(), principal.agencyCode(), AuditAction.SCAN_UPLOADED, id,
                        uploads.size() + " file(s) into dossier " + dossierCode + ": " + title);
            });
        } catch (RuntimeException e) {
            decodedPages.forget(id); // no job follows: the kept pages go now
            throw e;
        }
        return documents.find(id).orElseThrow();
    }

    /**
     * Records the digitize job for the document, in the caller's transaction. The first job's instance is the
     * document's id; a later one (after a rescan) has an instance of its own.
     */
    void scheduleDigitizing(String id, boolean again) {
        // absent only in command-line tools, which never upload
        scheduler.getObject().schedule(DigitizationQueue.TASK.instance(again ? id + "@" + UUID.randomUUID() : id)
                .data(id).scheduledTo(Instant.now())); // db-scheduler's own (real) time
    }

    /**
     * The citizen's digitized papers, still valid today, that a desk of the caller's province may reuse: what a
     * clerk looks up when registering a dossier, before scanning anything.
     */
    public List<DocumentView> reusable(SohoaPrincipal principal, String dossierCode, String citizenId,
                                       String paperType) {
        requireDeskRole(principal);
        if (dossierCode == null || dossierCode.isBlank()) {
            throw new InvalidInputException("dossierCode", "dossierCode is required: a citizen's papers are looked "
                    + "up for a dossier whose applicant they are", "cần mã hồ sơ (dossierCode) của người nộp hồ sơ");
        }
        Dossier dossier = dossiers.get(principal, dossierCode.strip());
        String citizen = PaperIdentity.citizenId(citizenId);
        if (citizen == null) {
            throw new InvalidInputException("citizenId", "citizenId is required", "cần số định danh cá nhân (citizenId)");
        }
        requireApplicant(dossier, citizen);
        List<DocumentView> found = documents.reusable(citizen, PaperIdentity.paperType(paperType), province(principal),
                VietnamTime.today(clock)).stream().map(DocumentView::of).toList();
        // who looked whose papers up is recorded; the number itself is the dossier's applicant's, not repeated here
        audit.record(principal.username(), principal.agencyCode(), AuditAction.CITIZEN_PAPERS_LOOKED_UP,
                dossier.code(), found.size() + " paper(s) found" + (paperType == null ? "" : " of type " + paperType));
        return found;
    }

    /** A citizen's papers are only for a dossier that citizen applies with. */
    private static void requireApplicant(Dossier dossier, String citizen) {
        if (dossier.applicant() == null || !citizen.equals(dossier.applicant().idNumber())) {
            throw new ForbiddenException("a citizen's papers are looked up and reused only for a dossier whose "
                    + "applicant has that identification number (record the applicant on dossier " + dossier.code()
                    + " first)", "chỉ tra cứu, tái sử dụng giấy tờ của công dân cho hồ sơ do chính công dân đó nộp "
                    + "(ghi người nộp hồ sơ trước)");
        }
    }

    /**
     * Attaches a digitized paper found by {@link #reusable} to a dossier instead of a new scan: a document that
     * shares the paper's PDF/A, digitized at once, and a "component reused" fact for the reuse indicator.
     */
    public DocumentRecord reuse(SohoaPrincipal principal, String dossierCode, String sourceId) {
        requireDeskRole(principal);
        Dossier dossier = dossiers.get(principal, dossierCode);
        if (sourceId == null || sourceId.isBlank()) {
            throw new InvalidInputException("documentId", "documentId of the paper to reuse is required",
                    "cần mã giấy tờ cần tái sử dụng (documentId)");
        }
        DocumentRecord source = documents.find(sourceId.strip())
                .filter(d -> province(principal).contains(d.agencyCode()))
                .orElseThrow(() -> new NotFoundException("document " + sourceId));
        if (source.status() != DocumentStatus.DIGITIZED || source.paper().citizenId() == null) {
            throw new ConflictException("document " + source.id() + " is not a digitized paper of a citizen",
                    "giấy tờ " + source.id() + " chưa được số hóa hoặc không gắn với công dân");
        }
        requireApplicant(dossier, source.paper().citizenId());
        LocalDate today = VietnamTime.today(clock);
        if (!source.paper().validOn(today)) {
            throw new ConflictException("the paper " + source.id() + " expired on " + source.paper().validUntil(),
                    "giấy tờ " + source.id() + " đã hết hiệu lực từ " + source.paper().validUntil());
        }
        String originalId = source.reusedFrom() != null ? source.reusedFrom() : source.id();
        DocumentRecord original = documents.find(originalId).orElseThrow();
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = VietnamTime.now(clock);
        transaction.executeWithoutResult(status -> {
            documents.insertReused(id, dossier.code(), original, principal.username(), now);
            events.publishEvent(new PaperReused(id, dossier.code(), now));
            audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_REUSED, id,
                    "paper " + original.id() + " (" + original.title() + ") reused in dossier " + dossier.code());
        });
        return documents.find(id).orElseThrow();
    }

    /** Whether the caller may upload scans: clerks, systems and administrators. */
    public static boolean mayUpload(SohoaPrincipal principal) {
        return MAY_UPLOAD.contains(principal.role());
    }

    private static void requireDeskRole(SohoaPrincipal principal) {
        if (!mayUpload(principal)) {
            throw new ForbiddenException("only clerks and systems look up and reuse citizens' papers",
                    "chỉ cán bộ tiếp nhận hoặc hệ thống mới được tra cứu, tái sử dụng giấy tờ của công dân");
        }
    }

    /** Every agency of the caller's province: a citizen's papers are reused across its desks. */
    private Set<String> province(SohoaPrincipal principal) {
        if (principal.agencyCode() == null) {
            return Set.of();
        }
        String top = principal.agencyCode();
        for (int depth = 0; depth < 10; depth++) {
            String parent = agencies.find(top).map(Agency::parentCode).orElse(null);
            if (parent == null) {
                break;
            }
            top = parent;
        }
        return agencies.withDescendants(top);
    }

    /** Digitized documents of the caller's agencies with no certified copy yet and not barred: the certifier's queue. */
    public List<DocumentView> awaitingCertification(SohoaPrincipal principal, int limit) {
        if (principal.role() != Role.CERTIFIER && principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only certifiers have a certification queue",
                    "chỉ người thực hiện chứng thực có hàng chờ chứng thực");
        }
        return documents.awaitingCertification(access.visibleAgencies(principal), limit).stream()
                .map(DocumentView::of).toList();
    }

    public DocumentRecord get(SohoaPrincipal principal, String id) {
        DocumentRecord document = documents.find(id).orElseThrow(() -> new NotFoundException("document " + id));
        access.requireVisible(principal, document.agencyCode(), "document " + id);
        return document;
    }

    /**
     * The documents of dossiers the caller was given by {@link DossierService#search} (already within the caller's
     * agencies), grouped by dossier code: one query for a whole list page.
     */
    public Map<String, List<DocumentView>> ofDossiers(List<Dossier> visibleDossiers) {
        Map<String, List<DocumentView>> byDossier = new LinkedHashMap<>();
        visibleDossiers.forEach(dossier -> byDossier.put(dossier.code(), new ArrayList<>()));
        for (DocumentRecord document : documents.findByDossiers(byDossier.keySet())) {
            byDossier.get(document.dossierCode()).add(DocumentView.of(document));
        }
        return byDossier;
    }

    public List<DocumentView> ofDossier(SohoaPrincipal principal, String dossierCode) {
        dossiers.get(principal, dossierCode);
        return documents.findByDossier(dossierCode).stream().map(DocumentView::of).toList();
    }

    /**
     * Records whose paper it is, what kind, and until when it is valid, as the clerk confirmed or corrected the
     * values read from it; {@code alsoRecord} runs in the same transaction, once the caller may see the document (the
     * confirmation against what was proposed).
     */
    public DocumentRecord confirmPaperIdentity(SohoaPrincipal principal, String id, PaperIdentity paper,
                                               Runnable alsoRecord) {
        DocumentRecord document = get(principal, id);
        if (!mayUpload(principal)) {
            throw new ForbiddenException("only clerks and systems confirm what a paper is",
                    "chỉ cán bộ tiếp nhận mới được xác nhận thông tin giấy tờ");
        }
        transaction.executeWithoutResult(status -> {
            documents.paperIdentity(id, paper);
            alsoRecord.run();
            audit.record(principal.username(), principal.agencyCode(), AuditAction.PAPER_IDENTITY_CONFIRMED, id,
                    "paper type " + paper.paperType() + (paper.validUntil() == null ? "" : ", valid until "
                            + paper.validUntil()));
        });
        return documents.find(document.id()).orElseThrow();
    }

    /** The scan-quality verdicts of the document's pages as arranged now (empty when none was judged). */
    public List<PageQualityView> quality(DocumentRecord document) {
        return qualities.views(document.id(), PagePlan.parse(document.pagePlan()));
    }

    /** The PDF/A of a digitized document, checked against its recorded SHA-256. */
    public byte[] pdf(SohoaPrincipal principal, String id) {
        DocumentRecord document = digitized(principal, id);
        return store.readVerified(ObjectKey.parse(document.pdfKey()), document.pdfSha256());
    }

    /** Where the last page of a digitized document has ink, when that was measured at digitization. */
    public Optional<InkMap> lastPageInk(SohoaPrincipal principal, String id) {
        return documents.lastPageInk(digitized(principal, id).id());
    }

    /** Where the PDF/A of a digitized document is stored. */
    public ObjectKey pdfKey(SohoaPrincipal principal, String id) {
        return ObjectKey.parse(digitized(principal, id).pdfKey());
    }

    private DocumentRecord digitized(SohoaPrincipal principal, String id) {
        DocumentRecord document = get(principal, id);
        if (document.status() != DocumentStatus.DIGITIZED) {
            throw new ConflictException("document " + id + " is " + document.status() + ", not DIGITIZED yet",
                    "tài liệu " + id + " chưa số hóa xong (" + document.status() + ")");
        }
        return document;
    }
}
