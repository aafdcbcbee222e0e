package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.testkit.SharedCorpus;

/**
 * {@code kill -9} of the service, a real separate process on its embedded defaults, while scans are being digitized
 * and copies certified at the same time; the service started again on the same data directory must lose nothing that
 * was accepted: every upload answered 202 ends DIGITIZED, and the register holds every number from 1 up, each ISSUED
 * with its copy or VOID with its reason — none duplicated, none skipped, none left PENDING.
 */
@Order(6) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class CrashSafetyTest {

    static final String AGENCY = "000.00.30.H42";
    static final String DOSSIER = "000.00.30.H42-261130-0501";
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Kept when the test fails: the service's log is there ({@code service.log}). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;
    @RegisterExtension
    final KeptLogs keptLogs = new KeptLogs(() -> home);

    /** The service's settings, the same for the process that is killed and for the service that comes back. */
    static String[] settings(int port) {
        return new String[]{"--sohoa.public-base-url=http://127.0.0.1:" + port,
                // a number left pending by the crash is settled this long after it was taken: longer than a
                // certification takes on a busy machine (with 5 s, one was once settled in the middle of its signing)
                "--sohoa.certification.interrupted-after=20s",
                // and looked for every 2 s instead of every minute
                "--sohoa.certification.settle-every=2s"};
    }

    /** The service in a JVM of its own on the test's data directory: the one that is killed. */
    Process start(int port) throws IOException, InterruptedException {
        return ServiceNode.start(home, port, home.resolve("service.log"), List.of(), Map.of(), settings(port));
    }

    static void kill(Process service) throws InterruptedException {
        ServiceNode.kill(service);
    }

    /** How many numbers of the register have {@code status} now. */
    static long count(SohoaHttpClient api, String register, String status) throws IOException, InterruptedException {
        long count = 0;
        for (JsonNode entry : JSON.readTree(api.get(register, CERTIFIER).body()).get("entries")) {
            count += entry.get("status").asString().equals(status) ? 1 : 0;
        }
        return count;
    }

    @Test
    void nothingAcceptedIsLostAndNoRegisterNumberIsDuplicatedOrSkippedAcrossKills() throws Exception {
        List<Path> scans = List.of(SharedCorpus.corpus("scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg"),
                SharedCorpus.corpus("scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg"),
                SharedCorpus.corpus("scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg"));

        // Every run keeps the port: the development PKI's certificates name its OCSP responder and CRL at the
        // service's own address.
        int port = EndToEndTest.freePort();
        Process service = start(port);
        SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + port);
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(DOSSIER, AGENCY)).statusCode()).isEqualTo(201);
        // the original to certify: a born-digital PDF, digitized in a moment (its text is kept, no recognition)
        String original = accept(api, "a03.pdf", Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf")));
        assertThat(api.awaitFinished(original, CLERK, Duration.ofSeconds(60)).get("status").asString())
                .isEqualTo("DIGITIZED");

        // scans stored and being recognised, and copies being certified, all at once
        List<String> accepted = new ArrayList<>();
        for (Path scan : scans) {
            accepted.add(accept(api, scan.getFileName().toString(), Files.readAllBytes(scan)));
        }
        String register = "/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + ServiceTime.MONTH.getYear();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> api.postJson("/api/v1/documents/" + original + "/certifications", CERTIFIER,
                    EndToEndTest.REQUEST));
        }
        // killed in the middle of the burst, while numbers are taken and their copies being signed, and while the
        // scans are still being recognised (each takes seconds)
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until && count(api, register, "PENDING") < 2) {
            Thread.sleep(20);
        }
        List<String> digitizedBeforeTheKill = new ArrayList<>();
        for (String document : accepted) {
            if (JSON.readTree(api.get("/api/v1/documents/" + document, CLERK).body()).get("status").asString()
                    .equals("DIGITIZED")) {
                digitizedBeforeTheKill.add(document);
            }
        }
        kill(service);
        pool.shutdownNow();
        assertThat(digitizedBeforeTheKill).as("the kill caught scans in recognition").hasSizeLessThan(scans.size());

        // the service that comes back runs in this JVM (it is not killed: a second cold JVM's start would only cost
        // CPU); what it finds on the data directory and in the database is what the killed process left
        try (ConfigurableApplicationContext restarted = ServiceNode.inThisJvm(home, port, List.of(), settings(port))) {
            // every upload answered 202 ends DIGITIZED
            for (String document : accepted) {
                JsonNode status = api.awaitFinished(document, CLERK, Duration.ofSeconds(120));
                assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
            }
            // numbers the crash left PENDING are settled by the recurring job (every 2 s here) after 20 s
            JsonNode entries = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (System.nanoTime() < deadline) {
                entries = JSON.readTree(api.get(register, CERTIFIER).body()).get("entries");
                boolean pending = false;
                for (JsonNode entry : entries) {
                    pending |= entry.get("status").asString().equals("PENDING");
                }
                if (!pending) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(entries).as("some numbers were taken before the kill").isNotEmpty();
            int interrupted = 0;
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                assertThat(entry.get("number").asLong()).as("gap-free from 1: " + entries).isEqualTo(i + 1);
                String status = entry.get("status").asString();
                assertThat(status).as(entry.toString()).isIn("ISSUED", "VOID");
                if (status.equals("VOID")) {
                    assertThat(entry.get("voidReason").asString()).isNotBlank();
                    interrupted += entry.get("voidReason").asString().contains("interrupted") ? 1 : 0;
                } else {
                    JsonNode copies = JSON.readTree(api.get("/api/v1/certified-copies?agencyCode=" + AGENCY
                            + "&year=" + ServiceTime.MONTH.getYear() + "&registerNumber="
                            + entry.get("number").asLong(), CERTIFIER).body());
                    assertThat(copies).as("an ISSUED number has its copy: " + entry).isNotEmpty();
                    assertThat(api.getBytes("/api/v1/certified-copies/" + copies.get(0).get("id").asString()
                            + "/pdf", CERTIFIER).statusCode()).isEqualTo(200);
                }
            }
            assertThat(interrupted).as("the kill caught certifications in flight: " + entries).isPositive();
            // the service goes on numbering after the last number, VOID or not
            HttpResponse<String> next = api.postJson("/api/v1/documents/" + accepted.get(0) + "/certifications",
                    CERTIFIER, EndToEndTest.REQUEST);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            assertThat(JSON.readTree(next.body()).get("registerNumber").asLong()).isEqualTo(entries.size() + 1L);
        }
    }

    /** Uploads one file into the dossier; returns the document's id once the service has answered 202. */
    static String accept(SohoaHttpClient api, String name, byte[] content) throws IOException, InterruptedException {
        HttpResponse<String> answer = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", name}}, new Object[][]{{"files", name, content}});
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asString();
    }
}
