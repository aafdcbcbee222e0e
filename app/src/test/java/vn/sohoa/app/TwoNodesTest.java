package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service processes sharing one PostgreSQL schema and one object store (an S3 server over HTTP), as a scaled-out
 * deployment runs: uploads and certifications sent to both split the digitize jobs between the nodes (db-scheduler
 * claims each job once), no document is digitized twice, every copy verifies on either node, and the register's
 * numbers stay consecutive with none taken twice. Tagged {@code postgres}: H2 is a single-node database.
 */
@Tag("postgres")
class TwoNodesTest extends MultiNodeTest {

    static final String DOSSIER = "000.00.30.H42-261130-0901";
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int DOCUMENTS = 6;
    static final int CERTIFICATIONS = 8;

    Process node(String name, int port, int publicPort, String... more) throws Exception {
        // one public address for both, as behind a load balancer (the development PKI names it in its certificates)
        return node(name, port, publicPort, java.util.Map.of(), more);
    }

    @Test
    void twoNodesSplitTheJobsWithoutDoingAnyTwiceAndKeepTheRegisterGapFree() throws Exception {
        share("sohoa_nodes_");
        int portA = EndToEndTest.freePort();
        int portB = EndToEndTest.freePort();
        // one after the other: the first creates the schema, the accounts and the development PKI
        node("node-a", portA, portA);
        node("node-b", portB, portA, "--sohoa.hot-folder.enabled=false");
        List<SohoaHttpClient> apis = List.of(new SohoaHttpClient("http://127.0.0.1:" + portA),
                new SohoaHttpClient("http://127.0.0.1:" + portB));

        assertThat(apis.get(1).postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(DOSSIER, AGENCY)).statusCode()).isEqualTo(201);
        byte[] scan = headOfPage("a03.png");
        List<String> documents = new ArrayList<>();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            SohoaHttpClient api = apis.get(i % 2);
            int n = i;
            uploads.add(clerks.submit(() -> api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                    new String[][]{{"title", "Giấy tờ " + n}}, new Object[][]{{"files", "a03.png", scan}})));
        }
        for (Future<HttpResponse<String>> upload : uploads) {
            HttpResponse<String> answer = upload.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            documents.add(JSON.readTree(answer.body()).get("id").asString());
        }
        for (int i = 0; i < documents.size(); i++) {
            // each node sees every document, whichever node took it
            JsonNode status = apis.get((i + 1) % 2).awaitFinished(documents.get(i), CLERK, Duration.ofSeconds(180));
            assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
        }

        List<String> byA = digitizedBy("node-a");
        List<String> byB = digitizedBy("node-b");
        assertThat(byA).as("node A did part of the work").isNotEmpty();
        assertThat(byB).as("node B did part of the work").isNotEmpty();
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        assertThat(all).as("every document digitized once, by one node").hasSize(DOCUMENTS)
                .containsExactlyInAnyOrderElementsOf(documents);

        // the development PKI issues the certifier's key on first use, in the shared home: once, on one node
        // (production keys exist beforehand, in PKCS#12 files or an HSM that both nodes reach)
        List<Future<HttpResponse<String>>> certified = new ArrayList<>();
        certified.add(java.util.concurrent.CompletableFuture.completedFuture(apis.get(0).postJson("/api/v1/documents/"
                + documents.get(0) + "/certifications", CERTIFIER, EndToEndTest.REQUEST)));
        // then certifications sent to both nodes at once draw from one register
        for (int i = 1; i < CERTIFICATIONS; i++) {
            SohoaHttpClient api = apis.get(i % 2);
            String document = documents.get(i % documents.size());
            certified.add(clerks.submit(() -> api.postJson("/api/v1/documents/" + document + "/certifications",
                    CERTIFIER, EndToEndTest.REQUEST)));
        }
        Set<Long> numbers = new HashSet<>();
        List<String> copies = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : certified) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode copy = JSON.readTree(response.body());
            assertThat(numbers.add(copy.get("registerNumber").asLong())).as("a number taken twice").isTrue();
            copies.add(copy.get("id").asString());
        }
        clerks.shutdown();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, CERTIFICATIONS).boxed().toList());
        JsonNode register = JSON.readTree(apis.get(0).get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/"
                + ServiceTime.MONTH.getYear(), CERTIFIER).body());
        assertThat(register.get("entries")).hasSize(CERTIFICATIONS);
        register.get("entries").forEach(entry -> assertThat(entry.get("status").asString()).isEqualTo("ISSUED"));

        // a copy made on one node is read and verified on the other, from the shared store
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> pdf = apis.get((i + 1) % 2).getBytes("/api/v1/certified-copies/" + copies.get(i)
                    + "/pdf", CERTIFIER);
            assertThat(pdf.statusCode()).isEqualTo(200);
            HttpResponse<String> verdict = apis.get(i % 2).postMultipart("/api/v1/verifications", CERTIFIER,
                    new String[][]{}, new Object[][]{{"file", "copy.pdf", pdf.body()}});
            assertThat(JSON.readTree(verdict.body()).get("valid").asBoolean()).as(verdict.body()).isTrue();
        }

        // a web session opened on one node is served by the other (sessions live in the database), and a password
        // reset on either ends it on both
        java.net.http.HttpClient browser = EndToEndTest.signedIn("http://127.0.0.1:" + portA, "supervisor",
                "demo-pass");
        assertThat(EndToEndTest.page(browser, "http://127.0.0.1:" + portB + "/statistics").statusCode())
                .as("node B knows node A's session").isEqualTo(200);
        assertThat(apis.get(1).send("PATCH", "/api/v1/users/supervisor", EndToEndTest.ADMIN, "application/json",
                "{\"password\":\"reset-by-the-admin\"}").statusCode()).isEqualTo(200);
        for (int port : new int[]{portA, portB}) {
            assertThat(EndToEndTest.page(browser, "http://127.0.0.1:" + port + "/statistics").statusCode())
                    .as("the session ended on " + port).isEqualTo(302);
        }
    }
}
