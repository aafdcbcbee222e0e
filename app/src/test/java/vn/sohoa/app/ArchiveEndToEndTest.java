package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.validation.reports.Reports;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.certify.ArchiveRenewal;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.FreePort;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * Copies issued at PAdES-BASELINE-LTA (sohoa.certification.level=LTA), and the renewal job: with a renewal margin
 * longer than any certificate's life, every LTA copy is due at once, so one run must add a time-stamp to each and
 * keep every version.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Order(8) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class ArchiveEndToEndTest {

    static final int PORT = EndToEndTest.freePort();
    static final Path HOME = EndToEndTest.temporaryHome();
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    static final String DOSSIER = "000.00.30.H42-261130-0002";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EndToEndTest.embeddedDefaults(registry, PORT, HOME);
        registry.add("sohoa.certification.level", () -> "LTA");
        registry.add("sohoa.certification.archive-renewal-margin", () -> "36500d");
        // copies above 1 KB (all of them) are e-mailed as a download link instead of an attachment
        MAIL.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("sohoa.delivery.email-enabled", () -> "true");
        registry.add("sohoa.delivery.max-attachment-size", () -> "1KB");
    }

    static final GreenMail MAIL = new GreenMail(
            new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    ArchiveRenewal renewal;
    @Autowired
    Clock clock;

    X509Certificate root() throws Exception {
        try (var in = Files.newInputStream(HOME.resolve("pki/dev-root-ca.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    void assertLta(byte[] pdf, int timestamps) throws Exception {
        Reports reports = DssJudge.validate(pdf, root(), clock.instant());
        var simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getIndication(id)).as("%s %s", id, simple.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        }
        assertThat(reports.getDiagnosticData().getTimestampList()).hasSize(timestamps);
        // every time-stamp, the signatures' and the archive ones, is PASSED (the development TSA signs with RSA)
        assertThat(DssJudge.timestampIndications(reports)).hasSize(timestamps)
                .allSatisfy((id, indication) -> assertThat(indication).as("time-stamp %s", id)
                        .isEqualTo(Indication.PASSED));
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void ltaCopiesAreIssuedAndRenewedWithEveryVersionKept() throws Exception {
        SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + PORT);
        assertThat(api.postJson("/api/v1/dossiers", CLERK, "{\"code\":\"" + DOSSIER + "\",\"agencyCode\":"
                + "\"000.00.30.H42\",\"receivedAt\":\"2026-11-30T08:00:00+07:00\"}").statusCode()).isEqualTo(201);
        // a born-digital PDF keeps its own text: digitized without Tesseract (the OCR path has its own tests)
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy khai sinh"}}, new Object[][]{{"files", "a03.pdf",
                        Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}});
        String documentId = JSON.readTree(accepted.body()).get("id").asString();
        assertThat(api.awaitFinished(documentId, CLERK, Duration.ofSeconds(90)).get("status").asString())
                .isEqualTo("DIGITIZED");

        JsonNode copy = JSON.readTree(api.postJson("/api/v1/documents/" + documentId + "/certifications", CERTIFIER, EndToEndTest.REQUEST)
                .body());
        byte[] issued = api.getBytes(copy.get("pdfUrl").asString(), CERTIFIER).body();
        // two signature time-stamps and the archive time-stamp
        assertLta(issued, 3);

        // a copy above the attachment limit reaches the requester as a time-limited link to the very same bytes
        assertThat(MAIL.waitForIncomingEmail(60_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getContent()).as("no attachment: a plain text body").isInstanceOf(String.class);
        String text = (String) mail.getContent();
        Matcher link = Pattern.compile("tải về tại: (\\S+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        byte[] fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(link.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertThat(fetched).isEqualTo(issued);

        assertThat(renewal.renewDue()).isEqualTo(1);
        byte[] renewed = api.getBytes(copy.get("pdfUrl").asString(), CERTIFIER).body();
        assertThat(renewed).isNotEqualTo(issued);
        assertLta(renewed, 4);

        // the citizen's file from before the renewal is still recognised as this copy
        HttpResponse<String> presented = api.postMultipart(copy.get("verificationUrl").asString(), null,
                new String[0][], new Object[][]{{"file", "copy.pdf", issued}});
        assertThat(presented.body()).contains("Đúng là bản sao này");
    }
}
