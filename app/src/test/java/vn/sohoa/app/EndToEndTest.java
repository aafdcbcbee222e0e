package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditAnchors;
import vn.sohoa.app.audit.AuditCommand;
import vn.sohoa.app.audit.AuditKey;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.pki.SigningKeys;
import vn.sohoa.app.security.LoginThrottle;
import vn.sohoa.app.storage.EmbeddedObjectStoreServer;
import vn.sohoa.app.webhook.WebhookEvent;
import vn.sohoa.app.webhook.Webhooks;
import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.storage.embedded.EmbeddedS3Server;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.FreePort;
import vn.sohoa.testkit.LoopbackHttpServer;
import vn.sohoa.testkit.QrCodes;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * The whole path through real HTTP on a running service with its embedded defaults (H2 file database, in-process
 * S3 server reached through the MinIO SDK, development PKI and TSA, real Tesseract): a clerk's corpus scan becomes a
 * PDF/A, a certifier certifies it, another system fetches and verifies the copy, statistics count it. veraPDF and
 * EU DSS judge the files. Subclasses choose the database; the tests here are those whose outcome can depend on it
 * (numbers, registers, statistics, reuse, webhooks, sessions, audit), run on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
abstract class EndToEndTest {

    static final String AGENCY = "000.00.30.H42";
    /** Certifications sent at once by 16 clients: two waves racing for the register's next number. */
    static final int CONCURRENT_CERTIFICATIONS = 32;
    /** API requests per second and burst of each API client here (the service's defaults are 50 and 200). */
    static final int API_RATE = 5;
    static final int API_BURST = 40;
    static final String DOSSIER = "000.00.30.H42-261123-0007";
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    /** Who asks for the copies in these tests: a made-up citizen (the identity number is of the valid format). */
    static final String REQUESTER = """
            {"fullName":"Nguyễn Thị Yêu Cầu","idType":"CCCD","idNumber":"048190000123","phone":"0905 123 456",
             "email":"yeu.cau@example.org"}""";
    /**
     * Enrols {@code certificate} for {@code username} as the API does it: shown first (nothing stored), then
     * confirmed.
     */
    static void enrol(SohoaHttpClient api, String authorization, String username,
                      X509Certificate certificate) throws Exception {
        String url = "/api/v1/users/" + username + "/certificates";
        String encoded = Base64.getEncoder().encodeToString(certificate.getEncoded());
        HttpResponse<String> shown = api.postJson(url, authorization, "{\"certificate\":\"" + encoded + "\"}");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).get("subject").asString())
                .isEqualTo(certificate.getSubjectX500Principal().getName());
        HttpResponse<String> confirmed = api.postJson(url, authorization, "{\"certificate\":\"" + encoded
                + "\",\"confirm\":true}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    }

    /** The body of a certification request: the requester, and the demo certifier's signing PIN. */
    static final String REQUEST = "{\"requester\":" + REQUESTER + ",\"signingPin\":\"demo-pass\"}";
    static final String SUPERVISOR = SohoaHttpClient.basic("supervisor", "demo-pass");
    static final String ADMIN = SohoaHttpClient.basic("admin", "admin-pass");
    static final JsonMapper JSON = JsonMapper.builder().build();

    // state carried from one ordered test to the next: per instance (one per class, see @TestInstance), so that the
    // H2 and the PostgreSQL runs may go on at the same time in one JVM
    String documentId;
    String copyId;
    byte[] certifiedCopy;

    @LocalServerPort
    int port;
    @Autowired
    SohoaProperties properties;
    /** The service's clock: it started at {@link ServiceTime#START}. */
    @Autowired
    Clock clock;
    SohoaHttpClient api;

    @BeforeEach
    void client() {
        api = new SohoaHttpClient("http://127.0.0.1:" + port);
    }

    /** The embedded defaults with a fresh data directory, on a fixed free port (the CRL URL in the certificates). */
    /** Prometheus's token for the metrics endpoint in these tests. */
    static final String METRICS_TOKEN = "scraper-token-for-tests";

    static void embeddedDefaults(DynamicPropertyRegistry registry, int port, Path home) {
        registry.add("server.port", () -> port);
        registry.add("sohoa.home", home::toString);
        registry.add("sohoa.public-base-url", () -> "http://127.0.0.1:" + port);
        registry.add("sohoa.bootstrap.admin-password", () -> "admin-pass");
        registry.add("sohoa.bootstrap.demo-password", () -> "demo-pass");
        // the revocation test revokes in-process and must be seen at once, not after the answer cache's 2 minutes
        registry.add("sohoa.signing.revocation-max-age", () -> "0s");
        registry.add("sohoa.clock.start", ServiceTime.START::toString);
        registry.add("sohoa.metrics.token", () -> METRICS_TOKEN);
        // a low API rate, so that the throttling test meets its limit however slowly a loaded machine answers
        registry.add("sohoa.security.api-rate", () -> String.valueOf(API_RATE));
        registry.add("sohoa.security.api-burst", () -> String.valueOf(API_BURST));
        // the webhook test's first delivery fails on purpose: its retry comes after 1 s instead of the default 5 s
        registry.add("sohoa.jobs.first-retry-delay", () -> "1s");
    }

    /**
     * What a run (a subclass) delivers to: the requester's mail server (a real SMTP server, GreenMail), the portal's
     * connector, and the one loopback port webhooks may reach (sohoa.outbound.allowed-hosts). One per subclass: the
     * H2 and the PostgreSQL runs may go on at the same time in one JVM.
     */
    static final class DeliveryTargets {
        final int webhookPort = FreePort.pick();
        GreenMail mailServer;
        LoopbackHttpServer portal;
        /** What the portal's connector received, and how many calls it refused first (to see retries). */
        final List<LoopbackHttpServer.Request> filed = new CopyOnWriteArrayList<>();
        final AtomicInteger portalCalls = new AtomicInteger();

        /** Starts the mail server and the portal's connector, and points the service at them. */
        void register(DynamicPropertyRegistry registry) {
            mailServer = new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mailServer.start();
            try {
                // the connector is away for its first call: the delivery is tried again
                portal = new LoopbackHttpServer().route("/copies", request -> {
                    if (portalCalls.incrementAndGet() == 1) {
                        return new LoopbackHttpServer.Response(503, "text/plain", new byte[0]);
                    }
                    filed.add(request);
                    return new LoopbackHttpServer.Response(201, "application/json", "{}".getBytes());
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            registry.add("sohoa.outbound.allowed-hosts", () -> "127.0.0.1:" + webhookPort + ",127.0.0.1:"
                    + URI.create(portal.url("/")).getPort());
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
            registry.add("sohoa.delivery.email-enabled", () -> "true");
            registry.add("sohoa.delivery.from", () -> "chung-thuc@hoaphong.example");
            registry.add("sohoa.delivery.portal-url", () -> portal.url("/copies"));
            registry.add("sohoa.delivery.portal-token", () -> "portal-secret");
        }

        void stop() {
            if (mailServer != null) {
                mailServer.stop();
            }
            if (portal != null) {
                portal.close();
            }
        }
    }

    /** This run's delivery targets (a static of the subclass: its property source starts them). */
    abstract DeliveryTargets targets();

    @AfterAll
    void stopDeliveryTargets() {
        targets().stop();
    }

    /** A browser signed in through the login form of the service at {@code base}: it holds the session cookie. */
    static HttpClient signedIn(String base, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).build();
        String loginPage = page(browser, base + "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(loginPage);
        assertThat(csrf.find()).as("the login form's CSRF field").isTrue();
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + password + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).as("signed in")
                .hasValueSatisfying(at -> assertThat(at).doesNotContain("error"));
        return browser;
    }

    /** A GET of a page with the browser's cookies, redirects not followed. */
    static HttpResponse<String> page(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        return FreePort.pick();
    }

    static Path temporaryHome() {
        try {
            return Files.createTempDirectory("sohoa-e2e-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    X509Certificate devRoot() throws Exception {
        try (var in = Files.newInputStream(properties.home().resolve("pki/dev-root-ca.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    @Order(1)
    void clerkScanBecomesASearchablePdfA() throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","procedureCode":"2.000815.000.00.00.H38",
                 "receivedAt":"2026-11-23T09:30:00+07:00"}""".formatted(DOSSIER, AGENCY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("receivedAt").asString()).isEqualTo("2026-11-23T09:30:00+07:00");

        byte[] scan = Files.readAllBytes(SharedCorpus.corpus("clean/a06.png"));
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Hợp đồng thuê nhà, trang 2"}},
                new Object[][]{{"files", "a06.png", scan}});
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        documentId = json(accepted).get("id").asString();
        assertThat(json(accepted).get("status").asString()).isEqualTo("RECEIVED");

        JsonNode status = api.awaitFinished(documentId, CLERK, Duration.ofSeconds(90));
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
        assertThat(status.get("pages").asInt()).isEqualTo(1);

        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/documents/" + documentId + "/pdf", CLERK);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf.body())).isEmpty();
        String groundTruth = Files.readString(SharedCorpus.corpus("gt/a06.txt"), StandardCharsets.UTF_8);
        assertThat(Cer.of(groundTruth, text(pdf.body()))).isLessThanOrEqualTo(0.05);
    }

    @Test
    @Order(2)
    void certifierIssuesACopySignedTwiceThatEuDssAccepts() throws Exception {
        HttpResponse<String> refused = api.postJson("/api/v1/documents/" + documentId + "/certifications", CLERK, REQUEST);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> certified = api.postJson("/api/v1/documents/" + documentId + "/certifications", CERTIFIER, REQUEST);
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(201);
        JsonNode copy = json(certified);
        copyId = copy.get("id").asString();
        assertThat(copy.get("registerNumber").asLong()).isEqualTo(1);
        assertThat(copy.get("year").asInt()).isEqualTo(today().getYear());
        assertThat(copy.get("book").asString()).endsWith("-SCTĐT/BS");

        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/certified-copies/" + copyId + "/pdf", CLERK);
        assertThat(pdf.statusCode()).isEqualTo(200);
        certifiedCopy = pdf.body();

        SimpleReport report = DssJudge.validate(certifiedCopy, devRoot(), clock.instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s: %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        assertThat(VeraPdfJudge.pdfA2bFailures(certifiedCopy)).isEmpty();
        assertThat(text(certifiedCopy)).contains("Chứng thực bản sao đúng với bản chính.")
                .contains("Số chứng thực: 1").contains("Nguyễn Văn An");
    }

    @Test
    @Order(3)
    void otherSystemsFindAndVerifyTheCopyAndOneFlippedByteFailsIt() throws Exception {
        HttpResponse<String> key = api.postJson("/api/v1/api-clients", ADMIN,
                "{\"name\":\"Cổng DVC tỉnh\",\"agencyCode\":\"000.00.00.H42\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String bearer = "Bearer " + json(key).get("apiKey").asString();

        HttpResponse<String> found = api.get("/api/v1/certified-copies?agencyCode=" + AGENCY + "&year="
                + json(api.get("/api/v1/certified-copies/" + copyId, bearer)).get("year").asInt()
                + "&registerNumber=1", bearer);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get(0).get("id").asString()).isEqualTo(copyId);

        HttpResponse<String> verified = api.postMultipart("/api/v1/verifications", bearer, new String[0][],
                new Object[][]{{"file", "copy.pdf", certifiedCopy}});
        JsonNode report = json(verified);
        assertThat(report.get("signatures")).hasSize(2);
        for (JsonNode signature : report.get("signatures")) {
            assertThat(signature.get("integrityValid").asBoolean()).isTrue();
            assertThat(signature.get("chainTrusted").asBoolean()).isTrue();
            assertThat(signature.get("level").asString()).isEqualTo("PADES_BASELINE_LT");
        }
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("pdfa").get("flavour").asString()).isEqualTo("2b");
        assertThat(report.get("pdfa").get("compliant").asBoolean()).isTrue();

        byte[] tampered = certifiedCopy.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("stream") + 500;
        tampered[at] ^= 0x01;
        JsonNode tamperedReport = json(api.postMultipart("/api/v1/verifications", bearer, new String[0][],
                new Object[][]{{"file", "copy.pdf", tampered}}));
        assertThat(tamperedReport.get("valid").asBoolean()).isFalse();
        for (JsonNode signature : tamperedReport.get("signatures")) {
            assertThat(signature.get("integrityValid").asBoolean()).isFalse();
        }
        SimpleReport dss = DssJudge.validate(tampered, devRoot(), clock.instant()).getSimpleReport();
        for (String id : dss.getSignatureIdList()) {
            assertThat(dss.getIndication(id)).isNotEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    @Order(4)
    void statisticsCountTheDossierAtItsLevelAndAbove() throws Exception {
        // received on the 23rd, digitized and certified on the service's day: all in the month of ServiceTime.START
        assertThat(YearMonth.from(today())).isEqualTo(ServiceTime.MONTH);
        JsonNode report = json(api.get("/api/v1/statistics/digitization?unit=000.00.00.H42&period="
                + ServiceTime.MONTH, SUPERVISOR));
        assertThat(report.get("total").get("received").asLong()).isEqualTo(1);
        assertThat(report.get("total").get("digitized").asLong()).isEqualTo(1);
        assertThat(report.get("total").get("certifiedCopies").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode commune = null;
        for (JsonNode level : report.get("levels")) {
            if (level.get("level").asString().equals("COMMUNE")) {
                commune = level.get("figures");
            }
        }
        assertThat(commune).isNotNull();
        assertThat(commune.get("rate").asDouble()).isEqualTo(100.0);
        assertThat(commune.get("score").asDouble()).as("all 4 points of 'dossiers digitized'").isEqualTo(4.0);
        JsonNode quarter = json(api.get("/api/v1/statistics/digitization?unit=" + AGENCY + "&period="
                + ServiceTime.MONTH.getYear() + "-Q" + ((ServiceTime.MONTH.getMonthValue() + 2) / 3), SUPERVISOR));
        assertThat(quarter.get("total").get("received").asLong()).isEqualTo(1);
        JsonNode otherYear = json(api.get("/api/v1/statistics/digitization?unit=" + AGENCY + "&period="
                + (ServiceTime.MONTH.getYear() - 1), SUPERVISOR));
        assertThat(otherYear.get("total").get("rate").isNull()).isTrue();
    }

    @Test
    @Order(5)
    void concurrentCertificationsGetConsecutiveNumbers() throws Exception {
        int count = CONCURRENT_CERTIFICATIONS;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<HttpResponse<String>> call = () -> api.postJson(
                        "/api/v1/documents/" + documentId + "/certifications", CERTIFIER, REQUEST);
                results.add(pool.submit(call));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                numbers.add(json(response).get("registerNumber").asLong());
            }
            // number 1 went to the copy of the earlier test; these take 2..count+1, each exactly once
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(2, count + 1).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        JsonNode register = json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(),
                CERTIFIER));
        assertThat(register.get("state").get("lastNumber").asLong()).isEqualTo(count + 1);
        List<Long> entries = new ArrayList<>();
        for (JsonNode entry : register.get("entries")) {
            assertThat(entry.get("status").asString()).isEqualTo("ISSUED");
            entries.add(entry.get("number").asLong());
        }
        assertThat(entries).containsExactlyElementsOf(
                LongStream.rangeClosed(1, count + 1).boxed().toList());
    }

    /** The register's year: the service's, in Vietnam time. */
    int currentYear() {
        return today().getYear();
    }

    /** The service's today in Vietnam. */
    LocalDate today() {
        return VietnamTime.today(clock);
    }

    @Test
    @Order(11)
    void copiesOfOneOriginalMadeAtOnceShareOneNumberAndRecordWhoAskedForThem() throws Exception {
        String url = "/api/v1/documents/" + documentId + "/certifications?copies=2";
        // the key the service holds for the certifier is released by his own signing PIN only
        HttpResponse<String> noPin = api.postJson(url, CERTIFIER, "{\"requester\":" + REQUESTER + "}");
        assertThat(noPin.statusCode()).as(noPin.body()).isEqualTo(400);
        assertThat(json(noPin).get("field").asString()).isEqualTo("signingPin");
        HttpResponse<String> wrongPin = api.postJson(url, CERTIFIER, "{\"requester\":" + REQUESTER
                + ",\"signingPin\":\"not-my-pin\"}");
        assertThat(wrongPin.statusCode()).isEqualTo(400);
        assertThat(json(wrongPin).get("detail").asString()).contains("signing PIN is wrong");
        // who asks is required and checked field by field; a refused request takes no number
        HttpResponse<String> nobody = api.post(url, CERTIFIER);
        assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(400);
        assertThat(json(nobody).get("field").asString()).isEqualTo("requester");
        String[][] refused = {
            {"{\"fullName\":\"Lê Văn Sai\",\"idType\":\"CCCD\",\"idNumber\":\"04819000012\"}", "requester.idNumber",
                "12 digits"},
            {"{\"fullName\":\"Lê Văn Sai\",\"idType\":\"CCCD\",\"idNumber\":\"999190000123\"}", "requester.idNumber",
                "province code"},
            {"{\"fullName\":\"Lê Văn Sai\",\"idType\":\"DRIVING_LICENCE\",\"idNumber\":\"B1234567\"}",
                "requester.idType", "CCCD, PASSPORT or OTHER"},
            {"{\"fullName\":\" \",\"idType\":\"PASSPORT\",\"idNumber\":\"C1234567\"}", "requester.fullName",
                "required"},
            {"{\"fullName\":\"John Smith\",\"idType\":\"PASSPORT\",\"idNumber\":\"C1234567\",\"email\":\"john@\"}",
                "requester.email", "e-mail"}};
        for (String[] bad : refused) {
            HttpResponse<String> answer = api.postJson(url, CERTIFIER, "{\"requester\":" + bad[0] + "}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(json(answer).get("field").asString()).isEqualTo(bad[1]);
            assertThat(json(answer).get("detail").asString()).contains(bad[2])
                    .as("the problem does not repeat personal data").doesNotContain("0481900001", "99919");
        }

        HttpResponse<String> two = api.postJson("/api/v1/documents/" + documentId + "/certifications?copies=2",
                CERTIFIER, REQUEST);
        assertThat(two.statusCode()).as(two.body()).isEqualTo(201);
        JsonNode copies = json(two).get("copies");
        assertThat(copies).hasSize(2);
        long number = copies.get(0).get("registerNumber").asLong();
        assertThat(copies.get(1).get("registerNumber").asLong()).isEqualTo(number);
        assertThat(copies.get(0).get("copyIndex").asInt()).isEqualTo(1);
        assertThat(copies.get(1).get("copyIndex").asInt()).isEqualTo(2);
        assertThat(copies.get(0).get("id").asString()).isNotEqualTo(copies.get(1).get("id").asString());
        HttpResponse<byte[]> second = api.getBytes(copies.get(1).get("pdfUrl").asString(), CERTIFIER);
        assertThat(text(second.body())).contains("Số chứng thực: " + number);
        JsonNode asked = JSON.readTree(REQUESTER);
        for (JsonNode copy : List.of(copies.get(0), json(api.get("/api/v1/certified-copies/"
                + copies.get(1).get("id").asString(), CERTIFIER)))) {
            JsonNode requester = copy.get("requester");
            assertThat(requester.get("fullName").asString()).isEqualTo(asked.get("fullName").asString());
            assertThat(requester.get("idType").asString()).isEqualTo("CCCD");
            assertThat(requester.get("idNumber").asString()).isEqualTo(asked.get("idNumber").asString());
            assertThat(requester.get("phone").asString()).as("kept as digits").isEqualTo("0905123456");
            assertThat(requester.get("email").asString()).isEqualTo(asked.get("email").asString());
        }
        // the requester's receipt: both copies of the number, their fees and verification codes with QR codes
        HttpResponse<byte[]> receipt = api.getBytes("/api/v1/certified-copies/" + copies.get(1).get("id").asString()
                + "/receipt.pdf", CERTIFIER);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(VeraPdfJudge.pdfA2bFailures(receipt.body())).isEmpty();
        assertThat(text(receipt.body())).contains("BIÊN NHẬN", "Người yêu cầu: Nguyễn Thị Yêu Cầu, CCCD số 048190000123",
                "Số chứng thực: " + number, "Số bản sao: 2", "Bản 1 – lệ phí: ", "Bản 2 – lệ phí: ",
                copies.get(0).get("verificationCode").asString(), copies.get(1).get("verificationCode").asString(),
                "Tổng lệ phí: ");
        try (var printed = Loader.loadPDF(receipt.body())) {
            var page = new PDFRenderer(printed).renderImageWithDPI(0, 150);
            assertThat(QrCodes.readAll(page)).hasSize(2).allMatch(address -> address.contains("/v/"));
        }
        // personal data stays out of object keys: the copy's presigned address names the object
        String link = json(api.postJson("/api/v1/certified-copies/" + copies.get(0).get("id").asString() + "/links",
                CERTIFIER, "{}")).get("url").asString();
        assertThat(link).contains(copies.get(0).get("id").asString())
                .doesNotContain(asked.get("idNumber").asString());

        HttpResponse<String> none = api.postJson("/api/v1/documents/" + documentId + "/certifications?copies=0",
                CERTIFIER, REQUEST);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).get("field").asString()).isEqualTo("copies");
        HttpResponse<String> tooMany = api.postJson("/api/v1/documents/" + documentId + "/certifications?copies=21",
                CERTIFIER, REQUEST);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("detail").asString()).contains("between 1 and 20");

        JsonNode entry = null;
        for (JsonNode candidate : json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(),
                CERTIFIER)).get("entries")) {
            if (candidate.get("number").asLong() == number) {
                entry = candidate;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("copies").asInt()).isEqualTo(2);
        assertThat(entry.get("requester").get("idNumber").asString()).isEqualTo(asked.get("idNumber").asString());
    }

    @Test
    @Order(12)
    void theMonthsRegisterPrintsAsPdfAAndExportsAsCsv() throws Exception {
        String base = "/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear();
        int month = today().getMonthValue();
        HttpResponse<byte[]> pdf = api.getBytes(base + "/export.pdf?month=" + month, CERTIFIER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf.body())).isEmpty();
        String printed = text(pdf.body());
        assertThat(printed).contains("SỔ CHỨNG THỰC BẢN SAO ĐIỆN TỬ TỪ BẢN CHÍNH").contains("Hợp đồng thuê nhà")
                .contains("Người yêu cầu").contains("Nguyễn Thị Yêu Cầu").contains("CCCD 048190000123")
                .contains("Tổng cộng: " + (CONCURRENT_CERTIFICATIONS + 2) + " số, " + (CONCURRENT_CERTIFICATIONS + 2)
                        + " số đã cấp (" + (CONCURRENT_CERTIFICATIONS + 3) + " bản), 0 số hủy");

        HttpResponse<byte[]> csv = api.getBytes(base + "/export.csv?month=" + month, SUPERVISOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + CONCURRENT_CERTIFICATIONS + 2);
        assertThat(lines[0]).startsWith("\uFEFFso_chung_thuc,");
        assertThat(lines[1]).startsWith("1,").contains("Hợp đồng thuê nhà").contains("ISSUED")
                .contains(",Nguyễn Thị Yêu Cầu,CCCD,048190000123,");

        assertThat(api.getBytes(base + "/export.csv", CLERK).statusCode()).isEqualTo(403);
        HttpResponse<String> badMonth = api.get(base + "?month=13", CERTIFIER);
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(json(badMonth).get("field").asString()).isEqualTo("month");
        HttpResponse<String> notYet = api.post(base + "/close", CERTIFIER);
        assertThat(notYet.statusCode()).isEqualTo(409);
    }

    @Autowired
    DevelopmentPki developmentPki;
    @Autowired
    SigningKeys signingKeys;

    @Test
    @Order(13)
    void aCertifierWithAUsbTokenSignsInTwoStepsAndTheCopyIsLtInEuDss() throws Exception {
        // the certifier's USB token, played by a key the test holds: only the digest crosses to the token
        var token = developmentPki.issueOrLoad("usb-token-certifier.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        String chain = JSON.writeValueAsString(Map.of("requester", JSON.readTree(REQUESTER),
                "certificateChain", List.of(
                        Base64.getEncoder().encodeToString(token.certificate().getEncoded()),
                        Base64.getEncoder().encodeToString(token.chain().get(1).getEncoded()))));
        String external = "/api/v1/documents/" + documentId + "/certifications/external";
        long numbered = json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(), CERTIFIER))
                .get("state").get("lastNumber").asLong();

        // a trusted certificate signs only for the certifier it is enrolled for
        HttpResponse<String> notEnrolled = api.postJson(external, CERTIFIER, chain);
        assertThat(notEnrolled.statusCode()).as(notEnrolled.body()).isEqualTo(403);
        assertThat(json(notEnrolled).get("detail").asString()).contains("is not enrolled for certifier");
        assertThat(api.postJson("/api/v1/users/certifier/certificates", CLERK, "{\"certificate\":\""
                + Base64.getEncoder().encodeToString(token.certificate().getEncoded()) + "\"}")
                .statusCode()).as("a clerk enrols no certificate").isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/clerk/certificates", ADMIN, "{\"certificate\":\""
                + Base64.getEncoder().encodeToString(token.certificate().getEncoded()) + "\"}")
                .statusCode()).as("only certifiers have certificates").isEqualTo(409);
        HttpResponse<String> notACertificate = api.postJson("/api/v1/users/certifier/certificates", ADMIN,
                "{\"certificate\":\"bm90IGEgY2VydA==\"}");
        assertThat(notACertificate.statusCode()).isEqualTo(400);
        assertThat(json(notACertificate).get("field").asString()).isEqualTo("certificate");
        // another certifier of the desk, with her own token enrolled by the administrator
        HttpResponse<String> colleague = api.postJson("/api/v1/users", ADMIN, """
                {"username":"certifier-hai","fullName":"Lê Thị Hai","title":"Chủ tịch UBND xã","role":"CERTIFIER",
                 "office":"COMMUNE_CHAIR","agencyCode":"%s","password":"hai-password-1234"}""".formatted(AGENCY));
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(201);
        var hersToken = developmentPki.issueOrLoad("usb-token-hai.p12", "Lê Thị Hai", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        enrol(api, ADMIN, "certifier-hai", hersToken.certificate());
        // she chooses her password and her signing PIN; an administrator who resets her password still cannot sign
        // with the key the service holds for her
        assertThat(api.postJson("/api/v1/me/password", SohoaHttpClient.basic("certifier-hai", "hai-password-1234"),
                "{\"currentPassword\":\"hai-password-1234\",\"newPassword\":\"hai-own-password-1\"}").statusCode())
                .isEqualTo(204);
        String hai = SohoaHttpClient.basic("certifier-hai", "hai-own-password-1");
        HttpResponse<String> pinFirst = api.get("/api/v1/certification-queue", hai);
        assertThat(pinFirst.statusCode()).as("a certifier chooses her PIN before anything else").isEqualTo(403);
        assertThat(json(pinFirst).get("field").asString()).isEqualTo("signingPin");
        assertThat(api.send("PUT", "/api/v1/me/signing-pin", hai, "application/json",
                "{\"password\":\"hai-own-password-1\",\"newPin\":\"hai-pin-2468\"}").statusCode()).isEqualTo(204);
        assertThat(api.send("PATCH", "/api/v1/users/certifier-hai", ADMIN, "application/json",
                "{\"password\":\"the-admin-knows-1\"}").statusCode()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/me/password", SohoaHttpClient.basic("certifier-hai", "the-admin-knows-1"),
                "{\"currentPassword\":\"the-admin-knows-1\",\"newPassword\":\"the-admin-knows-2\"}").statusCode())
                .isEqualTo(204);
        String impostor = SohoaHttpClient.basic("certifier-hai", "the-admin-knows-2");
        HttpResponse<String> newPin = api.send("PUT", "/api/v1/me/signing-pin", impostor, "application/json",
                "{\"password\":\"the-admin-knows-2\",\"newPin\":\"123456\"}");
        assertThat(newPin.statusCode()).as("a PIN is replaced only with the PIN").isEqualTo(400);
        assertThat(json(newPin).get("field").asString()).isEqualTo("currentPin");
        HttpResponse<String> signed = api.postJson("/api/v1/documents/" + documentId + "/certifications", impostor,
                "{\"requester\":" + REQUESTER + ",\"signingPin\":\"123456\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(400);
        assertThat(json(signed).get("field").asString()).isEqualTo("signingPin");
        HttpResponse<String> hers = api.postJson(external, CERTIFIER, JSON.writeValueAsString(Map.of(
                "requester", JSON.readTree(REQUESTER), "certificateChain", List.of(
                        Base64.getEncoder().encodeToString(hersToken.certificate().getEncoded()),
                        Base64.getEncoder().encodeToString(hersToken.chain().get(1).getEncoded())))));
        assertThat(hers.statusCode()).as("a certificate enrolled for another certifier").isEqualTo(403);
        assertThat(json(hers).get("detail").asString()).contains("but for another certifier");
        assertThat(json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(), CERTIFIER))
                .get("state").get("lastNumber").asLong()).as("refused before a number is taken").isEqualTo(numbered);
        // the certifier enrols his own token himself: its subject is shown, then confirmed
        enrol(api, CERTIFIER, "certifier", token.certificate());
        assertThat(json(api.get("/api/v1/users/certifier/certificates", CERTIFIER)).findValuesAsString("subject"))
                .containsExactly(token.certificate().getSubjectX500Principal().getName());

        // a session the certifier declines is cancelled, and its number recorded void at once
        JsonNode declined = json(api.postJson(external, CERTIFIER, chain));
        String cancel = "/api/v1/signing-sessions/" + declined.get("sessionId").asString();
        assertThat(api.send("DELETE", cancel, CERTIFIER, "application/json", "").statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", cancel, CERTIFIER, "application/json", "").statusCode()).isEqualTo(409);
        assertThat(api.postJson(declined.get("completeUrl").asString(), CERTIFIER, "{\"signatureValue\":\"AAAA\"}")
                .statusCode()).isEqualTo(409);
        JsonNode voided = null;
        for (JsonNode entry : json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(),
                CERTIFIER)).get("entries")) {
            if (entry.get("number").asLong() == declined.get("registerNumber").asLong()) {
                voided = entry;
            }
        }
        assertThat(voided.get("status").asString()).isEqualTo("VOID");
        assertThat(voided.get("voidReason").asString()).contains("declined to sign");
        // one the token could not sign says so, not that the certifier declined
        JsonNode failed = json(api.postJson(external, CERTIFIER, chain));
        String failedCancel = "/api/v1/signing-sessions/" + failed.get("sessionId").asString();
        assertThat(api.send("DELETE", failedCancel + "?reason=NOT_A_REASON", CERTIFIER, "application/json", "")
                .statusCode()).isEqualTo(400);
        assertThat(api.send("DELETE", failedCancel + "?reason=SIGNING_FAILED", CERTIFIER, "application/json", "")
                .statusCode()).isEqualTo(204);
        for (JsonNode entry : json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(),
                CERTIFIER)).get("entries")) {
            if (entry.get("number").asLong() == failed.get("registerNumber").asLong()) {
                assertThat(entry.get("voidReason").asString()).contains("could not be made")
                        .doesNotContain("declined");
            }
        }

        HttpResponse<String> prepared = api.postJson(external, CERTIFIER, chain);
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(201);
        JsonNode session = json(prepared);
        byte[] digest = Base64.getDecoder().decode(session.get("digest").asString());
        assertThat(digest).hasSize(32);
        String completeUrl = session.get("completeUrl").asString();

        HttpResponse<String> wrong = api.postJson(completeUrl, CERTIFIER, "{\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(new byte[384]) + "\"}");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(json(wrong).get("field").asString()).isEqualTo("signatureValue");

        byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(
                NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                digest).getEncoded("DER");
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, token.privateKey());
        HttpResponse<String> completed = api.postJson(completeUrl, CERTIFIER, "{\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(rsa.doFinal(digestInfo)) + "\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
        JsonNode copy = json(completed);
        assertThat(copy.get("registerNumber").asLong()).isEqualTo(session.get("registerNumber").asLong());

        byte[] pdf = api.getBytes(copy.get("pdfUrl").asString(), CERTIFIER).body();
        SimpleReport report = DssJudge.validate(pdf, devRoot(), clock.instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();

        HttpResponse<String> again = api.postJson(completeUrl, CERTIFIER, "{\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(rsa.doFinal(digestInfo)) + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> noChain = api.postJson("/api/v1/documents/" + documentId
                + "/certifications/external", CERTIFIER, "{\"requester\":" + REQUESTER
                + ",\"certificateChain\":[\"bm90IGEgY2VydA==\"]}");
        assertThat(noChain.statusCode()).isEqualTo(400);
        assertThat(json(noChain).get("field").asString()).isEqualTo("certificateChain");

        // a token whose certificate no trusted CA issued is refused before a number is taken
        var strangers = DevelopmentPki.openOrCreate(
                Files.createTempDirectory("sohoa-stranger-pki-"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/o"),
                clock);
        var forged = strangers.issueOrLoad("forged.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        long before = json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(), CERTIFIER))
                .get("state").get("lastNumber").asLong();
        HttpResponse<String> untrusted = api.postJson("/api/v1/documents/" + documentId
                + "/certifications/external", CERTIFIER, JSON.writeValueAsString(Map.of("requester",
                JSON.readTree(REQUESTER), "certificateChain",
                List.of(Base64.getEncoder().encodeToString(forged.certificate().getEncoded()),
                        Base64.getEncoder().encodeToString(forged.chain().get(1).getEncoded())))));
        assertThat(untrusted.statusCode()).as(untrusted.body()).isEqualTo(400);
        assertThat(json(untrusted).get("detail").asString()).contains("does not chain to a trusted root");
        assertThat(json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(), CERTIFIER))
                .get("state").get("lastNumber").asLong()).isEqualTo(before);
    }

    @Test
    @Order(24)
    void aBarredOriginalIsRefusedWithItsReasonAndTakesNoNumber() throws Exception {
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy chứng minh nhân dân"}}, new Object[][]{{"files", "a03.pdf",
                        Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}});
        String altered = json(accepted).get("id").asString();
        assertThat(api.awaitFinished(altered, CLERK, Duration.ofSeconds(90)).get("status").asString())
                .isEqualTo("DIGITIZED");
        String register = "/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear();
        long lastNumber = json(api.get(register, CERTIFIER)).get("state").get("lastNumber").asLong();

        assertThat(api.postJson("/api/v1/documents/" + altered + "/barred", CLERK,
                "{\"reason\":\"ALTERED\"}").statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/documents/" + altered + "/barred", CERTIFIER,
                "{\"reason\":\"SMUDGED\"}").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/documents/" + altered + "/barred", CERTIFIER,
                "{\"reason\":\"ALTERED\",\"note\":\"ngày cấp bị sửa\"}").statusCode()).isEqualTo(204);

        HttpResponse<String> refused = api.postJson("/api/v1/documents/" + altered + "/certifications", CERTIFIER, REQUEST);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detailVi").asString()).contains("bị sửa chữa").contains("ngày cấp bị sửa");
        assertThat(json(api.get(register, CERTIFIER)).get("state").get("lastNumber").asLong()).isEqualTo(lastNumber);
        // the bar is a refusal at certification, with its written notice
        JsonNode recorded = null;
        for (JsonNode refusal : json(api.get("/api/v1/refusals?dossierCode=" + DOSSIER, CERTIFIER))) {
            if (altered.equals(refusal.get("documentId").asString(null))) {
                recorded = refusal;
            }
        }
        assertThat(recorded).isNotNull();
        assertThat(recorded.get("stage").asString()).isEqualTo("CERTIFICATION");
        assertThat(recorded.get("legalBasis").asString()).startsWith("khoản 1 Điều 22 Nghị định số 23/2015/NĐ-CP");
    }

    @Test
    @Order(22)
    void aCopyReachesTheRequesterByEmailAndThePortalsDataStoreWithItsReceipt() throws Exception {
        JsonNode copy = json(api.postJson("/api/v1/documents/" + documentId + "/certifications", CERTIFIER, REQUEST));
        String id = copy.get("id").asString();
        byte[] stored = api.getBytes(copy.get("pdfUrl").asString(), CERTIFIER).body();
        String deliveries = "/api/v1/certified-copies/" + id + "/deliveries";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode states = json(api.get(deliveries, CERTIFIER));
        while (System.nanoTime() < deadline && !states.findValuesAsString("status").equals(
                List.of("DELIVERED", "DELIVERED"))) {
            Thread.sleep(200);
            states = json(api.get(deliveries, CERTIFIER));
        }
        assertThat(states.findValuesAsString("channel")).containsExactlyInAnyOrder("EMAIL", "PORTAL");
        assertThat(states.findValuesAsString("status")).as(states.toString()).containsOnly("DELIVERED");
        assertThat(api.get(deliveries, CLERK).statusCode()).isEqualTo(200);

        // the e-mail, through a real SMTP server: to the requester, with the stored copy's very bytes attached
        MimeMessage mail = null;
        for (MimeMessage received : targets().mailServer.getReceivedMessages()) {
            if (received.getSubject().contains("số " + copy.get("registerNumber").asLong() + " ")) {
                mail = received;
            }
        }
        assertThat(mail).as("an e-mail for number %s", copy.get("registerNumber")).isNotNull();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("yeu.cau@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("chung-thuc@hoaphong.example");
        var parts = (MimeMultipart) mail.getContent();
        byte[] attached = null;
        String body = null;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attached = part.getInputStream().readAllBytes();
            } else {
                body = part.getContent() instanceof Multipart inner
                        ? inner.getBodyPart(0).getContent().toString() : part.getContent().toString();
            }
        }
        assertThat(attached).as("the attachment is the stored copy").isEqualTo(stored);
        assertThat(body).contains("Kính gửi Nguyễn Thị Yêu Cầu", copy.get("verificationCode").asString());

        // the portal's connector: refused once (503), filed on the retry, with the system's credential
        LoopbackHttpServer.Request filed = null;
        for (var request : targets().filed) {
            if (JSON.readTree(request.body()).get("certificationId").asString().equals(id)) {
                filed = request;
            }
        }
        assertThat(filed).isNotNull();
        assertThat(filed.authorization()).isEqualTo("Bearer portal-secret");
        JsonNode metadata = JSON.readTree(filed.body());
        assertThat(metadata.get("citizenIdNumber").asString()).isEqualTo("048190000123");
        assertThat(metadata.get("registerNumber").asLong()).isEqualTo(copy.get("registerNumber").asLong());
        assertThat(Base64.getDecoder().decode(metadata.get("pdf").asString())).isEqualTo(stored);
        assertThat(targets().portalCalls.get()).as("the first call was refused and tried again")
                .isGreaterThan(targets().filed.size());
    }

    @Test
    @Order(23)
    void originalsAreRefusedInWritingAtIntakeAndAtCertificationAndTakeNoNumber() throws Exception {
        String register = "/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear();
        long lastNumber = json(api.get(register, CERTIFIER)).get("state").get("lastNumber").asLong();
        String intake = "/api/v1/dossiers/" + DOSSIER + "/refusals";

        // at intake, before any scan: a paper an individual wrote himself, with no agency's confirmation
        for (String[] bad : new String[][]{
            {"{\"paperTitle\":\"Đơn tự viết\",\"reason\":\"SMUDGED\"}", "reason"},
            {"{\"paperTitle\":\"Đơn tự viết\"}", "reason"},
            {"{\"paperTitle\":\"Đơn tự viết\",\"reason\":\"OTHER\"}", "note"},
            {"{\"reason\":\"PERSONAL_UNCONFIRMED\"}", "paperTitle"}}) {
            HttpResponse<String> answer = api.postJson(intake, CLERK, bad[0]);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(json(answer).get("field").asString()).isEqualTo(bad[1]);
        }
        assertThat(api.postJson(intake, SUPERVISOR, "{\"paperTitle\":\"Đơn\",\"reason\":\"DAMAGED\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> atIntake = api.postJson(intake, CLERK, """
                {"paperTitle":"Đơn xin xác nhận tự viết","reason":"PERSONAL_UNCONFIRMED","requester":%s}"""
                .formatted(REQUESTER));
        assertThat(atIntake.statusCode()).as(atIntake.body()).isEqualTo(201);
        JsonNode refusal = json(atIntake);
        assertThat(refusal.get("stage").asString()).isEqualTo("INTAKE");
        assertThat(refusal.get("legalBasis").asString()).startsWith("khoản 6 Điều 22");
        assertThat(refusal.get("requester").get("idNumber").asString()).isEqualTo("048190000123");
        HttpResponse<byte[]> notice = api.getBytes(refusal.get("noticeUrl").asString(), CLERK);
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(VeraPdfJudge.pdfA2bFailures(notice.body())).isEmpty();
        LocalDate day = today();
        assertThat(text(notice.body())).contains("THÔNG BÁO", "Về việc từ chối chứng thực bản sao từ bản chính",
                "Kính gửi: Nguyễn Thị Yêu Cầu (CCCD số 048190000123)", "\"Đơn xin xác nhận tự viết\"",
                "do cá nhân tự lập mà không có xác nhận", "khoản 6 Điều 22 Nghị định số 23/2015/NĐ-CP",
                "Ngày %02d tháng %02d năm %d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
                "Trần Thị Lan", "Cán bộ tiếp nhận");

        // at certification: a paper marked secret, scanned and digitized, is refused by the certifier and barred
        String secret = json(api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Công văn có dấu Mật"}}, new Object[][]{{"files", "a03.pdf",
                        Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}})).get("id").asString();
        api.awaitFinished(secret, CLERK, Duration.ofSeconds(90));
        assertThat(api.postJson("/api/v1/documents/" + secret + "/refusals", CLERK,
                "{\"reason\":\"SECRET_OR_NO_COPY\"}").statusCode()).as("the clerk refuses at intake").isEqualTo(403);
        HttpResponse<String> atCertification = api.postJson("/api/v1/documents/" + secret + "/refusals", CERTIFIER,
                "{\"reason\":\"SECRET_OR_NO_COPY\",\"note\":\"dấu MẬT ở trang 1\",\"requester\":" + REQUESTER + "}");
        assertThat(atCertification.statusCode()).as(atCertification.body()).isEqualTo(201);
        JsonNode barred = json(atCertification);
        assertThat(barred.get("paperTitle").asString()).isEqualTo("Công văn có dấu Mật");
        assertThat(barred.get("refusedByName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(text(api.getBytes(barred.get("noticeUrl").asString(), CERTIFIER).body()))
                .contains("khoản 3 Điều 22", "dấu MẬT ở trang 1", "Nguyễn Văn An");
        HttpResponse<String> certify = api.postJson("/api/v1/documents/" + secret + "/certifications", CERTIFIER,
                REQUEST);
        assertThat(certify.statusCode()).isEqualTo(409);
        assertThat(json(api.get("/api/v1/certification-queue", CERTIFIER)).findValuesAsString("id"))
                .doesNotContain(secret);

        assertThat(json(api.get("/api/v1/refusals?dossierCode=" + DOSSIER, CLERK)).findValuesAsString("id"))
                .contains(refusal.get("id").asString(), barred.get("id").asString());
        assertThat(json(api.get(register, CERTIFIER)).get("state").get("lastNumber").asLong())
                .as("a refusal takes no number").isEqualTo(lastNumber);
    }

    @Test
    @Order(27)
    void aRevokedCertifierIsRefusedAndTheNumberTakenIsRecordedVoid() throws Exception {
        var certificate = signingKeys.certifierKey("certifier", "Nguyễn Văn An", "UBND xã Hòa Phong").certificate();
        developmentPki.revoke(certificate, clock.instant().minusSeconds(5),
                DevelopmentPki.RevocationReason.KEY_COMPROMISE);

        HttpResponse<String> refused = api.postJson("/api/v1/documents/" + documentId + "/certifications", CERTIFIER, REQUEST);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).endsWith("certificate-revoked");
        assertThat(json(refused).get("detailVi").asString()).contains("thu hồi");

        JsonNode register = json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear(),
                CERTIFIER));
        JsonNode entries = register.get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("number").asLong()).isEqualTo(register.get("state").get("lastNumber").asLong());
        assertThat(last.get("status").asString()).isEqualTo("VOID");
        assertThat(last.get("voidReason").asString()).contains("revoked");
        // this one, and the numbers of the signing sessions the certifier declined and the token could not sign
        // (order 13)
        assertThat(register.get("totals").get("voided").asLong()).isEqualTo(3);
    }

    /** A PNG whose header declares 50000 × 50000 pixels (a decompression bomb), with one tiny data chunk. */
    static byte[] hugeDeclaredPng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * The database a restore drill restores into, as arguments for the tools and the restored node: none on H2 (the
     * new data directory's own file); a new database on PostgreSQL.
     */
    List<String> restoredDatabase() {
        return List.of();
    }

    /** Drops what {@link #restoredDatabase()} made. */
    void dropRestoredDatabase() {
    }

    @Test
    @Order(26)
    void theRestoreDrillBringsBackAServiceWhoseCopiesValidateAndWhoseRegisterGoesOn() throws Exception {
        Path backup = Files.createTempDirectory("sohoa-backup").resolve("drill");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        // what the store has lost or damaged before the backup (the H2 run's scrub test breaks two objects on
        // purpose): the backup names them and goes on, and the restored service has lost exactly those and nothing more
        List<String> damaged = List.copyOf(damagedOnPurpose);
        // with a copy to another S3 service (another site): its keys from files, never on the command line
        Path otherSite = Files.createTempDirectory("sohoa-other-site");
        EmbeddedS3Server other = new EmbeddedS3Server(otherSite.resolve("objects"), 0);
        other.start();
        try {
            Path accessKey = Files.writeString(otherSite.resolve("access-key"), other.accessKey());
            Path secretKey = Files.writeString(otherSite.resolve("secret-key"), other.secretKey());
            List<String> settings = new ArrayList<>(serviceSettings());
            settings.addAll(List.of("--copy-to-s3", other.endpoint(), "--s3-bucket", "drill-copies",
                    "--s3-access-key-file", accessKey.toString(), "--s3-secret-key-file", secretKey.toString()));
            assertThat(cli(said, "backup", "--to", backup.toString(), settings)).as(said.toString())
                    .isEqualTo(damaged.isEmpty() ? 0 : 3);
            assertThat(said.toString()).contains("backup: done").contains("copied to " + other.endpoint());
            MinioClient copies = MinioClient.builder().endpoint(other.endpoint())
                    .credentials(other.accessKey(), other.secretKey()).region("us-east-1").build();
            long copied = 0;
            for (var item : copies.listObjects(ListObjectsArgs.builder().bucket("drill-copies")
                    .prefix("drill/").recursive(true).build())) {
                item.get();
                copied++;
            }
            long files;
            try (var walk = Files.walk(backup)) {
                files = walk.filter(Files::isRegularFile).count();
            }
            assertThat(copied).as("every file of the backup in the other S3 service").isEqualTo(files);
        } finally {
            other.stop();
        }
        JsonNode manifest = JSON.readTree(Files.readString(backup.resolve("manifest.json")));
        long objects = jdbc.sql("select count(*) from stored_objects").query(Long.class).single();
        assertThat(manifest.get("objects").size()).as("every catalogued object").isEqualTo((int) objects);
        List<String> notCopied = new ArrayList<>();
        manifest.get("objects").forEach(entry -> {
            if (!entry.path("problem").isNull() && !entry.path("problem").isMissingNode()) {
                notCopied.add(entry.get("problem").asString() + " " + entry.get("key").asString());
            }
        });
        assertThat(notCopied).containsExactlyInAnyOrderElementsOf(damaged);
        assertThat(manifest.get("homeFiles").toString()).contains("audit-key");
        String intact = "? not like '%' || object_key || '%'";
        String damagedKeys = String.join(" ", damaged);
        // each copy's latest version (an archive renewal adds one): what the restored service must serve, byte for byte
        Map<String, String> issued = new HashMap<>();
        for (Map<String, Object> row : jdbc.sql("select id, coalesce((select r.sha256 from archive_renewals r "
                        + "where r.certification_id = c.id and r.sequence_number = (select max(sequence_number) "
                        + "from archive_renewals where certification_id = c.id)), sha256) as latest "
                        + "from certifications c where " + intact).param(damagedKeys).query().listOfRows()) {
            issued.put((String) row.get("id"), (String) row.get("latest"));
        }
        List<String> copies = issued.keySet().stream().sorted().toList();
        // validated in full: the first and the last copy issued, every copy signed outside the service (USB token,
        // remote signing) and every copy whose archive time-stamp was renewed
        List<String> validated = jdbc.sql("select id from certifications c where " + intact + " and ("
                + "certified_at = (select min(certified_at) from certifications where " + intact + ") "
                + "or certified_at = (select max(certified_at) from certifications where " + intact + ") "
                + "or exists (select 1 from signing_sessions s where s.copy_id = c.id) "
                + "or exists (select 1 from archive_renewals r where r.certification_id = c.id)) order by id")
                .params(damagedKeys, damagedKeys, damagedKeys).query(String.class).list();
        String register = "/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + currentYear();
        long lastNumber = 0;
        for (JsonNode entry : json(api.get(register, CERTIFIER)).get("entries")) {
            lastNumber = Math.max(lastNumber, entry.get("number").asLong());
        }
        assertThat(copies).isNotEmpty();
        assertThat(validated).as("a sample of several kinds").hasSizeGreaterThan(2).isSubsetOf(copies);

        // 1-2: an empty home; the restore into it (nothing else runs there)
        Path home = Files.createTempDirectory("sohoa-restored");
        List<String> database = restoredDatabase();
        try {
            List<String> on = new ArrayList<>(database);
            on.add("--sohoa.home=" + home);
            assertThat(cli(said, "restore", "--from", backup.toString(), on)).as(said.toString()).isZero();
            // a second restore into the same, now full, database is refused
            assertThat(cli(said, "restore", "--from", backup.toString(), on)).isEqualTo(1);
            // 3-4: every object present and whole, the audit chain and its anchors intact
            // a corrupt object was not copied, so it is missing there now: the same objects, nothing more
            assertThat(scrubProblems(cli(said, "scrub", on), said).stream().map(p -> p.substring(8)).toList())
                    .as(said.toString()).containsExactlyInAnyOrderElementsOf(damaged.stream()
                            .map(p -> p.substring(8)).toList());
            assertThat(cli(said, "audit", "verify", on)).as(said.toString()).isZero();
            // 5: the service on the restored home (same public address, as after a real restore)
            int restoredPort = freePort();
            List<String> arguments = new ArrayList<>(database);
            arguments.addAll(List.of("--sohoa.public-base-url=http://127.0.0.1:" + port,
                    "--sohoa.clock.start=" + OffsetDateTime.now(clock)));
            // in this JVM: the same code an operator's restored node runs, without a second cold JVM's start
            try (ConfigurableApplicationContext restored = ServiceNode.inThisJvm(home, restoredPort, List.of(),
                    arguments.toArray(String[]::new))) {
                SohoaHttpClient there = new SohoaHttpClient("http://127.0.0.1:" + restoredPort);
                // every copy is served as issued; identical bytes validate alike, so the verification endpoint
                // (veraPDF and EU DSS, most of the drill's time with dozens of copies) checks the sample
                for (String copy : copies) {
                    HttpResponse<byte[]> pdf = there.getBytes("/api/v1/certified-copies/" + copy + "/pdf", CERTIFIER);
                    assertThat(pdf.statusCode()).as(copy).isEqualTo(200);
                    assertThat(Sha256.hex(pdf.body())).as(copy + ": the bytes issued").isEqualTo(issued.get(copy));
                    if (validated.contains(copy)) {
                        HttpResponse<String> verdict = there.postMultipart("/api/v1/verifications", CERTIFIER,
                                new String[][]{}, new Object[][]{{"file", "copy.pdf", pdf.body()}});
                        assertThat(json(verdict).get("valid").asBoolean()).as(copy + ": " + verdict.body()).isTrue();
                    }
                }
                HttpResponse<String> next = there.postJson("/api/v1/documents/" + documentId + "/certifications",
                        CERTIFIER, REQUEST);
                assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
                assertThat(json(next).get("registerNumber").asLong()).as("the register goes on without a gap")
                        .isEqualTo(lastNumber + 1);
            }
        } finally {
            dropRestoredDatabase();
        }
    }

    /**
     * The objects a test of this run damaged on purpose, as {@code sohoa scrub} names them ("CORRUPT key",
     * "MISSING key"): the restore drill expects the backup to name exactly those.
     */
    final List<String> damagedOnPurpose = new ArrayList<>();

    /** The problems {@code sohoa scrub} printed ("CORRUPT key", "MISSING key"), checked against its exit code. */
    static List<String> scrubProblems(int exit, ByteArrayOutputStream said) {
        List<String> problems = new ArrayList<>();
        for (String line : said.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("CORRUPT ") || line.startsWith("MISSING ")) {
                problems.add(line.substring(0, line.indexOf(" — ")));
            }
        }
        assertThat(exit).as(said.toString()).isEqualTo(problems.isEmpty() ? 0 : 3);
        return problems;
    }

    /** Runs a command-line tool in this JVM with the given settings (another home, another database). */
    private static int cli(ByteArrayOutputStream out, String command, List<String> settings) {
        return cli(out, command, null, settings);
    }

    private static int cli(ByteArrayOutputStream out, String command, String subcommand, List<String> settings) {
        List<String> args = new ArrayList<>(List.of(command));
        if (subcommand != null) {
            args.add(subcommand);
        }
        args.addAll(settings);
        out.reset();
        PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
        return SohoaApplication.runTool(args.toArray(String[]::new), both, both);
    }

    private static int cli(ByteArrayOutputStream out, String command, String option, String value,
                           List<String> settings) {
        List<String> args = new ArrayList<>(List.of(option, value));
        args.addAll(settings);
        return cli(out, command, null, args);
    }

    @Autowired
    Environment environment;
    @Autowired
    EmbeddedObjectStoreServer embeddedStore;

    /** Runs {@code sohoa scrub} in this JVM against the data of the running service. */
    int scrub(ByteArrayOutputStream out) {
        return tool(out, "scrub");
    }

    /** Runs {@code sohoa audit <command>} in this JVM against the data of the running service. */
    int audit(String command, ByteArrayOutputStream out) {
        return tool(out, "audit", command);
    }

    /** Runs a command-line tool in this JVM on the running service's home and database. */
    private int tool(ByteArrayOutputStream out, String... tool) {
        List<String> args = new ArrayList<>(List.of(tool));
        args.addAll(serviceSettings());
        return SohoaApplication.runTool(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The running service's home and database, as a tool's arguments. */
    private List<String> serviceSettings() {
        List<String> args = new ArrayList<>(List.of("--sohoa.home=" + properties.home(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")));
        String schema = environment.getProperty("spring.flyway.default-schema");
        if (schema != null) {
            args.add("--spring.flyway.default-schema=" + schema);
        }
        return args;
    }

    @Autowired
    JdbcClient jdbc;

    static final String CITIZEN = "048190000123";

    /** The reuse indicator's numerator and denominator of the demo commune for the service's month. */
    long[] reuseFigures() throws Exception {
        JsonNode report = json(api.get("/api/v1/statistics/indicators?unit=" + AGENCY + "&period="
                + YearMonth.from(today()), SUPERVISOR));
        for (JsonNode value : report.get("total").get("indicators")) {
            if (value.get("indicator").asString().equals("REUSE_OF_DIGITIZED_DATA")) {
                return new long[]{value.get("numerator").asLong(), value.get("denominator").asLong()};
            }
        }
        throw new AssertionError("no reuse indicator in " + report);
    }

    @Test
    @Order(14)
    void aCitizensDigitizedPaperIsReusedInHerNextDossierAndCountsForReuse() throws Exception {
        // born-digital papers keep their own text: reuse does not need Tesseract (the OCR path has its own tests)
        byte[] scan = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        HttpResponse<String> valid = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy khai sinh"}, {"citizenId", CITIZEN}, {"paperType", "giay_khai_sinh"},
                        {"validUntil", "2099-12-31"}},
                new Object[][]{{"files", "a06.pdf", scan}});
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(202);
        String paper = json(valid).get("id").asString();
        HttpResponse<String> expired = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy xác nhận cũ"}, {"citizenId", CITIZEN}, {"paperType", "XAC_NHAN"},
                        {"validUntil", "2020-01-01"}},
                new Object[][]{{"files", "a06.pdf", scan}});
        String expiredPaper = json(expired).get("id").asString();
        HttpResponse<String> badId = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy khai sinh"}, {"citizenId", "12345"}},
                new Object[][]{{"files", "a06.pdf", scan}});
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).get("field").asString()).isEqualTo("citizenId");
        api.awaitFinished(paper, CLERK, Duration.ofSeconds(90));
        api.awaitFinished(expiredPaper, CLERK, Duration.ofSeconds(90));

        // a code's YYMMDD is its receipt date in Vietnam time: 23:30 on the 23rd in UTC is the 24th in Vietnam
        HttpResponse<String> wrongDay = api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"000.00.30.H42-261123-0009","agencyCode":"%s","receivedAt":"2026-11-23T23:30:00Z"}"""
                .formatted(AGENCY));
        assertThat(wrongDay.statusCode()).isEqualTo(400);
        assertThat(json(wrongDay).get("field").asString()).isEqualTo("code");
        assertThat(json(wrongDay).get("detail").asString()).contains("2026-11-24");
        // her next dossier names her as its applicant (optional; certifications of its papers are pre-filled)
        String nextDossier = "000.00.30.H42-261124-0001";
        HttpResponse<String> badApplicant = api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-24T08:00:00+07:00",
                 "applicant":{"fullName":"Phạm Thị Dân","idType":"CCCD","idNumber":"12345"}}"""
                .formatted(nextDossier, AGENCY));
        assertThat(badApplicant.statusCode()).isEqualTo(400);
        assertThat(json(badApplicant).get("field").asString()).isEqualTo("applicant.idNumber");
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-24T08:00:00+07:00",
                 "applicant":{"fullName":"Phạm Thị Dân","idType":"CCCD","idNumber":"%s","phone":"0912345678"}}"""
                .formatted(nextDossier, AGENCY, CITIZEN)).statusCode()).isEqualTo(201);
        JsonNode applicant = json(api.get("/api/v1/dossiers/" + nextDossier, CLERK)).get("applicant");
        assertThat(applicant.get("fullName").asString()).isEqualTo("Phạm Thị Dân");
        assertThat(applicant.get("idNumber").asString()).isEqualTo(CITIZEN);
        long[] before = reuseFigures();

        // the clerk looks the citizen up before scanning: the valid paper is found, the expired one is not
        // (for the dossier she applies with, and only that one: nobody browses citizens' papers at will)
        String lookup = "/api/v1/reusable-papers?dossierCode=" + nextDossier + "&citizenId=" + CITIZEN;
        JsonNode found = json(api.get(lookup, CLERK));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(paper);
        assertThat(found.get(0).get("paperType").asString()).isEqualTo("GIAY_KHAI_SINH");
        assertThat(json(api.get(lookup + "&paperType=XAC_NHAN", CLERK))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CITIZEN_PAPERS_LOOKED_UP' and subject = ? "
                + "and actor = 'clerk'").param(nextDossier).query(Long.class).single()).as("each lookup audited")
                .isEqualTo(2);
        assertThat(api.get(lookup, SUPERVISOR).statusCode()).isEqualTo(403);
        HttpResponse<String> noDossier = api.get("/api/v1/reusable-papers?citizenId=" + CITIZEN, CLERK);
        assertThat(noDossier.statusCode()).isEqualTo(400);
        assertThat(json(noDossier).get("field").asString()).isEqualTo("dossierCode");
        HttpResponse<String> notTheApplicant = api.get("/api/v1/reusable-papers?dossierCode=" + DOSSIER
                + "&citizenId=" + CITIZEN, CLERK);
        assertThat(notTheApplicant.statusCode()).as("a dossier she does not apply with").isEqualTo(403);
        assertThat(api.postJson("/api/v1/dossiers/" + DOSSIER + "/documents/reused", CLERK,
                "{\"documentId\":\"" + paper + "\"}").statusCode()).as("nor is her paper reused there").isEqualTo(403);
        HttpResponse<String> noId = api.get("/api/v1/reusable-papers?dossierCode=" + nextDossier + "&citizenId=abc",
                CLERK);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(json(noId).get("field").asString()).isEqualTo("citizenId");

        HttpResponse<String> reused = api.postJson("/api/v1/dossiers/" + nextDossier + "/documents/reused", CLERK,
                "{\"documentId\":\"" + paper + "\"}");
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(201);
        JsonNode document = json(reused);
        assertThat(document.get("status").asString()).isEqualTo("DIGITIZED");
        assertThat(document.get("reusedFrom").asString()).isEqualTo(paper);
        assertThat(document.get("pdfSha256").asString()).isEqualTo(
                json(api.get("/api/v1/documents/" + paper, CLERK)).get("pdfSha256").asString());
        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/documents/" + document.get("id").asString() + "/pdf",
                CLERK);
        assertThat(pdf.statusCode()).isEqualTo(200);

        HttpResponse<String> stale = api.postJson("/api/v1/dossiers/" + nextDossier + "/documents/reused", CLERK,
                "{\"documentId\":\"" + expiredPaper + "\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("detail").asString()).contains("expired on 2020-01-01");

        long[] after = reuseFigures();
        assertThat(after[0]).isEqualTo(before[0] + 1);
        assertThat(after[1]).isEqualTo(before[1]);
    }

    @Autowired
    LoginThrottle throttle;

    @Autowired
    Webhooks webhookOutbox;

    @Autowired
    AuditAnchors auditAnchors;

    /** A receiver of webhooks that fails its first delivery (HTTP 500) and keeps every request. */
    record Received(Map<String, String> headers, byte[] body) {
    }

    /** What the receiver computes to check a delivery: sha256=hex(HMAC-SHA256(secret, timestamp + '.' + body)). */
    static String signature(String secret, Received delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((delivery.headers().get("x-sohoa-timestamp") + ".").getBytes(StandardCharsets.US_ASCII));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
    }

    @Test
    @Order(16)
    void otherSystemsAreToldOfDigitizedDocumentsAndCertifiedCopiesBySignedRetriedWebhooks() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", targets().webhookPort), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HttpResponse<String> badUrl = api.postJson("/api/v1/webhooks", ADMIN, """
                    {"url":"ftp://example.org/x","events":["DOCUMENT_DIGITIZED"],"agencyCode":"%s"}"""
                    .formatted(AGENCY));
            assertThat(badUrl.statusCode()).isEqualTo(400);
            assertThat(json(badUrl).get("field").asString()).isEqualTo("url");
            // nothing on the service's own network unless allowed: another loopback port, a name for loopback, the
            // cloud metadata address, a private address (refused before any connection)
            int allowed = targets().webhookPort;
            for (String inward : List.of("http://127.0.0.1:" + (allowed == 65535 ? 1 : allowed + 1) + "/hook",
                    "http://localhost:" + allowed + "/hook", "http://169.254.169.254/latest/",
                    "http://10.0.0.1/hook", "http://[::1]:" + allowed + "/hook")) {
                HttpResponse<String> refused = api.postJson("/api/v1/webhooks", ADMIN, """
                        {"url":"%s","events":["DOCUMENT_DIGITIZED"],"agencyCode":"%s"}""".formatted(inward, AGENCY));
                assertThat(refused.statusCode()).as(inward + " " + refused.body()).isEqualTo(400);
                assertThat(json(refused).get("field").asString()).isEqualTo("url");
            }
            assertThat(api.postJson("/api/v1/webhooks", CLERK, "{\"url\":\"http://x/\",\"events\":"
                    + "[\"DOCUMENT_DIGITIZED\"]}").statusCode()).isEqualTo(403);

            HttpResponse<String> created = api.postJson("/api/v1/webhooks", ADMIN, """
                    {"url":"http://127.0.0.1:%d/hook","events":["DOCUMENT_DIGITIZED","COPY_CERTIFIED"],
                     "agencyCode":"%s"}""".formatted(receiver.getAddress().getPort(), AGENCY));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String subscription = json(created).get("id").asString();
            String secret = json(created).get("secret").asString();
            assertThat(secret).startsWith("whsec_");
            assertThat(api.get("/api/v1/webhooks", ADMIN).body()).contains(subscription).doesNotContain(secret);

            byte[] scan = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
            String document = json(api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                    new String[][]{{"title", "Giấy tờ báo qua webhook"}},
                    new Object[][]{{"files", "a06.pdf", scan}})).get("id").asString();
            api.awaitFinished(document, CLERK, Duration.ofSeconds(90));

            // the first delivery fails with 500; the outbox tries again after the first retry delay
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(received).hasSizeGreaterThanOrEqualTo(2);
            Received delivered = received.get(1);
            assertThat(delivered.headers()).containsEntry("x-sohoa-event", "document.digitized");
            assertThat(delivered.headers().get("x-sohoa-delivery")).isEqualTo(received.get(0).headers()
                    .get("x-sohoa-delivery"));
            assertThat(delivered.headers().get("x-sohoa-signature")).isEqualTo(signature(secret, delivered));
            JsonNode payload = JSON.readTree(delivered.body());
            assertThat(payload.get("type").asString()).isEqualTo("document.digitized");
            assertThat(payload.get("data").get("documentId").asString()).isEqualTo(document);

            JsonNode deliveries = json(api.get("/api/v1/webhooks/" + subscription + "/deliveries", ADMIN));
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(2);
            assertThat(deliveries.get(0).get("lastStatus").asInt()).isEqualTo(204);
            assertThat(deliveries.get(0).get("deliveredAt").isNull()).isFalse();

            HttpResponse<String> certified = api.postJson("/api/v1/documents/" + document + "/certifications",
                    CERTIFIER, REQUEST);
            assertThat(certified.statusCode()).as(certified.body()).isEqualTo(201);
            String copy = json(certified).get("id").asString();
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(received).hasSize(3);
            JsonNode copyPayload = JSON.readTree(received.get(2).body());
            assertThat(copyPayload.get("type").asString()).isEqualTo("copy.certified");
            assertThat(copyPayload.get("data").get("certificationId").asString()).isEqualTo(copy);
            assertThat(copyPayload.get("data").get("requester").get("idNumber").asString())
                    .as("the one-stop system files the copy under the requester").isEqualTo("048190000123");

            // a rotated secret: shown once, and both secrets sign until the overlap ends
            assertThat(api.post("/api/v1/webhooks/" + subscription + "/secret", CLERK).statusCode()).isEqualTo(403);
            HttpResponse<String> rotation = api.post("/api/v1/webhooks/" + subscription + "/secret", ADMIN);
            assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
            String newSecret = json(rotation).get("secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
            assertThat(OffsetDateTime.parse(json(rotation).get("previousSecretValidUntil").asString())
                    .toInstant()).isAfter(clock.instant().plus(Duration.ofHours(23)));
            assertThat(api.get("/api/v1/webhooks", ADMIN).body()).doesNotContain(newSecret);
            webhookOutbox.publish(WebhookEvent.DOCUMENT_DIGITIZED, AGENCY, Map.of("documentId", document));
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(received).hasSize(4);
            assertThat(received.get(3).headers().get("x-sohoa-signature"))
                    .isEqualTo(signature(newSecret, received.get(3)) + "," + signature(secret, received.get(3)));

            // checked again at delivery: a subscription whose target now lies inside (as DNS rebinding would make it)
            // is not called, and its deliveries say why without telling what listens there
            int before = received.size();
            jdbc.sql("update webhook_subscriptions set url = ? where id = ?")
                    .params("http://localhost:" + targets().webhookPort + "/hook", subscription).update();
            HttpResponse<String> again = api.postJson("/api/v1/documents/" + document + "/certifications",
                    CERTIFIER, REQUEST);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode refusedDelivery = null;
            while (refusedDelivery == null && System.nanoTime() < deadline) {
                for (JsonNode each : json(api.get("/api/v1/webhooks/" + subscription + "/deliveries", ADMIN))) {
                    if (each.path("lastError").asString("").contains("outbound policy")) {
                        refusedDelivery = each;
                    }
                }
                Thread.sleep(200);
            }
            assertThat(refusedDelivery).as("a delivery refused by the outbound policy").isNotNull();
            assertThat(received).as("the receiver was not called").hasSize(before);

            assertThat(api.delete("/api/v1/webhooks/" + subscription, ADMIN).statusCode()).isEqualTo(204);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(17)
    void theOneStopSystemReportsFactsAndReadsIndicatorsOverHttp() throws Exception {
        String units = """
                code,name,level,parent_code,valid_from,valid_to,successors
                T00,Tỉnh Thử (e2e),PROVINCE,,2000-01-01,,
                T01,"Xã Một, Thử",COMMUNE,T00,2000-01-01,2026-01-01,T03
                T02,Xã Hai,COMMUNE,T00,2000-01-01,2026-01-01,T03
                T03,Xã Ba (sáp nhập),COMMUNE,T00,2026-01-01,,
                """;
        assertThat(api.send("POST", "/api/v1/units", CLERK, "text/csv", units).statusCode()).isEqualTo(403);
        HttpResponse<String> badCsv = api.send("POST", "/api/v1/units", ADMIN, "text/csv",
                units.replace("T02,Xã Hai,COMMUNE", "T02,Xã Hai,VILLAGE"));
        assertThat(badCsv.statusCode()).isEqualTo(400);
        assertThat(json(badCsv).get("detail").asString()).contains("line 4").contains("VILLAGE");
        HttpResponse<String> imported = api.send("POST", "/api/v1/units", ADMIN, "text/csv", units);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).get("versions").asInt()).isEqualTo(4);
        assertThat(json(api.get("/api/v1/units/T03", ADMIN)).get("predecessors")).hasSize(2);
        assertThat(json(api.get("/api/v1/units?on=2025-12-31", ADMIN)).toString()).contains("T01")
                .doesNotContain("\"T03\"");

        assertThat(api.send("PUT", "/api/v1/targets/2025", ADMIN, "application/json", """
                [{"level":"COMMUNE","indicator":"DOSSIERS_DIGITIZED","rate":60}]""").statusCode()).isEqualTo(200);

        String bearer = "Bearer " + json(api.postJson("/api/v1/api-clients", ADMIN,
                "{\"name\":\"Một cửa tỉnh Thử\",\"agencyCode\":\"000.00.00.H42\"}")).get("apiKey").asString();
        String events = """
                [{"dossierCode":"T01-1","eventId":"r","type":"RECEIVED","occurredAt":"2025-05-02T08:00:00+07:00",
                  "unitCode":"T01","channel":"ONLINE","components":1,"paperResult":false},
                 {"dossierCode":"T01-1","eventId":"d","type":"COMPONENT_DIGITIZED",
                  "occurredAt":"2025-05-02T09:00:00+07:00","component":"cccd"},
                 {"dossierCode":"T02-1","eventId":"d","type":"COMPONENT_DIGITIZED",
                  "occurredAt":"2025-06-02T09:00:00+07:00","component":"1"},
                 {"dossierCode":"T02-1","eventId":"r","type":"RECEIVED","occurredAt":"2025-06-02T08:00:00+07:00",
                  "unitCode":"T02","channel":"WALK_IN","components":2}]""";
        // the system's agency is the demo province: the test province's units are not its own
        assertThat(api.send("POST", "/api/v1/dossier-events", bearer, "application/json", events).statusCode())
                .isEqualTo(404);
        HttpResponse<String> recorded = api.send("POST", "/api/v1/dossier-events", ADMIN, "application/json",
                events);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        HttpResponse<String> again = api.send("POST", "/api/v1/dossier-events", ADMIN, "application/json", events);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get(0).get("recorded").asBoolean()).isFalse();
        HttpResponse<String> conflict = api.send("POST", "/api/v1/dossier-events", ADMIN, "application/json",
                events.replace("\"channel\":\"ONLINE\"", "\"channel\":\"POSTAL\""));
        assertThat(conflict.statusCode()).isEqualTo(409);
        HttpResponse<String> missing = api.send("POST", "/api/v1/dossier-events", ADMIN, "application/json", """
                [{"dossierCode":"T01-2","eventId":"r","type":"RECEIVED","occurredAt":"2025-05-02T08:00:00+07:00",
                  "unitCode":"T01"}]""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asString()).isEqualTo("channel");

        // 2025: T01's dossier digitized, T02's not (one of two components): 50 %, under the communes' 60 % target;
        // T03 did not exist yet, its series there is what T01 and T02 did
        JsonNode report = json(api.get("/api/v1/statistics/indicators?unit=T00&period=2025", ADMIN));
        JsonNode digitized = null;
        for (JsonNode value : report.get("total").get("indicators")) {
            if (value.get("indicator").asString().equals("DOSSIERS_DIGITIZED")) {
                digitized = value;
            }
        }
        assertThat(digitized.get("numerator").asLong()).isEqualTo(1);
        assertThat(digitized.get("denominator").asLong()).isEqualTo(2);
        assertThat(digitized.get("rate").asDouble()).isEqualTo(50.0);
        JsonNode merged = json(api.get("/api/v1/statistics/indicators?unit=T03&period=2025", ADMIN));
        assertThat(merged.get("total").get("figures").get("received").asLong()).isEqualTo(2);
        JsonNode communes = null;
        for (JsonNode level : report.get("levels")) {
            if (level.get("level").asString().equals("COMMUNE")) {
                communes = level;
            }
        }
        assertThat(communes.get("units").asInt()).isEqualTo(2);
        JsonNode communeDigitized = communes.get("indicators").get(1);
        assertThat(communeDigitized.get("target").asDouble()).isEqualTo(60.0);
        assertThat(communeDigitized.get("attained").asBoolean()).isFalse();

        JsonNode trend = json(api.get("/api/v1/statistics/indicators/trend?unit=T00&from=2025-04&to=2025-07",
                ADMIN));
        assertThat(trend).hasSize(4);
        assertThat(trend.get(1).get("total").get("figures").get("received").asLong()).isEqualTo(1);
        HttpResponse<String> badTrend = api.get("/api/v1/statistics/indicators/trend?unit=T00&from=2025-13&to=x",
                ADMIN);
        assertThat(badTrend.statusCode()).isEqualTo(400);
        assertThat(json(badTrend).get("field").asString()).isEqualTo("from");

        HttpResponse<byte[]> csv = api.getBytes("/api/v1/statistics/indicators/export.csv?unit=T00&period=2025",
                ADMIN);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Tỉnh Thử (e2e)");
        HttpResponse<byte[]> xlsx = api.getBytes("/api/v1/statistics/indicators/export.xlsx?unit=T00&period=2025",
                ADMIN);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith(new byte[]{'P', 'K'});
        assertThat(api.get("/api/v1/statistics/indicators?unit=T00&period=2025", SUPERVISOR).statusCode())
                .as("the demo province's supervisor does not see another province").isEqualTo(404);
    }

    @Test
    @Order(28)
    void theAuditLogHoldsWhatHappenedAndShowsATamperedEntry() throws Exception {
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        assertThat(audit("export", exported)).isZero();
        String log = exported.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"SCAN_UPLOADED\"").contains("\"COPY_CERTIFIED\"")
                .contains("\"COPY_DOWNLOADED\"").contains("\"DOCUMENT_DOWNLOADED\"")
                .contains("\"API_CLIENT_CREATED\"").contains("\"ORIGINAL_BARRED\"")
                .contains("\"REGISTER_NUMBER_VOIDED\"").contains("\"certifier\"")
                .contains("\"DOSSIER_REGISTERED\"").contains("\"LINK_ISSUED\"");

        // the head is anchored outside the database, time-stamped
        assertThat(auditAnchors.anchor()).isPositive();
        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(audit("verify", intact)).as(intact.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("chain intact").contains("1 anchors");

        // even whoever holds the key and rewrites entry 3 and every MAC after it is found out by the anchor
        var key = AuditKey.fromFile(properties.home().resolve("audit-key"));
        jdbc.sql("update audit_log set detail = 'rewritten' where seq = 3").update();
        String previous = jdbc.sql("select hash from audit_log where seq = 2").query(String.class).single();
        for (var entry : jdbc.sql("select * from audit_log where seq >= 3 order by seq").query((rs, n) ->
                new AuditLog.Entry(rs.getLong("seq"), rs.getObject("occurred_at",
                        OffsetDateTime.class), rs.getString("actor"), rs.getString("agency_code"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
                        rs.getString("detail"), null, null)).list()) {
            String mac = key.mac(AuditLog.canonical(entry.seq(), entry.occurredAt(),
                    entry.actor(), entry.agencyCode(), entry.action(), entry.subject(), entry.detail(), previous));
            jdbc.sql("update audit_log set previous_hash = ?, hash = ? where seq = ?").params(previous, mac,
                    entry.seq()).update();
            jdbc.sql("update audit_head set hash = ? where seq = ?").params(mac, entry.seq()).update();
            previous = mac;
        }
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        assertThat(audit("verify", rewritten)).as(rewritten.toString(StandardCharsets.UTF_8))
                .isEqualTo(AuditCommand.BROKEN);
        assertThat(rewritten.toString(StandardCharsets.UTF_8)).contains("anchor 1").contains("rewritten");

        jdbc.sql("update audit_log set actor = 'someone-else' where seq = 3").update();
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        assertThat(audit("verify", broken)).isEqualTo(AuditCommand.BROKEN);
        assertThat(broken.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry 3");
    }


    /** Mean absolute difference of two equally sized images' grey levels. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
            }
        }
        return (double) sum / (a.getWidth() * a.getHeight());
    }

    @Test
    @Order(20)
    void administratorsManageUsersClientsAndAgenciesAndSeeWhenKeysExpire() throws Exception {
        HttpResponse<String> weak = api.postJson("/api/v1/users", ADMIN, """
                {"username":"lan.tran","password":"short","fullName":"Trần Lan","role":"CLERK","agencyCode":"%s"}"""
                .formatted(AGENCY));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).get("field").asString()).isEqualTo("password");
        // 30 letters with marks are 60 characters' worth of bcrypt's 72 bytes and more: refused, not cut silently
        HttpResponse<String> longPassword = api.postJson("/api/v1/users", ADMIN, """
                {"username":"lan.tran","password":"%s","fullName":"Trần Lan","role":"CLERK","agencyCode":"%s"}"""
                .formatted("ệ".repeat(30), AGENCY));
        assertThat(longPassword.statusCode()).isEqualTo(400);
        assertThat(json(longPassword).get("field").asString()).isEqualTo("password");
        assertThat(json(longPassword).get("detail").asString()).contains("90 bytes").contains("72");
        HttpResponse<String> created = api.postJson("/api/v1/users", ADMIN, """
                {"username":"lan.tran","password":"a-long-enough-pass","fullName":"Trần Lan","role":"CLERK",
                 "agencyCode":"%s"}""".formatted(AGENCY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password").doesNotContain("$2a$");
        // hashed at the tests' cost (SOHOA_SECURITY_PASSWORDHASHSTRENGTH=4 in pom.xml), which production refuses
        assertThat(jdbc.sql("select password_hash from users where username = 'lan.tran'").query(String.class)
                .single()).startsWith("{bcrypt}$2a$04$");
        // the administrator's password is temporary: Lan chooses her own before anything else
        String temporary = SohoaHttpClient.basic("lan.tran", "a-long-enough-pass");
        HttpResponse<String> first = api.get("/api/v1/dossiers?q=261123-0007", temporary);
        assertThat(first.statusCode()).isEqualTo(403);
        assertThat(json(first).get("field").asString()).isEqualTo("password");
        HttpResponse<String> wrongCurrent = api.postJson("/api/v1/me/password", temporary,
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"lan-chooses-her-own\"}");
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(json(wrongCurrent).get("field").asString()).isEqualTo("currentPassword");
        assertThat(api.postJson("/api/v1/me/password", temporary, "{\"currentPassword\":\"a-long-enough-pass\","
                + "\"newPassword\":\"lan-chooses-her-own\"}").statusCode()).isEqualTo(204);
        String lan = SohoaHttpClient.basic("lan.tran", "lan-chooses-her-own");
        assertThat(api.get("/api/v1/dossiers?q=261123-0007", lan).body()).contains(DOSSIER);
        // Lan also works in a browser; a reset by the administrator ends that session (and is temporary again)
        HttpClient lansBrowser = signedIn("http://127.0.0.1:" + port, "lan.tran", "lan-chooses-her-own");
        assertThat(page(lansBrowser, "http://127.0.0.1:" + port + "/").statusCode()).isEqualTo(200);
        assertThat(api.send("PATCH", "/api/v1/users/lan.tran", ADMIN, "application/json",
                "{\"password\":\"reset-by-the-admin\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = page(lansBrowser, "http://127.0.0.1:" + port + "/");
        assertThat(ended.statusCode()).as("the session ended").isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(at -> assertThat(at).endsWith("/login"));
        assertThat(jdbc.sql("select detail from audit_log where action = 'USER_CHANGED' and subject = 'lan.tran' "
                + "order by seq desc").query(String.class).list().get(0)).contains("password=******")
                .contains("1 session(s) ended");
        assertThat(api.get("/api/v1/dossiers", SohoaHttpClient.basic("lan.tran", "reset-by-the-admin")).statusCode())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/me/password", SohoaHttpClient.basic("lan.tran", "reset-by-the-admin"),
                "{\"currentPassword\":\"reset-by-the-admin\",\"newPassword\":\"lan-chooses-her-own\"}")
                .statusCode()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/users", CLERK, "{}").statusCode()).isEqualTo(403);

        assertThat(api.send("PATCH", "/api/v1/users/lan.tran", ADMIN, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/dossiers", lan).statusCode()).as("a disabled user is refused").isEqualTo(401);
        assertThat(api.send("PATCH", "/api/v1/users/admin", ADMIN, "application/json", "{\"role\":\"CLERK\"}")
                .statusCode()).isEqualTo(409);
        assertThat(json(api.get("/api/v1/users", ADMIN)).findValuesAsString("username")).contains("lan.tran", "clerk");

        assertThat(api.postJson("/api/v1/api-clients", ADMIN, "{\"name\":\"Cổng DVC\",\"agencyCode\":\"" + AGENCY
                + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> clients = api.get("/api/v1/api-clients", ADMIN);
        assertThat(clients.body()).contains("Cổng DVC").doesNotContain("sohoa_");

        // an API key's life: used (last use listed), disabled, enabled, expired, revoked; each refusal says which
        HttpResponse<String> tooLong = api.postJson("/api/v1/api-clients", ADMIN, "{\"name\":\"Mãi mãi\","
                + "\"agencyCode\":\"" + AGENCY + "\",\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(800))
                .atOffset(ZoneOffset.ofHours(7)) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("field").asString()).isEqualTo("expiresAt");
        JsonNode issued = json(api.postJson("/api/v1/api-clients", ADMIN, "{\"name\":\"Kho lưu trữ\","
                + "\"agencyCode\":\"" + AGENCY + "\"}"));
        String clientId = issued.get("id").asString();
        String archiveKey = "Bearer " + issued.get("apiKey").asString();
        assertThat(OffsetDateTime.parse(issued.get("expiresAt").asString()).toInstant())
                .as("a year by default").isBetween(clock.instant().plus(Duration.ofDays(364)),
                        clock.instant().plus(Duration.ofDays(366)));
        Supplier<JsonNode> listed = () -> {
            try {
                for (JsonNode each : json(api.get("/api/v1/api-clients", ADMIN))) {
                    if (each.get("id").asString().equals(clientId)) {
                        return each;
                    }
                }
                throw new AssertionError("API client " + clientId + " not listed");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(listed.get().get("lastUsedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/agencies", archiveKey).statusCode()).isEqualTo(200);
        assertThat(listed.get().get("lastUsedAt").isNull()).as("the last use is listed").isFalse();
        assertThat(listed.get().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.send("PATCH", "/api/v1/api-clients/" + clientId, ADMIN, "application/json",
                "{\"enabled\":false}").statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = api.get("/api/v1/agencies", archiveKey);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(json(disabled).get("detail").asString()).contains("disabled");
        assertThat(api.send("PATCH", "/api/v1/api-clients/" + clientId, ADMIN, "application/json",
                "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/agencies", archiveKey).statusCode()).isEqualTo(200);
        HttpResponse<String> past = api.send("PATCH", "/api/v1/api-clients/" + clientId, ADMIN, "application/json",
                "{\"expiresAt\":\"" + clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC) + "\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        // the expiry date passes (moved in the database, as the service's clock cannot be wound forward here)
        jdbc.sql("update api_clients set expires_at = ? where id = ?")
                .params(clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC), clientId).update();
        HttpResponse<String> expired = api.get("/api/v1/agencies", archiveKey);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("detail").asString()).contains("expired");
        assertThat(listed.get().get("state").asString()).isEqualTo("EXPIRED");
        assertThat(api.send("PATCH", "/api/v1/api-clients/" + clientId, ADMIN, "application/json",
                "{\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)
                + "\"}").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/agencies", archiveKey).statusCode()).as("renewed").isEqualTo(200);
        assertThat(api.delete("/api/v1/api-clients/" + clientId, CLERK).statusCode()).isEqualTo(403);
        assertThat(api.delete("/api/v1/api-clients/" + clientId, ADMIN).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = api.get("/api/v1/agencies", archiveKey);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).get("detail").asString()).contains("revoked");
        assertThat(listed.get().get("state").asString()).isEqualTo("REVOKED");
        assertThat(listed.get().get("revokedBy").asString()).isEqualTo("admin");
        assertThat(api.send("PATCH", "/api/v1/api-clients/" + clientId, ADMIN, "application/json",
                "{\"enabled\":true}").statusCode()).as("revoked for good").isEqualTo(409);

        JsonNode keys = json(api.get("/api/v1/signing-keys", ADMIN));
        assertThat(keys.get("source").asString()).isEqualTo("DEVELOPMENT");
        assertThat(keys.get("keys").findValuesAsString("owner")).contains(AGENCY, "certifier");
        keys.get("keys").forEach(key -> {
            assertThat(key.get("state").asString()).isIn("VALID", "EXPIRES_SOON");
            assertThat(key.get("daysLeft").asLong()).isPositive();
        });
        assertThat(api.get("/api/v1/signing-keys", CERTIFIER).statusCode()).isEqualTo(403);

        HttpResponse<String> agency = api.postJson("/api/v1/agencies", ADMIN, """
                {"code":"000.00.31.H42","name":"UBND xã Hòa Tiến (demo)","level":"COMMUNE","parentCode":"%s"}"""
                .formatted(json(api.get("/api/v1/agencies", ADMIN)).get(0).get("code").asString()));
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/agencies", ADMIN).body()).contains("000.00.31.H42");
        assertThat(json(api.get("/api/v1/dossiers/next-code?agencyCode=000.00.31.H42", ADMIN)).get("code").asString())
                .matches("000\\.00\\.31\\.H42-\\d{6}-0001");

        // a new statement wording, checked, previewed and kept beside the versions Sohoa ships with
        String tomorrow = today().plusDays(1).toString();
        String lines = "[\"Chứng thực bản sao đúng với bản chính.\",\"Số chứng thực: {number} Quyển số: {book}\","
                + "\"{certifierTitle}\",\"{signature}\",\"{certifierName}\",\"{agencyName}\"]";
        HttpResponse<String> missing = api.postJson("/api/v1/statement-templates", ADMIN,
                "{\"version\":\"2027.1\",\"effectiveFrom\":\"" + tomorrow + "\",\"lines\":[\"Số {number}\"]}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asString()).isEqualTo("lines");
        assertThat(json(missing).get("detail").asString()).contains("{book}");
        HttpResponse<String> today = api.postJson("/api/v1/statement-templates", ADMIN,
                "{\"version\":\"2027.1\",\"effectiveFrom\":\"" + today() + "\",\"lines\":" + lines + "}");
        assertThat(today.statusCode()).isEqualTo(400);
        assertThat(json(today).get("field").asString()).isEqualTo("effectiveFrom");
        HttpResponse<byte[]> preview = api.postJsonForBytes("/api/v1/statement-templates/preview", ADMIN,
                "{\"version\":\"2027.1\",\"effectiveFrom\":\"" + tomorrow + "\",\"lines\":" + lines + "}");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(preview.body())).getWidth()).isGreaterThan(500);
        HttpResponse<String> added = api.postJson("/api/v1/statement-templates", ADMIN,
                "{\"version\":\"2027.1\",\"effectiveFrom\":\"" + tomorrow + "\",\"lines\":" + lines + "}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("inForce").asBoolean()).as("it begins tomorrow").isFalse();
        assertThat(api.postJson("/api/v1/statement-templates", ADMIN, "{\"version\":\"2027.2\",\"effectiveFrom\":\""
                + tomorrow + "\",\"lines\":" + lines + "}").statusCode()).as("one version a day").isEqualTo(409);
        assertThat(api.postJson("/api/v1/statement-templates", CERTIFIER, "{}").statusCode()).isEqualTo(403);
        assertThat(json(api.get("/api/v1/statement-templates", CERTIFIER)).findValuesAsString("version"))
                .contains("2020.1", "2025.1", "2027.1");

        // a clerk of the new commune sees nothing of the first commune's papers: 404, as if they did not exist
        assertThat(api.postJson("/api/v1/users", ADMIN, """
                {"username":"tien.clerk","password":"another-long-pass","fullName":"Lê Tiến","role":"CLERK",
                 "agencyCode":"000.00.31.H42"}""").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/me/password", SohoaHttpClient.basic("tien.clerk", "another-long-pass"),
                "{\"currentPassword\":\"another-long-pass\",\"newPassword\":\"tien-own-password\"}").statusCode())
                .isEqualTo(204);
        String tien = SohoaHttpClient.basic("tien.clerk", "tien-own-password");
        for (String path : List.of("/api/v1/documents/" + documentId + "/pages",
                "/api/v1/documents/" + documentId + "/pages/1/image",
                "/api/v1/documents/" + documentId + "/text",
                "/api/v1/documents/" + documentId + "/pdf/pages/1/image")) {
            assertThat(api.get(path, tien).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(api.postMultipart("/api/v1/documents/" + documentId + "/pages/1/rescan", tien,
                new String[][]{}, new Object[][]{{"file", "a.png", new byte[]{1}}}).statusCode()).isEqualTo(404);
        assertThat(json(api.get("/api/v1/dossiers?q=261123", tien))).isEmpty();
        assertThat(api.get("/api/v1/dossiers/next-code?agencyCode=" + AGENCY, tien).statusCode()).isEqualTo(404);
    }
}
