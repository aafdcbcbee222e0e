package vn.sohoa.app.digitize;

import java.time.Duration;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.sohoa.app.config.JobQueues;
import vn.sohoa.app.document.DigitizationQueue;
import vn.sohoa.core.document.DocumentStatus;

/**
 * The OCR queue as the desk sees it: papers and pages waiting, those in work, and an estimate of the wait for a paper
 * uploaded now, from the seconds per page measured on the papers digitized lately. The queue is shared by every desk
 * and node (the jobs are in the database), so the figures are the cluster's; only "of your desks" is per caller.
 *
 * <p>The estimate divides the pages ahead by the number of papers in work: when there is a backlog every job slot of
 * every node is busy, so that number is the cluster's parallelism, and the measured seconds per page already include
 * how the pages of one paper share the cores.
 */
@Component
public class DigitizationBacklog {

    /** How many recent papers the seconds-per-page figure is measured on. */
    static final int MEASURED_PAPERS = 20;
    /** Papers digitized longer ago than this no longer say how fast OCR is. */
    static final Duration MEASURED_WITHIN = Duration.ofDays(7);
    /** A due job waiting this long while nothing is in work means no node is taking OCR jobs. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    /**
     * The queue now.
     *
     * @param papersWaiting        papers received and not yet started
     * @param pagesWaiting         their pages (a paper whose pages are not yet counted counts its files)
     * @param papersInWork         papers being recognised now
     * @param pagesLeftInWork      pages of those not yet recognised
     * @param yourPapersWaiting    of the papers waiting or in work, those of the caller's desks
     * @param secondsPerPage       measured on the last papers digitized; null before any was
     * @param estimatedWaitSeconds for a paper uploaded now to start; null when it cannot be estimated
     * @param oldestWaitSeconds    how long the longest-waiting due job has waited
     * @param stalled              papers wait but no node has taken one for {@link #STALLED_AFTER}
     */
    public record State(int papersWaiting, int pagesWaiting, int papersInWork, int pagesLeftInWork,
                        int yourPapersWaiting, Double secondsPerPage, Long estimatedWaitSeconds,
                        long oldestWaitSeconds, boolean stalled) {

        /** The estimate in whole minutes, at least one, for the pages. */
        public Long estimatedWaitMinutes() {
            return estimatedWaitSeconds == null ? null : Math.max(1, (estimatedWaitSeconds + 59) / 60);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JobQueues queues;

    public DigitizationBacklog(JdbcClient jdbc, Clock clock, JobQueues queues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queues = queues;
    }

    /** The queue, with "your papers" counted over {@code yourAgencies}. */
    public State now(Set<String> yourAgencies) {
        record Paper(String status, String agency, int pages, int done) {
        }
        List<Paper> open = jdbc.sql("select d.status, o.agency_code, coalesce(d.page_count, (select count(*) from "
                        + "document_files f where f.document_id = d.id)) as pages, d.pages_done from documents d "
                        + "join dossiers o on o.code = d.dossier_code where d.status in (?, ?)")
                .params(DocumentStatus.RECEIVED.name(), DocumentStatus.PROCESSING.name())
                .query((rs, n) -> new Paper(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
        int papersWaiting = 0;
        int pagesWaiting = 0;
        int papersInWork = 0;
        int pagesLeftInWork = 0;
        int yours = 0;
        for (Paper paper : open) {
            if (DocumentStatus.PROCESSING.name().equals(paper.status())) {
                papersInWork++;
                pagesLeftInWork += Math.max(0, paper.pages() - paper.done());
            } else {
                papersWaiting++;
                pagesWaiting += paper.pages();
            }
            if (yourAgencies.contains(paper.agency())) {
                yours++;
            }
        }
        Double secondsPerPage = secondsPerPage();
        Long estimate = secondsPerPage == null ? null
                : Math.round((pagesWaiting + pagesLeftInWork) * secondsPerPage / Math.max(1, papersInWork));
        long oldestWait = queues.oldestDueWait(DigitizationQueue.TASK.getTaskName()).toSeconds();
        boolean stalled = papersWaiting > 0 && papersInWork == 0 && oldestWait >= STALLED_AFTER.toSeconds();
        return new State(papersWaiting, pagesWaiting, papersInWork, pagesLeftInWork, yours, secondsPerPage,
                stalled ? null : estimate, oldestWait, stalled);
    }

    /** Wall-clock seconds per page of the papers digitized lately, from the start of their OCR to its end. */
    private Double secondsPerPage() {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(MEASURED_WITHIN);
        record Done(OffsetDateTime started, OffsetDateTime finished, int pages) {
        }
        List<Done> recent = jdbc.sql("select processing_started_at, digitized_at, page_count from documents "
                        + "where status = ? and processing_started_at is not null and digitized_at >= ? "
                        + "and page_count > 0 and reused_from is null order by digitized_at desc limit "
                        + MEASURED_PAPERS)
                .params(DocumentStatus.DIGITIZED.name(), since)
                .query((rs, n) -> new Done(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getInt(3))).list();
        long millis = 0;
        long pages = 0;
        for (Done done : recent) {
            long took = Duration.between(done.started(), done.finished()).toMillis();
            if (took >= 0) {
                millis += took;
                pages += done.pages();
            }
        }
        return pages == 0 ? null : millis / 1000.0 / pages;
    }
}
