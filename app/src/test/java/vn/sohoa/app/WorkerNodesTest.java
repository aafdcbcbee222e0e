package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One web node and two worker processes on one PostgreSQL schema and one S3 server, as a province adds OCR capacity:
 * the web node takes the uploads and runs no job, the workers serve no user and split the OCR; a worker killed
 * (SIGKILL) in the middle of a paper loses nothing (the other takes the job once the dead one's heartbeats stop),
 * and a worker stopped (SIGTERM) in the middle of a long paper gives it back at once and exits within its grace
 * period. Every paper is digitized exactly once. Tagged {@code postgres}: split roles need a shared database.
 */
@Tag("postgres")
@Order(3) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class WorkerNodesTest extends MultiNodeTest {

    static final String DOSSIER = "000.00.30.H42-261130-0902";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Short, so that a long paper cannot finish within it and is given back. */
    static final Duration GRACE = Duration.ofSeconds(2);

    Process node(String name, String role, int port, int publicPort) throws Exception {
        return node(name, port, publicPort, Map.of("SOHOA_NODE_ROLE", role),
                "--sohoa.node.shutdown-grace=" + GRACE.toSeconds() + "s");
    }

    /** The node whose scheduler has taken the document's job and recognised at least one of its pages, if any. */
    Optional<String> inWorkOn(String documentId) throws Exception {
        try (Connection db = DriverManager.getConnection(shared.databaseUrl(), TestDatabases.pgUser(),
                TestDatabases.pgPassword());
             PreparedStatement query = db.prepareStatement("select t.picked_by from scheduled_tasks t join "
                     + "documents d on d.id = t.task_instance where t.task_name = 'digitize-document' and t.picked "
                     + "and t.task_instance = ? and d.pages_done >= 1 and d.pages_done < d.page_count")) {
            query.setString(1, documentId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    String awaitInWork(String documentId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> worker = inWorkOn(documentId);
            if (worker.isPresent()) {
                return worker.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no worker took " + documentId);
    }

    String upload(SohoaHttpClient web, String title, int pages) throws Exception {
        List<Object[]> files = new ArrayList<>();
        String[] corpus = {"a01.png", "a02.png", "a03.png", "a04.png", "a05.png", "a06.png", "a07.png"};
        for (int i = 0; i < pages; i++) {
            String name = corpus[i % corpus.length];
            files.add(new Object[]{"files", i + "-" + name, headOfPage(name)});
        }
        HttpResponse<String> answer = web.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", title}}, files.toArray(Object[][]::new));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asString();
    }

    @Test
    void workersAddCapacityAndAKilledOrStoppedWorkerLosesNoPaper() throws Exception {
        share("sohoa_workers_");
        int webPort = EndToEndTest.freePort();
        int[] workerPorts = {EndToEndTest.freePort(), EndToEndTest.freePort()};
        // the web node first: it creates the schema, the accounts and the development PKI; it runs in this JVM (it
        // is neither killed nor signalled), the workers in processes of their own
        nodeInThisJvm("web", webPort, webPort, "--sohoa.node.role=web",
                "--sohoa.node.shutdown-grace=" + GRACE.toSeconds() + "s");
        Process[] workers = {node("worker-1", "worker", workerPorts[0], webPort),
                node("worker-2", "worker", workerPorts[1], webPort)};
        SohoaHttpClient web = new SohoaHttpClient("http://127.0.0.1:" + webPort);

        // a worker serves health and metrics, no user
        SohoaHttpClient worker = new SohoaHttpClient("http://127.0.0.1:" + workerPorts[0]);
        HttpResponse<String> refused = worker.get("/api/v1/dossiers", CLERK);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("sohoa.node.role=worker");
        assertThat(worker.get("/login", null).statusCode()).isEqualTo(404);
        assertThat(worker.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        assertThat(web.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(DOSSIER, AGENCY)).statusCode()).isEqualTo(201);
        List<String> documents = new ArrayList<>();
        // a long paper first, then short ones: kill the worker that is in the middle of the long one
        String longPaper = upload(web, "Sổ hộ khẩu (nhiều trang)", 4);
        documents.add(longPaper);
        for (int i = 0; i < 2; i++) {
            documents.add(upload(web, "Giấy tờ " + i, 1));
        }
        String victim = awaitInWork(longPaper);
        int killed = victim.equals("worker-1") ? 0 : 1;
        ServiceNode.kill(workers[killed]);

        for (String document : documents) {
            JsonNode status = web.awaitFinished(document, CLERK, Duration.ofSeconds(240));
            assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
        }
        String survivor = killed == 0 ? "worker-2" : "worker-1";
        assertThat(digitizedBy("web")).as("the web node runs no job").isEmpty();
        assertThat(digitizedBy(victim)).as("the killed worker finished nothing it held").doesNotContain(longPaper);
        assertThat(digitizedBy(survivor)).as("the survivor took the killed worker's paper").contains(longPaper);
        List<String> all = new ArrayList<>(digitizedBy("worker-1"));
        all.addAll(digitizedBy("worker-2"));
        assertThat(all).as("every paper digitized once").containsExactlyInAnyOrderElementsOf(documents);

        // the killed worker comes back; then SIGTERM to whichever worker is in the middle of another long paper:
        // it gives the paper back at once and exits within its grace, and the other worker digitizes it
        workers[killed] = node(victim + "-again", "worker", workerPorts[killed], webPort);
        // long enough that the pages left after the first cannot be read within the grace period
        String secondLong = upload(web, "Hợp đồng (nhiều trang)", 10);
        documents.add(secondLong);
        String holder = awaitInWork(secondLong);
        Process stopping = holder.equals(survivor) ? workers[1 - killed] : workers[killed];
        long signalled = System.nanoTime();
        stopping.destroy(); // SIGTERM
        assertThat(stopping.waitFor(GRACE.toSeconds() + 20, TimeUnit.SECONDS)).as("exited within its grace").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        assertThat(stopping.exitValue()).as("an orderly exit, after " + took).isIn(0, 143);
        assertThat(Files.readString(home.resolve(holder + ".log"))).contains("released: the node is stopping");
        JsonNode status = web.awaitFinished(secondLong, CLERK, Duration.ofSeconds(240));
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
        all = new ArrayList<>();
        for (String name : List.of("worker-1", "worker-2", victim + "-again")) {
            all.addAll(digitizedBy(name));
        }
        assertThat(all).as("every paper digitized once").containsExactlyInAnyOrderElementsOf(documents);
        assertThat(digitizedBy(holder)).doesNotContain(secondLong);
    }
}
