package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.storage.EmbeddedObjectStoreServer;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The object store goes away and comes back, inside the test: the in-process S3 server is stopped and started on
 * the same port. Uploads during the outage answer 503 with Retry-After and leave nothing behind; readiness reports
 * the store down; a job caught by the outage retries with backoff and completes on its own once the store is back.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class StoreOutageTest {

    static final int PORT = EndToEndTest.freePort();
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final String DOSSIER = "000.00.30.H42-261124-0001";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EndToEndTest.embeddedDefaults(registry, PORT, EndToEndTest.temporaryHome());
        registry.add("db-scheduler.immediate-execution-enabled", () -> "false");
        registry.add("db-scheduler.polling-interval", () -> "1s");
        registry.add("sohoa.jobs.first-retry-delay", () -> "1s");
        registry.add("sohoa.jobs.max-retry-delay", () -> "2s");
        registry.add("sohoa.jobs.max-attempts", () -> "100");
    }

    @Autowired
    EmbeddedObjectStoreServer store;
    @Autowired
    JdbcClient jdbc;

    final SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + PORT);
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> upload() throws Exception {
        // a born-digital PDF keeps its own text: digitized without Tesseract (the OCR path has its own tests)
        return api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Quyết định"}}, new Object[][]{{"files", "a03.pdf",
                        Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}});
    }

    @Test
    void anOutageLosesNothingAndPendingWorkCompletesWhenTheStoreReturns() throws Exception {
        assertThat(api.postJson("/api/v1/dossiers", CLERK, "{\"code\":\"" + DOSSIER + "\",\"agencyCode\":"
                + "\"000.00.30.H42\",\"receivedAt\":\"2026-11-24T08:00:00+07:00\"}").statusCode()).isEqualTo(201);

        store.server().stop();
        try {
            HttpResponse<String> readiness = api.get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");

            HttpResponse<String> refused = upload();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            assertThat(json.readTree(refused.body()).get("type").asString()).endsWith("/store-unavailable");
            assertThat(json.readTree(api.get("/api/v1/dossiers/" + DOSSIER, CLERK).body()).get("documents"))
                    .isEmpty();
            assertThat(jdbc.sql("select count(*) from stored_objects").query(Long.class).single()).isZero();
        } finally {
            store.server().start();
        }

        HttpResponse<String> accepted = upload();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json.readTree(accepted.body()).get("id").asString();
        store.server().stop();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long failures = 0;
            while (failures == 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                failures = jdbc.sql("select coalesce(max(consecutive_failures), 0) from scheduled_tasks "
                        + "where task_instance = ?").param(id).query(Long.class).single();
            }
            assertThat(failures).as("the job tried while the store was away and is scheduled again").isPositive();
            assertThat(status(id)).isNotEqualTo("DIGITIZED").isNotEqualTo("FAILED");
        } finally {
            store.server().start();
        }

        String status = api.awaitFinished(id, CLERK, Duration.ofSeconds(90)).get("status").asString();
        assertThat(status).isEqualTo("DIGITIZED");
        assertThat(api.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    String status(String id) throws Exception {
        JsonNode document = json.readTree(api.get("/api/v1/documents/" + id, CLERK).body());
        return document.get("status").asString();
    }
}
