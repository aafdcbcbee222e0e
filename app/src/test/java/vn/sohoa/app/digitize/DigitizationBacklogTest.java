package vn.sohoa.app.digitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;
import vn.sohoa.app.config.JobQueues;

/** The desk's view of the OCR queue, on the service's own schema (H2 with its migrations), at a fixed instant. */
class DigitizationBacklogTest {

    private static final Instant NOW = Instant.parse("2031-03-04T02:00:00Z");

    private HikariDataSource database;
    private JdbcClient jdbc;
    private DigitizationBacklog backlog;

    @BeforeEach
    void schema() {
        database = TestDatabases.migratedH2("backlog");
        jdbc = JdbcClient.create(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        backlog = new DigitizationBacklog(jdbc, clock, new JobQueues(jdbc, () -> NOW));
        jdbc.sql("insert into agencies (code, name, level) values ('A', 'Xã A', 'COMMUNE'), ('B', 'Xã B', 'COMMUNE')")
                .update();
        jdbc.sql("insert into dossiers (code, agency_code, received_at, created_by) values (?, 'A', ?, 'lan'), "
                + "(?, 'B', ?, 'minh')").params("DA", at(-60), "DB", at(-60)).update();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static OffsetDateTime at(long secondsFromNow) {
        return NOW.plusSeconds(secondsFromNow).atOffset(ZoneOffset.UTC);
    }

    private String paper(String dossier, String status, Integer pages, int done) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into documents (id, dossier_code, title, status, page_count, pages_done, uploaded_by) "
                + "values (?, ?, 'giấy tờ', ?, ?, ?, 'lan')").params(id, dossier, status, pages, done).update();
        return id;
    }

    private void digitized(String dossier, int pages, Duration took, long endedSecondsAgo) {
        String id = paper(dossier, "DIGITIZED", pages, pages);
        jdbc.sql("update documents set processing_started_at = ?, digitized_at = ? where id = ?")
                .params(at(-endedSecondsAgo - took.toSeconds()), at(-endedSecondsAgo), id).update();
    }

    private void due(String documentId, long secondsAgo) {
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                + "values ('digitize-document', ?, ?, false, 1)").params(documentId, at(-secondsAgo)).update();
    }

    @Test
    void anEmptyQueueHasNothingToWaitFor() {
        DigitizationBacklog.State state = backlog.now(Set.of("A"));
        assertThat(state.papersWaiting()).isZero();
        assertThat(state.secondsPerPage()).as("nothing measured yet").isNull();
        assertThat(state.estimatedWaitSeconds()).isNull();
        assertThat(state.stalled()).isFalse();
    }

    @Test
    void theWaitIsThePagesAheadAtTheMeasuredRateSharedByThePapersInWork() {
        // measured: 10 pages in 40 s and 30 pages in 80 s → 120 s / 40 pages = 3 s a page
        digitized("DA", 10, Duration.ofSeconds(40), 600);
        digitized("DB", 30, Duration.ofSeconds(80), 300);
        // long ago: no longer counts
        digitized("DB", 5, Duration.ofSeconds(5000), Duration.ofDays(8).toSeconds());
        // waiting: 6 + 4 pages (A) and 2 files of a paper not yet counted (B); in work: 2 papers with 3 and 5 left
        due(paper("DA", "RECEIVED", 6, 0), 30);
        paper("DA", "RECEIVED", 4, 0);
        String uncounted = paper("DB", "RECEIVED", null, 0);
        for (int position = 1; position <= 2; position++) {
            jdbc.sql("insert into document_files (document_id, position, original_name, media_type, object_key, "
                    + "sha256, size_bytes) values (?, ?, 'a.jpg', 'image/jpeg', ?, 'x', 1)")
                    .params(uncounted, position, "k" + position).update();
        }
        paper("DA", "PROCESSING", 4, 1);
        paper("DB", "PROCESSING", 7, 2);

        DigitizationBacklog.State state = backlog.now(Set.of("A"));
        assertThat(state.papersWaiting()).isEqualTo(3);
        assertThat(state.pagesWaiting()).isEqualTo(12);
        assertThat(state.papersInWork()).isEqualTo(2);
        assertThat(state.pagesLeftInWork()).isEqualTo(8);
        assertThat(state.yourPapersWaiting()).as("A's papers waiting or in work").isEqualTo(3);
        assertThat(state.secondsPerPage()).isEqualTo(3.0);
        // (12 + 8) pages × 3 s ÷ 2 papers in work at once
        assertThat(state.estimatedWaitSeconds()).isEqualTo(30);
        assertThat(state.estimatedWaitMinutes()).isEqualTo(1);
        assertThat(state.oldestWaitSeconds()).isEqualTo(30);
        assertThat(state.stalled()).isFalse();
    }

    @Test
    void papersWaitingWithNoNodeTakingThemAreAStallNotAnEstimate() {
        digitized("DA", 10, Duration.ofSeconds(40), 600);
        due(paper("DA", "RECEIVED", 6, 0), 400);
        DigitizationBacklog.State state = backlog.now(Set.of("B"));
        assertThat(state.stalled()).isTrue();
        assertThat(state.estimatedWaitSeconds()).isNull();
        assertThat(state.oldestWaitSeconds()).isEqualTo(400);
        assertThat(state.yourPapersWaiting()).isZero();
    }
}
