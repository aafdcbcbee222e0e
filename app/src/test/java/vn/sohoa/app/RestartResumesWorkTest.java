package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.testkit.SharedCorpus;

/**
 * Work accepted by one run of the service is finished by the next: the digitize job lives in the database, not in
 * memory. The first run accepts an upload but polls for jobs only once an hour, then stops; the second run, on the
 * same data directory, finds the job and completes it.
 */
class RestartResumesWorkTest {

    @TempDir
    Path home;

    ConfigurableApplicationContext start(int port, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--sohoa.public-base-url=http://127.0.0.1:" + port);
        return ServiceNode.inThisJvm(home, port, List.of(), all.toArray(String[]::new));
    }

    @Test
    void anUnfinishedJobCompletesAfterARestart() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String clerk = SohoaHttpClient.basic("clerk", "demo-pass");
        String documentId;

        int firstPort = EndToEndTest.freePort();
        try (ConfigurableApplicationContext first = start(firstPort,
                "--db-scheduler.polling-interval=1h", "--db-scheduler.immediate-execution-enabled=false")) {
            SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + firstPort);
            assertThat(api.postJson("/api/v1/dossiers", clerk, "{\"code\":\"000.00.30.H42-261123-0042\","
                    + "\"agencyCode\":\"000.00.30.H42\",\"receivedAt\":\"2026-11-23T10:00:00+07:00\"}")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/000.00.30.H42-261123-0042/documents",
                    clerk, new String[][]{{"title", "Quyết định"}}, new Object[][]{{"files", "s09.jpg",
                            Files.readAllBytes(SharedCorpus.corpus("scans/s09_a02_jpeg-q10_200dpi.jpg"))}});
            assertThat(accepted.statusCode()).isEqualTo(202);
            documentId = json.readTree(accepted.body()).get("id").asString();
            Thread.sleep(1000);
            assertThat(json.readTree(api.get("/api/v1/documents/" + documentId, clerk).body())
                    .get("status").asString()).isEqualTo("RECEIVED");
        }

        int secondPort = EndToEndTest.freePort();
        try (ConfigurableApplicationContext second = start(secondPort)) {
            SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + secondPort);
            JsonNode status = api.awaitFinished(documentId, clerk, Duration.ofSeconds(90));
            assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
        }
    }
}
