package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.testkit.CscTestServer;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The service configured with a remote signing service (CSC API v2; {@link CscTestServer} stands in for a real
 * one, which cannot run here): the certifier certifies with their credential and PIN; a wrong PIN is the service's
 * clear refusal and the number taken is recorded void.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Order(10) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class RemoteSigningEndToEndTest {

    static final int PORT = EndToEndTest.freePort();
    static final Path HOME = EndToEndTest.temporaryHome();
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    static final String DOSSIER = "000.00.30.H42-261130-0001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static CscTestServer csc;
    static DevelopmentPki pki;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        EndToEndTest.embeddedDefaults(registry, PORT, HOME);
        // the service's own development PKI, made before it starts so that the remote key chains to its root
        String base = "http://127.0.0.1:" + PORT;
        pki = DevelopmentPki.openOrCreate(HOME.resolve("pki"),
                new DevelopmentPki.Endpoints(base + "/pki/dev-root-ca.crl", base + "/pki/ocsp"), ServiceTime.clock());
        var remoteKey = pki.issueOrLoad("held-remotely.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        csc = new CscTestServer("service-token", "an-credential", remoteKey.privateKey(), remoteKey.chain(),
                "2468");
        registry.add("sohoa.signing.remote.base-url", csc::baseUrl);
        registry.add("sohoa.signing.remote.access-token", () -> "service-token");
        // the remote signing service is on loopback here: the outbound policy reaches it only because it is named
        registry.add("sohoa.outbound.allowed-hosts", () -> "127.0.0.1:" + URI.create(csc.baseUrl()).getPort());
    }

    @Autowired
    Clock clock;

    @AfterAll
    static void stop() {
        csc.close();
    }

    @Test
    void aCertifierSignsWithTheirRemoteKeyAndAWrongPinVoidsOnlyItsNumber() throws Exception {
        SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + PORT);
        assertThat(api.postJson("/api/v1/dossiers", CLERK, "{\"code\":\"" + DOSSIER + "\",\"agencyCode\":"
                + "\"000.00.30.H42\",\"receivedAt\":\"2026-11-30T08:00:00+07:00\"}").statusCode()).isEqualTo(201);
        // a born-digital PDF keeps its own text: digitized without Tesseract (the OCR path has its own tests)
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy xác nhận"}}, new Object[][]{{"files", "a03.pdf",
                        Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}});
        String documentId = JSON.readTree(accepted.body()).get("id").asString();
        assertThat(api.awaitFinished(documentId, CLERK, Duration.ofSeconds(90)).get("status").asString())
                .isEqualTo("DIGITIZED");

        // the remote key's certificate is trusted, but signs for this certifier only once enrolled for them
        String remote = "/api/v1/documents/" + documentId + "/certifications/remote";
        HttpResponse<String> notEnrolled = api.postJson(remote, CERTIFIER, "{\"requester\":"
                + EndToEndTest.REQUESTER + ",\"credentialId\":\"an-credential\",\"pin\":\"2468\"}");
        assertThat(notEnrolled.statusCode()).as(notEnrolled.body()).isEqualTo(403);
        assertThat(notEnrolled.body()).contains("not enrolled for certifier");
        EndToEndTest.enrol(api, CERTIFIER, "certifier", pki.issueOrLoad("held-remotely.p12", "Nguyễn Văn An",
                "UBND xã Hòa Phong", DevelopmentPki.Purpose.PERSONAL_SIGNATURE).certificate());

        HttpResponse<String> wrongPin = api.postJson("/api/v1/documents/" + documentId + "/certifications/remote",
                CERTIFIER, "{\"requester\":" + EndToEndTest.REQUESTER
                        + ",\"credentialId\":\"an-credential\",\"pin\":\"1111\"}");
        assertThat(wrongPin.statusCode()).as(wrongPin.body()).isEqualTo(422);
        assertThat(wrongPin.body()).contains("invalid PIN").doesNotContain("1111");

        HttpResponse<String> certified = api.postJson("/api/v1/documents/" + documentId
                + "/certifications/remote", CERTIFIER, "{\"requester\":" + EndToEndTest.REQUESTER
                        + ",\"credentialId\":\"an-credential\",\"pin\":\"2468\"}");
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(201);
        JsonNode copy = JSON.readTree(certified.body());
        assertThat(copy.get("registerNumber").asLong()).isEqualTo(2);

        byte[] pdf = api.getBytes(copy.get("pdfUrl").asString(), CERTIFIER).body();
        SimpleReport report = DssJudge.validate(pdf, pki.rootCertificate(), clock.instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }

        JsonNode register = JSON.readTree(api.get("/api/v1/registers/000.00.30.H42/ELECTRONIC_COPY/"
                + copy.get("year").asInt(), CERTIFIER).body());
        assertThat(register.get("entries").get(0).get("status").asString()).isEqualTo("VOID");
        assertThat(register.get("entries").get(0).get("voidReason").asString()).contains("invalid PIN");
        assertThat(register.get("entries").get(1).get("status").asString()).isEqualTo("ISSUED");
    }
}
