package vn.sohoa.app.quality;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.PagePlan;
import vn.sohoa.ingest.ScanPages;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.quality.PageQuality;
import vn.sohoa.ocr.quality.QualityFinding;
import vn.sohoa.ocr.quality.QualityReason;
import vn.sohoa.ocr.quality.QualityVerdict;
import vn.sohoa.ocr.quality.ScanQuality;

/**
 * The scan-quality verdicts of a document's pages: judged when the scan arrives (before OCR, while the citizen is
 * still at the desk), completed with the recognition's confidence after OCR, kept per uploaded page (file and page
 * in it) so that arranging and rescanning pages keeps each verdict with its page. A page replaced by a rescan keeps
 * its row, marked replaced: the statistics count the pages rescanned.
 */
@Component
public class PageQualities {

    /** One uploaded page judged: which file (0-based, in upload order) and page in it. */
    public record Judged(int file, int pageInFile, PageQuality quality) {
    }

    private static final AtomicInteger JUDGE_THREADS = new AtomicInteger();

    private final ScanQuality gate;
    /** Judges pages in parallel, one per core. */
    private final ExecutorService judges;
    private final QualitySettings settings;
    private final DecodedPageCache decoded;
    private final JdbcClient jdbc;
    private final Clock clock;

    PageQualities(ScanQuality gate, QualitySettings settings, DecodedPageCache decoded, JdbcClient jdbc, Clock clock) {
        this.judges = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "scan-quality-" + JUDGE_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.gate = gate;
        this.settings = settings;
        this.decoded = decoded;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Judges every page (none when the gate is off), on every core: the clerk of a 40-page bundle waits for the
     * answer. Each page is decoded on the thread that judges it, so memory holds one page per core, and kept for the
     * digitize job of {@code documentId} that follows (null: kept for none), so that the job does not decode it
     * again; {@code firstFile} is the index of the pages' first file among the document's files (0 for a new upload).
     */
    public List<Judged> judge(ScanPages pages, String documentId, int firstFile) {
        List<Judged> judged = new ArrayList<>();
        if (!settings.enabled()) {
            return judged;
        }
        List<PagePlan.Page> plan = pages.plan().pages();
        List<Future<PageQuality>> pending = new ArrayList<>(pages.count());
        for (int number = 1; number <= pages.count(); number++) {
            int page = number;
            PagePlan.Page ref = plan.get(number - 1);
            pending.add(judges.submit(() -> {
                PageImage image = pages.page(page);
                if (documentId != null && ref.clockwiseDegrees() == 0) {
                    decoded.keep(documentId, firstFile + ref.file(), ref.pageInFile(), image);
                }
                return gate.assess(image);
            }));
        }
        try {
            for (int i = 0; i < pending.size(); i++) {
                PagePlan.Page ref = plan.get(i);
                judged.add(new Judged(ref.file(), ref.pageInFile(), pending.get(i).get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging the scan's pages", e);
        } catch (ExecutionException e) {
            // a page that cannot be decoded throws its own typed error (bad input): hand it on as it is
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("judging a page failed", e.getCause());
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
        return judged;
    }

    @PreDestroy
    void stop() {
        judges.shutdownNow();
    }

    /**
     * The pages that must be scanned again, numbered as in {@code judged}: what {@code ?quality=strict} refuses.
     */
    public static List<PageQualityView> toRescan(List<Judged> judged) {
        List<PageQualityView> refused = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            PageQuality quality = judged.get(i).quality();
            if (quality.verdict() == QualityVerdict.RESCAN) {
                refused.add(PageQualityView.of(i + 1, quality.findings(), null));
            }
        }
        return refused;
    }

    /**
     * Records the verdicts of pages uploaded as file {@code firstPosition} and the ones after it (the document's files
     * are numbered from 1), in the caller's transaction.
     */
    public void record(String documentId, int firstPosition, List<Judged> judged) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Judged page : judged) {
            jdbc.sql("insert into page_quality (document_id, file_position, page_in_file, verdict, findings, "
                            + "judged_at) values (?, ?, ?, ?, ?, ?)")
                    .params(documentId, firstPosition + page.file(), page.pageInFile(), page.quality().verdict().name(),
                            encode(page.quality().findings()), now)
                    .update();
        }
    }

    /** Marks the page at {@code ref} (before the rescan) replaced, in the caller's transaction. */
    public void replaced(String documentId, PagePlan.Page ref) {
        jdbc.sql("update page_quality set replaced_at = ? where document_id = ? and file_position = ? "
                        + "and page_in_file = ? and replaced_at is null")
                .params(OffsetDateTime.now(clock), documentId, ref.file() + 1, ref.pageInFile()).update();
    }

    /** After OCR: each page's mean word confidence, and a finding when it is below the limit. */
    public void recognised(String documentId, PagePlan plan, List<OcrPage> pages) {
        Map<String, Row> rows = rows(documentId);
        for (int i = 0; i < pages.size() && i < plan.pages().size(); i++) {
            PagePlan.Page ref = plan.pages().get(i);
            Row row = rows.get(key(ref));
            if (row == null) {
                continue; // uploaded before the gate, or with the gate off
            }
            double confidence = ScanQuality.meanConfidence(pages.get(i));
            List<QualityFinding> findings = new ArrayList<>(row.findings().stream()
                    .filter(finding -> finding.reason() != QualityReason.LOW_CONFIDENCE).toList());
            gate.afterRecognition(confidence).ifPresent(findings::add);
            jdbc.sql("update page_quality set verdict = ?, findings = ?, mean_confidence = ? where document_id = ? "
                            + "and file_position = ? and page_in_file = ?")
                    .params(QualityVerdict.worstOf(findings).name(), encode(findings),
                            confidence < 0 ? null : confidence, documentId, ref.file() + 1, ref.pageInFile())
                    .update();
        }
    }

    /** The verdicts of the document's pages as arranged now, page by page; empty when none was judged. */
    public List<PageQualityView> views(String documentId, PagePlan plan) {
        Map<String, Row> rows = rows(documentId);
        List<PageQualityView> views = new ArrayList<>();
        if (rows.isEmpty() || plan == null) {
            return views;
        }
        for (int i = 0; i < plan.pages().size(); i++) {
            PagePlan.Page ref = plan.pages().get(i);
            Row row = rows.get(key(ref));
            if (row != null) {
                views.add(PageQualityView.of(i + 1, row.findings(), row.meanConfidence()));
            }
        }
        return views;
    }

    private record Row(List<QualityFinding> findings, Double meanConfidence) {
    }

    private Map<String, Row> rows(String documentId) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("select file_position, page_in_file, findings, mean_confidence from page_quality "
                        + "where document_id = ? and replaced_at is null")
                .param(documentId)
                .query(rs -> {
                    double confidence = rs.getDouble("mean_confidence");
                    Double recognised = rs.wasNull() ? null : confidence;
                    rows.put(key(rs.getInt("file_position"), rs.getInt("page_in_file")),
                            new Row(decode(rs.getString("findings")), recognised));
                });
        return rows;
    }

    private static String key(int filePosition, int pageInFile) {
        return filePosition + ":" + pageInFile;
    }

    /** The key of a page of the plan: its file's position (the plan counts files from 0, the table from 1). */
    private static String key(PagePlan.Page ref) {
        return key(ref.file() + 1, ref.pageInFile());
    }

    /** Findings as stored: {@code REASON:MEASURE:measured:limit} separated by semicolons. */
    static String encode(List<QualityFinding> findings) {
        StringBuilder text = new StringBuilder();
        for (QualityFinding finding : findings) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(finding.reason().name()).append(':').append(finding.measure().name()).append(':')
                    .append(finding.measured()).append(':').append(finding.limit());
        }
        return text.toString();
    }

    static List<QualityFinding> decode(String encoded) {
        List<QualityFinding> findings = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return findings;
        }
        for (String entry : encoded.split(";")) {
            String[] parts = entry.split(":");
            findings.add(new QualityFinding(QualityReason.valueOf(parts[0]), QualityFinding.Measure.valueOf(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
        }
        return findings;
    }
}
