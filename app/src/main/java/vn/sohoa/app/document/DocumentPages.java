package vn.sohoa.app.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.quality.PageQualities;
import vn.sohoa.app.quality.PageQualityView;
import vn.sohoa.app.storage.ObjectKeys;
import vn.sohoa.core.document.DocumentStatus;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanPages;

/**
 * The pages of one document, as a clerk handles them at the desk: see them, turn, reorder or drop them in a draft
 * before submitting it to OCR, rescan one page, read the recognised text; and as a certifier compares them: the scan
 * beside the PDF/A page. The raw scans are never changed: an arrangement is a {@link PagePlan}, a rescan adds a file.
 */
@Service
public class DocumentPages {

    private static final Set<Role> DESK = Set.of(Role.CLERK, Role.SYSTEM, Role.ADMIN);
    /** Thumbnails and previews are at most this wide; the UI asks for less. */
    private static final int MAX_IMAGE_WIDTH = 1600;

    private final DocumentService documents;
    private final DocumentRepository repository;
    private final ObjectStore store;
    private final IngestLimits limits;
    private final ScanDecoder decoder;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final RawScans rawScans;

    private final PageQualities qualities;
    private final DecodedPageCache decodedPages;

    DocumentPages(DocumentService documents, DocumentRepository repository, ObjectStore store, IngestLimits limits,
                  ScanDecoder decoder, TransactionTemplate transaction, AuditLog audit, RawScans rawScans,
                  PageQualities qualities, DecodedPageCache decodedPages) {
        this.rawScans = rawScans;
        this.qualities = qualities;
        this.decodedPages = decodedPages;
        this.documents = documents;
        this.repository = repository;
        this.store = store;
        this.limits = limits;
        this.decoder = decoder;
        this.transaction = transaction;
        this.audit = audit;
    }

    /**
     * One page of the document as arranged: which uploaded file and page it is, turned by how much, and the
     * scan-quality gate's verdict on it (null when it was not judged).
     */
    public record PageView(int number, String source, int rotation, String imageUrl, PageQualityView quality) {
    }

    /** The recognised text of one page of the PDF/A. */
    public record PageTextView(int page, String text) {
    }

    private ScanPages open(DocumentRecord document) {
        return decoder.open(rawScans.read(document.id()), PagePlan.parse(document.pagePlan()));
    }

    public List<PageView> pages(SohoaPrincipal principal, String id) {
        DocumentRecord document = documents.get(principal, id);
        ScanPages pages = open(document);
        List<PageView> views = new ArrayList<>();
        List<PagePlan.Page> plan = pages.plan().pages();
        Map<Integer, PageQualityView> verdicts = new HashMap<>();
        qualities.views(id, pages.plan()).forEach(view -> verdicts.put(view.page(), view));
        for (int number = 1; number <= pages.count(); number++) {
            PagePlan.Page page = plan.get(number - 1);
            // the address names what the image shows, so a browser's cached copy is never the wrong page
            String version = page.file() + "-" + page.pageInFile() + "-" + page.clockwiseDegrees();
            views.add(new PageView(number, pages.source(number), page.clockwiseDegrees(),
                    "/api/v1/documents/" + id + "/pages/" + number + "/image?v=" + version, verdicts.get(number)));
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_VIEWED, id, "pages");
        return views;
    }

    /**
     * Page {@code number} of the scan as arranged, scaled to at most {@code width} pixels wide, as PNG. Only the file
     * that holds the page is read: a thumbnail strip of a long document reads each file once per page, not all.
     */
    public byte[] scanImage(SohoaPrincipal principal, String id, int number, int width) {
        DocumentRecord document = documents.get(principal, id);
        int bounded = boundedWidth(width);
        PagePlan plan = PagePlan.parse(document.pagePlan());
        if (plan == null) {
            // documents uploaded before plans were recorded: index every file to find the page
            ScanPages pages = open(document);
            requirePage(number, pages.count());
            return png(scaled(pages.page(number).image(), bounded));
        }
        requirePage(number, plan.pages().size());
        PagePlan.Page page = plan.pages().get(number - 1);
        ScanFile scan = rawScans.read(repository.files(id).get(page.file()));
        ScanPages one = decoder.open(List.of(scan),
                new PagePlan(List.of(new PagePlan.Page(0, page.pageInFile(), page.clockwiseDegrees()))));
        return png(scaled(one.page(1).image(), bounded));
    }

    /** Page {@code number} of the PDF/A as a reader's screen shows it, about {@code width} pixels wide, as PNG. */
    public byte[] pdfImage(SohoaPrincipal principal, String id, int number, int width) {
        byte[] pdf = documents.pdf(principal, id);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            requirePage(number, document.getNumberOfPages());
            PDPage page = document.getPage(number - 1);
            float dpi = previewDpi(page.getMediaBox().getWidth(), page.getMediaBox().getHeight(), boundedWidth(width));
            return png(new PDFRenderer(document).renderImageWithDPI(number - 1, dpi, ImageType.RGB));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render page " + number + " of document " + id, e);
        }
    }

    /** The text layer of the PDF/A, page by page, as a search engine or a reader's copy-paste gets it. */
    public List<PageTextView> text(SohoaPrincipal principal, String id) {
        byte[] pdf = documents.pdf(principal, id);
        List<PageTextView> texts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // NFC: a PDF's text layer may spell a Vietnamese letter as base + combining marks, which a reader's
                // font then draws apart ("Ê`"); one code point per letter reads, searches and compares as typed
                texts.add(new PageTextView(page,
                        Normalizer.normalize(stripper.getText(document).strip(), Normalizer.Form.NFC)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text of document " + id, e);
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_VIEWED, id, "text");
        return texts;
    }

    /**
     * Turns, reorders or drops pages of a draft: {@code choices} lists the current page numbers in their new order,
     * each with a further clockwise turn; pages left out are dropped.
     */
    public DocumentRecord arrange(SohoaPrincipal principal, String id, List<PagePlan.Choice> choices) {
        DocumentRecord document = deskDocument(principal, id);
        if (document.status() != DocumentStatus.DRAFT) {
            throw new ConflictException("document " + id + " is " + document.status()
                    + "; pages are arranged before the draft is submitted (rescan a page instead)",
                    "chỉ sắp xếp trang khi tài liệu còn là bản nháp (hiện: " + document.status() + ")");
        }
        PagePlan arranged = open(document).plan().arranged(choices);
        repository.plan(id, arranged.encoded(), arranged.pages().size());
        audit.record(principal.username(), principal.agencyCode(), AuditAction.PAGES_ARRANGED, id,
                arranged.pages().size() + " page(s): " + arranged.encoded());
        return repository.find(id).orElseThrow();
    }

    /** Sends a draft to OCR. */
    public DocumentRecord submit(SohoaPrincipal principal, String id) {
        deskDocument(principal, id);
        transaction.executeWithoutResult(status -> {
            if (!repository.markReceived(id, EnumSet.of(DocumentStatus.DRAFT))) {
                throw new ConflictException("document " + id + " is not a draft; it was submitted already",
                        "tài liệu " + id + " đã được gửi xử lý");
            }
            documents.scheduleDigitizing(id, false);
            audit.record(principal.username(), principal.agencyCode(), AuditAction.DOCUMENT_SUBMITTED, id, null);
        });
        return repository.find(id).orElseThrow();
    }

    /**
     * Replaces page {@code number} by the pages of a new scan, then digitizes the document again (a draft stays a
     * draft). The replaced scan stays stored; a document with certified copies is settled and refuses.
     */
    public DocumentRecord rescan(SohoaPrincipal principal, String id, int number, UploadedScan upload) {
        DocumentRecord document = deskDocument(principal, id);
        if (document.status() == DocumentStatus.RECEIVED || document.status() == DocumentStatus.PROCESSING) {
            throw new ConflictException("document " + id + " is " + document.status() + "; rescan once OCR is done",
                    "tài liệu đang xử lý; hãy quét lại sau khi xử lý xong");
        }
        if (repository.hasCertifiedCopies(id)) {
            throw new ConflictException("document " + id + " has certified copies; its pages can no longer change",
                    "tài liệu đã được chứng thực bản sao, không thể thay trang");
        }
        if (upload == null) {
            throw new InvalidInputException("file", "send the new scan of the page as 'file'",
                    "cần tệp quét lại (file)");
        }
        ScanFile.requirePlainName(upload.name());
        ScanFile scan = ScanFile.accept(upload.name(), upload.content(), limits);
        ScanPages current = open(document);
        requirePage(number, current.count());
        ScanPages newScan = decoder.open(List.of(scan));
        int newPages = newScan.count();
        List<DocumentFile> files = repository.files(id);
        // the new pages judged; what the gate decodes is kept for the digitize job that follows (not for a draft)
        List<PageQualities.Judged> judged = qualities.judge(newScan,
                document.status() == DocumentStatus.DRAFT ? null : id, files.size());
        try {
            PagePlan.Page replacedPage = current.plan().pages().get(number - 1);
            int position = files.size() + 1;
            PagePlan replaced = current.plan().withPageReplaced(number, files.size(), newPages);
            if (replaced.pages().size() > limits.maxPages()) {
                throw new InvalidInputException("file", "the document would have " + replaced.pages().size()
                        + " pages; the limit is " + limits.maxPages(), "vượt số trang tối đa " + limits.maxPages());
            }
            ObjectKey key = ObjectKeys.rawScan(document.agencyCode(), document.dossierReceivedAt(),
                    document.dossierCode(), id, position, scan.format().name().toLowerCase());
            StoredObject stored = store.putNew(key, scan.content(), scan.format().mediaType(),
                    Map.of("document-id", id, "uploaded-by", principal.username()));
            transaction.executeWithoutResult(status -> {
                repository.insertFile(new DocumentFile(id, position, scan.name(), scan.format().mediaType(),
                        key.toString(), stored.sha256(), stored.size()));
                repository.plan(id, replaced.encoded(), replaced.pages().size());
                qualities.replaced(id, replacedPage);
                qualities.record(id, position, judged);
                if (document.status() != DocumentStatus.DRAFT) {
                    if (!repository.markReceived(id, EnumSet.of(DocumentStatus.DIGITIZED, DocumentStatus.FAILED))) {
                        throw new ConflictException("document " + id + " changed meanwhile; try again",
                                "tài liệu vừa thay đổi, hãy thử lại");
                    }
                    documents.scheduleDigitizing(id, true);
                }
                audit.record(principal.username(), principal.agencyCode(), AuditAction.PAGE_RESCANNED, id,
                        "page " + number + " replaced by " + scan.name() + " (" + newPages + " page(s))");
            });
        } catch (RuntimeException e) {
            decodedPages.forget(id); // no job follows: the kept pages go now
            throw e;
        }
        return repository.find(id).orElseThrow();
    }

    private DocumentRecord deskDocument(SohoaPrincipal principal, String id) {
        DocumentRecord document = documents.get(principal, id);
        if (!DESK.contains(principal.role())) {
            throw new ForbiddenException("only clerks and systems change a document's pages",
                    "chỉ cán bộ tiếp nhận mới được thay đổi trang của tài liệu");
        }
        return document;
    }

    private static void requirePage(int number, int count) {
        if (number < 1 || number > count) {
            throw new InvalidInputException("page", "page " + number + " does not exist; the document has " + count
                    + " page(s)", "không có trang " + number + " (tài liệu có " + count + " trang)");
        }
    }

    private static int boundedWidth(int width) {
        if (width < 16 || width > MAX_IMAGE_WIDTH) {
            throw new InvalidInputException("width", "width must be 16 to " + MAX_IMAGE_WIDTH + " pixels, got "
                    + width, "độ rộng ảnh phải từ 16 đến " + MAX_IMAGE_WIDTH + " điểm ảnh");
        }
        return width;
    }

    /** Scales down by halving, then one last bilinear step: sharp text at a fraction of area averaging's cost. */
    /**
     * The resolution that renders a page {@code width} pixels wide, lowered when the page is so tall for its width
     * that the image would exceed {@code MAX_IMAGE_WIDTH}² pixels: a page of 10 × 14 400 points would otherwise come
     * out 1 600 × 2 304 000 pixels, gigabytes.
     */
    static float previewDpi(float pageWidthPoints, float pageHeightPoints, int width) {
        float dpi = width * 72f / pageWidthPoints;
        double pixels = (double) width * (pageHeightPoints * dpi / 72f);
        double most = (double) MAX_IMAGE_WIDTH * MAX_IMAGE_WIDTH;
        return pixels <= most ? dpi : (float) (dpi * Math.sqrt(most / pixels));
    }

    static BufferedImage scaled(BufferedImage source, int width) {
        BufferedImage current = toRgb(source);
        if (current.getWidth() <= width) {
            return current;
        }
        int targetHeight = Math.max(1, Math.round(current.getHeight() * (float) width / current.getWidth()));
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, targetHeight);
    }

    private static BufferedImage toRgb(BufferedImage source) {
        return source.getType() == BufferedImage.TYPE_INT_RGB ? source
                : draw(source, source.getWidth(), source.getHeight());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
