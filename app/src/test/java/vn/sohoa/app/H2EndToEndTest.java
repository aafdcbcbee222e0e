package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import vn.sohoa.app.storage.ScrubCommand;
import vn.sohoa.app.webhook.WebhookEvent;
import vn.sohoa.core.image.RightAngle;
import vn.sohoa.ingest.ScanRejectedException.Reason;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.HostileFiles;
import vn.sohoa.testkit.QrCodes;
import vn.sohoa.testkit.ScanDefects;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * The end-to-end path on the embedded default database, an H2 file under the data directory; and, on this database
 * only, the parts of the path whose outcome does not depend on the database: problem details, API documents, presigned
 * links, the public QR page, scrub, security headers and sign-in throttling, hostile uploads, a draft's page plan.
 */
@Order(1) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class H2EndToEndTest extends EndToEndTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, PORT, temporaryHome());
        TARGETS.register(registry);
    }

    static final DeliveryTargets TARGETS = new DeliveryTargets();

    @Override
    DeliveryTargets targets() {
        return TARGETS;
    }

    String arrangedDocumentId;

    @Test
    @Order(6)
    void badRequestsGetProblemDetailsNamingTheField() throws Exception {
        // an API path nothing answers, or a method it does not take: a problem, not the HTML error page
        HttpResponse<String> unknown = api.get("/api/v1/no-such-thing", CLERK);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(unknown).get("type").asString()).endsWith("/no-such-path");
        HttpResponse<String> wrongMethod = api.send("PUT", "/api/v1/digitization-queue", CLERK, "application/json",
                "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("detail").asString()).contains("GET");
        assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("GET");
        HttpResponse<String> badCode = api.postJson("/api/v1/dossiers", CLERK,
                "{\"code\":\"H42-1\",\"agencyCode\":\"" + AGENCY + "\",\"receivedAt\":\"2026-11-23T09:30:00+07:00\"}");
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(json(badCode).get("field").asString()).isEqualTo("code");

        HttpResponse<String> notAScan = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "notes"}}, new Object[][]{{"files", "notes.pdf",
                        "just text".getBytes(StandardCharsets.UTF_8)}});
        assertThat(notAScan.statusCode()).isEqualTo(415);
        assertThat(json(notAScan).get("field").asString()).isEqualTo("files");
        assertThat(json(notAScan).get("detailVi").asString()).contains("notes.pdf");

        HttpResponse<String> bomb = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "bomb"}}, new Object[][]{{"files", "huge.png", hugeDeclaredPng()}});
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
        assertThat(json(bomb).get("reason").asString()).isEqualTo("TOO_MANY_PIXELS");
        assertThat(json(bomb).get("detail").asString()).contains("huge.png").contains("limit is");

        assertThat(api.get("/api/v1/documents/" + documentId, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/documents/" + UUID.randomUUID(), CLERK).statusCode()).isEqualTo(404);
        HttpResponse<String> badPeriod = api.get("/api/v1/statistics/digitization?period=" + currentYear() + "-13", SUPERVISOR);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(json(badPeriod).get("field").asString()).isEqualTo("period");
    }

    @Test
    @Order(7)
    void apiDocsLoginPageAndVietnamTimesAreServed() throws Exception {
        HttpResponse<String> docs = api.get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/dossiers/{code}/documents").contains("/api/v1/verifications");
        HttpResponse<String> login = api.get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Đăng nhập").contains("_csrf");
        assertThat(api.get("/pki/dev-root-ca.crl", null).statusCode()).isEqualTo(200);
        JsonNode dossier = json(api.get("/api/v1/dossiers/" + DOSSIER, CLERK));
        assertThat(dossier.get("receivedAt").asString()).isEqualTo("2026-11-23T09:30:00+07:00");
        assertThat(dossier.get("documents").get(0).get("createdAt").asString()).endsWith("+07:00");
    }

    @Test
    @Order(8)
    void presignedLinksFetchStraightFromTheStore() throws Exception {
        HttpResponse<String> link = api.post("/api/v1/certified-copies/" + copyId + "/links?expiresInSeconds=120",
                CLERK);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        String url = json(link).get("url").asString();
        HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(certifiedCopy);
        HttpResponse<String> tooLong = api.post("/api/v1/documents/" + documentId + "/links?expiresInSeconds=99999999",
                CLERK);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("field").asString()).isEqualTo("expiresInSeconds");
        assertThat(api.post("/api/v1/documents/" + documentId + "/links", CLERK).statusCode()).isEqualTo(200);
        // a link opens the file for anyone holding it: an hour at most, only for roles that hand files on, audited
        assertThat(api.post("/api/v1/documents/" + documentId + "/links?expiresInSeconds=3601", CLERK).statusCode())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/documents/" + documentId + "/links", SUPERVISOR).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/certified-copies/" + copyId + "/links", ADMIN).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LINK_ISSUED' and actor = 'clerk' "
                + "and subject in (?, ?)").params("copy " + copyId, "document " + documentId).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    @Order(9)
    void readinessIncludesTheObjectStore() throws Exception {
        HttpResponse<String> readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
    }

    @Test
    @Order(9)
    void theQrCodeOpensAPublicPageThatShowsPersonalContentOnlyToTheHolder() throws Exception {
        JsonNode copy = json(api.get("/api/v1/certified-copies/" + copyId, CERTIFIER));
        String page = copy.get("verificationUrl").asString();
        String code = copy.get("verificationCode").asString();
        assertThat(code).hasSize(20);
        assertThat(page).isEqualTo("/v/" + copyId + "?h=" + code.substring(0, 8));

        try (PDDocument document = Loader.loadPDF(certifiedCopy)) {
            var image = new PDFRenderer(document)
                    .renderImageWithDPI(document.getNumberOfPages() - 1, 200);
            assertThat(QrCodes.read(image)).isEqualTo("http://127.0.0.1:" + port + page);
        }

        HttpResponse<String> publicPage = api.getPage(page);
        assertThat(publicPage.statusCode()).isEqualTo(200);
        assertThat(publicPage.body()).contains("Hợp lệ").contains("Nguyễn Văn An").contains("UBND")
                .doesNotContain("Hợp đồng thuê nhà");
        JsonNode facts = json(api.getJson(page, null));
        assertThat(facts.get("registerNumber").asLong()).isEqualTo(1);
        assertThat(facts.get("fileIntact").asBoolean()).isTrue();
        assertThat(facts.get("signaturesValid").asBoolean()).isTrue();
        assertThat(facts.get("documentTitle").isNull()).isTrue();

        HttpResponse<String> wrongHint = api.getPage("/v/" + copyId + "?h=AAAAAAAA");
        assertThat(wrongHint.statusCode()).isEqualTo(404);
        assertThat(wrongHint.body()).contains("Không tìm thấy bản sao").doesNotContain("Nguyễn Văn An");
        assertThat(api.getJson("/v/" + UUID.randomUUID() + "?h=" + code.substring(0, 8), null)
                .statusCode()).isEqualTo(404);

        JsonNode holder = json(api.getJson("/v/" + copyId + "?ma=" + code.toLowerCase(), null));
        assertThat(holder.get("documentTitle").asString()).isEqualTo("Hợp đồng thuê nhà, trang 2");
        assertThat(holder.get("mayDownload").asBoolean()).isTrue();
        assertThat(api.getBytes("/v/" + copyId + "/pdf?ma=" + code, null).body()).isEqualTo(certifiedCopy);
        assertThat(api.getBytes("/v/" + copyId + "/pdf?ma=" + code.substring(0, 8), null).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select actor from audit_log where action = 'PUBLIC_COPY_DOWNLOADED' and subject = ?")
                .param("copy " + copyId).query(String.class).list()).as("the public download, with its address")
                .containsExactly("public@127.0.0.1");

        HttpResponse<String> presented = api.postMultipart(page, null, new String[0][],
                new Object[][]{{"file", "copy.pdf", certifiedCopy}});
        assertThat(presented.statusCode()).isEqualTo(200);
        assertThat(presented.body()).contains("Đúng là bản sao này").contains("Hợp đồng thuê nhà");
        byte[] other = certifiedCopy.clone();
        other[other.length - 10] ^= 1;
        HttpResponse<String> notThis = api.postMultipart(page, null, new String[0][],
                new Object[][]{{"file", "other.pdf", other}});
        assertThat(notThis.body()).contains("KHÔNG phải bản sao này").doesNotContain("Hợp đồng thuê nhà");
    }

    @Test
    @Order(10)
    void scrubFindsAByteCorruptedOnDiskBehindTheStoresBack() throws Exception {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        assertThat(scrub(clean)).as(clean.toString(StandardCharsets.UTF_8)).isEqualTo(ScrubCommand.CLEAN);
        assertThat(clean.toString(StandardCharsets.UTF_8)).contains("0 missing, 0 corrupt");

        Path file;
        try (Stream<Path> files = Files.walk(embeddedStore.server().objectsDirectory())) {
            file = files.filter(p -> p.getFileName().toString().equals("copy-" + copyId + ".pdf")).findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        // the document's raw scan sits in the same folder of the raw bucket
        Files.delete(Path.of(file.getParent().toString().replace("sohoa-certified", "sohoa-raw"), "scan-1.png"));

        ByteArrayOutputStream dirty = new ByteArrayOutputStream();
        assertThat(scrub(dirty)).isEqualTo(ScrubCommand.PROBLEMS_FOUND);
        assertThat(dirty.toString(StandardCharsets.UTF_8)).contains("CORRUPT sohoa-certified/")
                .contains("copy-" + copyId + ".pdf").contains("MISSING sohoa-raw/")
                .contains("1 missing, 1 corrupt");
        damagedOnPurpose.addAll(scrubProblems(ScrubCommand.PROBLEMS_FOUND, dirty));
        HttpResponse<String> read = api.get("/api/v1/certified-copies/" + copyId + "/pdf", CLERK);
        assertThat(read.statusCode()).isEqualTo(500);
        assertThat(json(read).get("type").asString()).endsWith("/object-corrupt");

        // the copy's public page now tells whoever scans its QR code that it is no longer intact
        JsonNode copy = json(api.get("/api/v1/certified-copies/" + copyId, CERTIFIER));
        JsonNode facts = json(api.getJson(copy.get("verificationUrl").asString(), null));
        assertThat(facts.get("fileIntact").asBoolean()).isFalse();
        assertThat(api.getPage(copy.get("verificationUrl").asString()).body()).contains("Không hợp lệ");
    }

    @Test
    @Order(15)
    void pagesCarrySecurityHeadersAndPasswordGuessingIsThrottled() throws Exception {
        HttpResponse<String> login = api.getPage("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        String guess = SohoaHttpClient.basic("certifier", "guess");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = api.get("/api/v1/agencies", guess);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).get("detail").asString()).doesNotContain("too many");
        }
        // now even the right password is refused, without a password check, for this name from this address
        HttpResponse<String> locked = api.get("/api/v1/agencies", CERTIFIER);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(json(locked).get("detail").asString()).contains("too many failed sign-ins");
        assertThat(api.get("/api/v1/agencies", CLERK).statusCode()).as("other names are not locked").isEqualTo(200);
        throttle.forgive("certifier");
        assertThat(api.get("/api/v1/agencies", CERTIFIER).statusCode()).isEqualTo(200);

        // the web session's cookie alone does not change anything through the API: another site could send it
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=demo-pass&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/agencies"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("reading with the session")
                .isEqualTo(200);
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"000.00.30.H42-261130-0099\","
                        + "\"agencyCode\":\"000.00.30.H42\",\"receivedAt\":\"2026-11-30T08:00:00+07:00\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("detail").asString()).contains("CSRF");

        // nor do Basic credentials a browser has cached: a POST with a password needs the user's CSRF token too
        Function<String[], HttpResponse<String>> basicPost = headers -> {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/dossiers")).headers(headers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"000.00.30.H42-"
                                + today().format(DateTimeFormatter.ofPattern("yyMMdd"))
                                + "-0098\",\"agencyCode\":\"000.00.30.H42\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> noToken = basicPost.apply(new String[]{"Authorization", CLERK});
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(json(noToken).get("header").asString()).isEqualTo("X-CSRF-TOKEN");
        assertThat(json(noToken).get("detail").asString()).contains("GET /api/v1/csrf");
        assertThat(basicPost.apply(new String[]{"Authorization", CLERK, "X-CSRF-TOKEN", api.csrfToken(CERTIFIER)})
                .statusCode()).as("another user's token").isEqualTo(403);
        HttpResponse<String> withToken = basicPost.apply(new String[]{"Authorization", CLERK, "X-CSRF-TOKEN",
                api.csrfToken(CLERK)});
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        // a browser is never offered Basic, so it never asks for a password it would replay; scripts still are
        HttpResponse<String> asBrowser = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/agencies")).header("Sec-Fetch-Mode", "navigate")
                .header("User-Agent", "Mozilla/5.0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asBrowser.statusCode()).isEqualTo(401);
        assertThat(asBrowser.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"sohoa\"");
        assertThat(api.get("/api/v1/agencies", null).headers().allValues("WWW-Authenticate"))
                .contains("Basic realm=\"sohoa\"");

        // an API client asking faster than its rate, after its burst, is told to wait
        String bearer = "Bearer " + json(api.postJson("/api/v1/api-clients", ADMIN,
                "{\"name\":\"Hệ thống hỏi dồn dập\",\"agencyCode\":\"" + AGENCY + "\"}")).get("apiKey").asString();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 400 && refused == null; i++) {
            HttpResponse<String> answer = api.get("/api/v1/agencies", bearer);
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("a 429 within 400 quick requests").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(refused).get("detail").asString()).contains(API_RATE + " requests per second")
                .contains("Vượt giới hạn");
    }

    @Autowired
    SchedulerClient scheduler;

    @Test
    @Order(19)
    void durableJobsKeepTheirDataAsJsonNotAsJavaSerialization() {
        // a job for an hour from now, as the service schedules its deliveries; its row is read, then it is cancelled
        var instance = TaskDescriptor.of("deliver-webhook", String.class)
                .instance("json-probe").data("delivery-42").scheduledTo(Instant.now().plusSeconds(3600));
        scheduler.scheduleIfNotExists(instance);
        try {
            byte[] data = jdbc.sql("select task_data from scheduled_tasks where task_instance = 'json-probe'")
                    .query(byte[].class).single();
            assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("\"delivery-42\"");
        } finally {
            scheduler.cancel(instance);
        }
    }

    @Test
    @Order(96)
    void theDeskAndTheSupervisorSeeTheOcrQueueWithAnEstimateMeasuredOnTheirOwnPapers() throws Exception {
        HttpResponse<String> queue = api.get("/api/v1/digitization-queue", CLERK);
        assertThat(queue.statusCode()).isEqualTo(200);
        JsonNode state = JSON.readTree(queue.body());
        assertThat(state.get("secondsPerPage").asDouble()).as("measured on the papers digitized before: " + state)
                .isPositive();
        assertThat(state.get("stalled").asBoolean()).isFalse();
        assertThat(state.has("estimatedWaitSeconds")).isTrue();
        String base = "http://127.0.0.1:" + port;
        HttpClient clerk = signedIn(base, "clerk", "demo-pass");
        assertThat(page(clerk, base + "/").body()).contains("id=\"ocr-queue\"").contains("Hàng đợi số hóa (OCR)");
        HttpClient supervisor = signedIn(base, "supervisor", "demo-pass");
        assertThat(page(supervisor, base + "/statistics?lang=en").body()).contains("id=\"ocr-queue\"")
                .contains("OCR queue");
    }

    @Test
    @Order(97)
    void theMetricsAreServedToTheScraperAloneAndCountWhatHappened() throws Exception {
        assertThat(api.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", ADMIN).statusCode()).as("no user account opens it").isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "Bearer not-the-token").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = api.get("/actuator/prometheus", "Bearer " + METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        String metrics = scraped.body();
        Matcher pages = Pattern.compile("(?m)^sohoa_pages_digitized_total(\\{[^}]*\\})? "
                + "([0-9.E]+)").matcher(metrics);
        assertThat(pages.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(pages.group(2))).as("pages digitized by the tests before").isPositive();
        assertThat(metrics).contains("sohoa_copies_certified_total")
                .contains("sohoa_jobs_waiting{task=\"digitize-document\"}")
                .contains("sohoa_jobs_oldest_waiting_seconds{task=\"deliver-webhook\"}")
                .contains("sohoa_register_entries{status=\"issued\"}").contains("sohoa_webhook_backlog")
                .contains("sohoa_delivery_backlog").contains("sohoa_ocr_page_seconds_count")
                // the copies certified before: each signing step timed, the revocation data fetched over HTTP from the
                // development PKI's responder, the webhooks sent, the objects written
                .containsPattern("sohoa_signing_seconds_count\\{outcome=\"ok\",step=\"certifier_signature\"} [1-9]")
                .containsPattern("sohoa_signing_seconds_count\\{outcome=\"ok\",step=\"agency_signature\"} [1-9]")
                .containsPattern("sohoa_signing_seconds_count\\{outcome=\"ok\",step=\"validation_data\"} [1-9]")
                .containsPattern("sohoa_outbound_requests_seconds_count\\{outcome=\"ok\",purpose=\"(ocsp|crl)\"} "
                        + "[1-9]")
                .containsPattern("sohoa_outbound_requests_seconds_count\\{outcome=\"[a-z_]+\",purpose=\"webhook\"} "
                        + "[1-9]")
                .containsPattern("sohoa_objectstore_requests_seconds_count\\{operation=\"put\",outcome=\"ok\"} "
                        + "[1-9]")
                // the pages judged at upload were not decoded a second time by their digitize jobs
                .containsPattern("(?m)^sohoa_ingest_decoded_reused_total [1-9]")
                .contains("sohoa_ingest_decoded_kept_bytes");
        // the dashboard in the repository asks only for series the service serves
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("../deploy/grafana/sohoa-dashboard.json")));
        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            Matcher names = Pattern.compile("(sohoa_[a-z_]+|http_server_requests_"
                    + "seconds)").matcher(panel.get("targets").get(0).get("expr").asString());
            while (names.find()) {
                asked.add(names.group(1));
            }
        }
        assertThat(asked).hasSizeGreaterThanOrEqualTo(8);
        for (String name : asked) {
            assertThat(metrics).as("the dashboard's %s", name).contains(name);
        }
    }

    @Test
    @Order(98)
    void slowWebhookReceiversHoldNoMoreThanTheirShareOfTheJobThreads() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", targets().webhookPort), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        slow.setExecutor(threads); // it could answer four at once; the service sends it one at a time
        slow.createContext("/slow", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(600); // long enough for four deliveries sent at once to overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slow.start();
        try {
            HttpResponse<String> created = api.postJson("/api/v1/webhooks", ADMIN, """
                    {"url":"http://127.0.0.1:%d/slow","events":["DOCUMENT_DIGITIZED"],"agencyCode":"%s"}"""
                    .formatted(targets().webhookPort, AGENCY));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            for (int i = 0; i < 4; i++) {
                webhookOutbox.publish(WebhookEvent.DOCUMENT_DIGITIZED, AGENCY, Map.of("documentId", "slow-" + i));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.get() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(received).hasValue(4);
            assertThat(most).as("deliveries in flight at once (sohoa.webhooks.max-concurrent-deliveries)").hasValue(1);
            api.delete("/api/v1/webhooks/" + json(created).get("id").asString(), ADMIN);

            // a receiver that redirects inward: the redirect is not followed, the inside listener never called
            AtomicInteger inside = new AtomicInteger();
            HttpServer inward = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            inward.createContext("/", exchange -> {
                inside.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            inward.start();
            slow.createContext("/redirect", exchange -> {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + inward.getAddress().getPort()
                        + "/admin");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            try {
                String redirecting = json(api.postJson("/api/v1/webhooks", ADMIN, """
                        {"url":"http://127.0.0.1:%d/redirect","events":["DOCUMENT_DIGITIZED"],"agencyCode":"%s"}"""
                        .formatted(targets().webhookPort, AGENCY))).get("id").asString();
                webhookOutbox.publish(WebhookEvent.DOCUMENT_DIGITIZED, AGENCY, Map.of("documentId", "redirected"));
                JsonNode tried = null;
                deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (tried == null && System.nanoTime() < deadline) {
                    for (JsonNode each : json(api.get("/api/v1/webhooks/" + redirecting + "/deliveries", ADMIN))) {
                        if (each.path("lastStatus").asInt(0) == 302) {
                            tried = each;
                        }
                    }
                    Thread.sleep(200);
                }
                assertThat(tried).as("a delivery answered 302 and recorded as not delivered").isNotNull();
                assertThat(tried.get("deliveredAt").isNull()).isTrue();
                assertThat(inside).as("requests that reached the redirect's inside target").hasValue(0);
                api.delete("/api/v1/webhooks/" + redirecting, ADMIN);
            } finally {
                inward.stop(0);
            }
        } finally {
            slow.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    @Order(99) // last: it drains this address's allowance, which the service's own OCSP lookups share
    void thePublicPagesAreRateLimitedPerAddress() throws Exception {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 400 && refused == null; i++) {
            HttpResponse<String> answer = api.getJson("/v/00000000-0000-0000-0000-000000000000", null);
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("a 429 within 400 quick requests").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused).get("detail").asString()).contains("from this address");
    }

    @Test
    @Order(18)
    void hostileUploadsAreRefusedWithTheReasonAndLeaveNothingBehind() throws Exception {
        Supplier<Long> temporaryCopies = () -> {
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("imageio") || n.startsWith("upload_")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        long before = temporaryCopies.get();
        long documentsBefore = json(api.get("/api/v1/dossiers/" + DOSSIER, CLERK)).get("documents").size();
        int refused = 0;
        for (var hostile : HostileFiles.corpus()) {
            if (hostile.expected().equals(Reason.TOO_LARGE.name())
                    || hostile.expected().equals(Reason.EMPTY.name())
                    || hostile.name().chars().anyMatch(Character::isISOControl)) {
                continue; // the size limit is the service's own (64 MB); an empty part or a control character in a
                          // multipart header are refused by the HTTP layer before Sohoa sees them
            }
            HttpResponse<String> answer = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                    new String[][]{{"title", hostile.what()}}, new Object[][]{{"files", hostile.name(),
                            hostile.content()}});
            assertThat(answer.statusCode()).as(hostile.what() + ": " + answer.body()).isBetween(400, 499);
            assertThat(json(answer).get("field").asString()).isEqualTo("files");
            assertThat(json(answer).get("reason").asString()).as(hostile.what())
                    .isEqualTo(hostile.expected());
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            refused++;
        }
        assertThat(refused).isGreaterThanOrEqualTo(38);
        assertThat(json(api.get("/api/v1/dossiers/" + DOSSIER, CLERK)).get("documents").size())
                .as("nothing refused was stored").isEqualTo(documentsBefore);
        assertThat(api.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(temporaryCopies.get()).as("no temporary copy left").isLessThanOrEqualTo(before);
    }

    @Test
    @Order(19)
    void aDraftsPagesAreTurnedReorderedAndDroppedBeforeOcrAndOnePageIsRescannedAfter() throws Exception {
        String dossier = "000.00.30.H42-261123-0022";
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-23T10:00:00+07:00"}""".formatted(dossier, AGENCY))
                .statusCode()).isEqualTo(201);
        byte[] upright = Files.readAllBytes(SharedCorpus.corpus("clean/a01.png"));
        byte[] upsideDown = Files.readAllBytes(SharedCorpus.corpus("scans/s04_a04_upside-down_rot180_300dpi.jpg"));
        byte[] twoPages = Files.readAllBytes(SharedCorpus.corpus("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif"));
        HttpResponse<String> draft = api.postMultipart("/api/v1/dossiers/" + dossier + "/documents?draft=true", CLERK,
                new String[][]{{"title", "Giấy tờ sắp xếp trang"}},
                new Object[][]{{"files", "a01.png", upright}, {"files", "s04.jpg", upsideDown}, {"files", "s10.tif", twoPages}});
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(202);
        String id = json(draft).get("id").asString();
        arrangedDocumentId = id;
        assertThat(json(draft).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(draft).get("pages").asInt()).isEqualTo(4);
        Thread.sleep(1500);
        assertThat(json(api.get("/api/v1/documents/" + id, CLERK)).get("status").asString())
                .as("a draft waits for the clerk").isEqualTo("DRAFT");

        JsonNode pages = json(api.get("/api/v1/documents/" + id + "/pages", CLERK));
        assertThat(pages).hasSize(4);
        assertThat(pages.get(1).get("source").asString()).isEqualTo("s04.jpg page 1");
        HttpResponse<byte[]> thumbnail = api.getBytes(pages.get(1).get("imageUrl").asString() + "&width=120", CLERK);
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isEqualTo(120);

        // refusals name the field; nothing changes
        HttpResponse<String> outOfRange = api.send("PUT", "/api/v1/documents/" + id + "/pages", CLERK,
                "application/json", "{\"pages\":[{\"page\":5,\"rotate\":0}]}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(json(outOfRange).get("field").asString()).isEqualTo("pages");
        assertThat(api.send("PUT", "/api/v1/documents/" + id + "/pages", CLERK, "application/json",
                "{\"pages\":[{\"page\":1,\"rotate\":45}]}").statusCode()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/v1/documents/" + id + "/pages", CERTIFIER, "application/json",
                "{\"pages\":[{\"page\":1,\"rotate\":0}]}").statusCode()).isEqualTo(403);
        assertThat(api.getBytes("/api/v1/documents/" + id + "/pages/1/image?width=5000", CLERK).statusCode())
                .isEqualTo(400);

        // the upside-down page turned and first, the clean page second, the two-page file's second page dropped
        HttpResponse<String> arranged = api.send("PUT", "/api/v1/documents/" + id + "/pages", CLERK,
                "application/json", "{\"pages\":[{\"page\":2,\"rotate\":180},{\"page\":1,\"rotate\":0},"
                        + "{\"page\":3,\"rotate\":0}]}");
        assertThat(arranged.statusCode()).as(arranged.body()).isEqualTo(200);
        assertThat(json(arranged).get("pages").asInt()).isEqualTo(3);
        pages = json(api.get("/api/v1/documents/" + id + "/pages", CLERK));
        assertThat(pages.get(0).get("source").asString()).startsWith("s04.jpg page 1");
        assertThat(pages.get(0).get("rotation").asInt()).isEqualTo(180);
        assertThat(pages.get(2).get("source").asString()).isEqualTo("s10.tif page 1");
        // the page is really turned: its image is the unturned one upside down
        BufferedImage turned = ImageIO.read(new ByteArrayInputStream(api.getBytes(
                pages.get(0).get("imageUrl").asString() + "&width=120", CLERK).body()));
        assertThat(meanDifference(turned, RightAngle.rotate(small, 180)))
                .isLessThan(meanDifference(turned, small) / 3);

        assertThat(api.post("/api/v1/documents/" + id + "/submit", CLERK).statusCode()).isEqualTo(202);
        assertThat(api.post("/api/v1/documents/" + id + "/submit", CLERK).statusCode())
                .as("submitted once only").isEqualTo(409);
        JsonNode done = api.awaitFinished(id, CLERK, Duration.ofSeconds(120));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DIGITIZED");
        assertThat(done.get("pages").asInt()).isEqualTo(3);
        JsonNode text = json(api.get("/api/v1/documents/" + id + "/text", CLERK));
        assertThat(Cer.of(Files.readString(SharedCorpus.corpus("gt/a04.txt"), StandardCharsets.UTF_8),
                text.get(0).get("text").asString())).isLessThan(0.05);
        assertThat(Cer.of(Files.readString(SharedCorpus.corpus("gt/a01.txt"), StandardCharsets.UTF_8),
                text.get(1).get("text").asString())).isLessThan(0.05);
        for (JsonNode page : text) {
            String letters = page.get("text").asString();
            assertThat(Normalizer.isNormalized(letters, Normalizer.Form.NFC))
                    .as("page %s's text is NFC: one code point per Vietnamese letter", page.get("page")).isTrue();
            assertThat(letters).as("precomposed letters, no detached marks").doesNotContainPattern("\\p{M}");
        }
        assertThat(text.toString()).as("Ề as one letter").contains("ĐỀ NGHỊ");
        HttpResponse<byte[]> rendered = api.getBytes("/api/v1/documents/" + id + "/pdf/pages/1/image?width=300", CLERK);
        assertThat(ImageIO.read(new ByteArrayInputStream(rendered.body())).getWidth()).isBetween(298, 302);
        assertThat(api.send("PUT", "/api/v1/documents/" + id + "/pages", CLERK, "application/json",
                "{\"pages\":[{\"page\":1,\"rotate\":0}]}").statusCode()).as("arranged only as a draft")
                .isEqualTo(409);

        // page 3 (a05) rescanned with the clean a06: a new PDF/A, counted once as digitized
        long digitizedBefore = jdbc.sql("select count(*) from dossier_events where event_type = "
                + "'COMPONENT_DIGITIZED' and component = ?").param(id).query(Long.class).single();
        HttpResponse<String> rescanned = api.postMultipart("/api/v1/documents/" + id + "/pages/3/rescan", CLERK,
                new String[][]{}, new Object[][]{{"file", "a06.png", Files.readAllBytes(SharedCorpus.corpus("clean/a06.png"))}});
        assertThat(rescanned.statusCode()).as(rescanned.body()).isEqualTo(202);
        done = api.awaitFinished(id, CLERK, Duration.ofSeconds(120));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DIGITIZED");
        text = json(api.get("/api/v1/documents/" + id + "/text", CLERK));
        assertThat(Cer.of(Files.readString(SharedCorpus.corpus("gt/a06.txt"), StandardCharsets.UTF_8),
                text.get(2).get("text").asString())).isLessThan(0.05);
        assertThat(jdbc.sql("select count(*) from dossier_events where event_type = 'COMPONENT_DIGITIZED' "
                + "and component = ?").param(id).query(Long.class).single()).isEqualTo(digitizedBefore).isEqualTo(1);
        assertThat(VeraPdfJudge.pdfA2bFailures(api.getBytes("/api/v1/documents/" + id + "/pdf", CLERK).body()))
                .isEmpty();

        // once certified, the pages are settled
        assertThat(api.postJson("/api/v1/documents/" + id + "/certifications", CERTIFIER, EndToEndTest.REQUEST).statusCode()).isEqualTo(201);
        HttpResponse<String> settled = api.postMultipart("/api/v1/documents/" + id + "/pages/1/rescan", CLERK,
                new String[][]{}, new Object[][]{{"file", "a06.png", Files.readAllBytes(SharedCorpus.corpus("clean/a06.png"))}});
        assertThat(settled.statusCode()).isEqualTo(409);
        JsonNode queue = json(api.get("/api/v1/certification-queue", CERTIFIER));
        queue.forEach(waiting -> assertThat(waiting.get("id").asString()).isNotEqualTo(id));
        assertThat(api.get("/api/v1/certification-queue", CLERK).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(20)
    void aCutOffPageIsFlaggedAtUploadRefusedWhenStrictAndItsRescanCounted() throws Exception {
        String dossier = "000.00.30.H42-261123-0023";
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-23T11:00:00+07:00"}""".formatted(dossier, AGENCY))
                .statusCode()).isEqualTo(201);
        BufferedImage clean = ImageIO.read(SharedCorpus.corpus("clean/a01.png").toFile());
        byte[] cutOff = png(ScanDefects.make(clean, 300, ScanDefects.Defect.CUT_OFF, 3).image());
        byte[] good = Files.readAllBytes(SharedCorpus.corpus("clean/a01.png"));
        String upload = "/api/v1/dossiers/" + dossier + "/documents";

        // strict: refused with the page and its reason, nothing stored
        HttpResponse<String> refused = api.postMultipart(upload + "?quality=strict", CLERK,
                new String[][]{{"title", "Đơn đề nghị"}}, new Object[][]{{"files", "good.png", good},
                        {"files", "cut.png", cutOff}});
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).endsWith("/scan-quality");
        assertThat(problem.get("field").asString()).isEqualTo("files");
        assertThat(problem.get("pages")).hasSize(1);
        assertThat(problem.get("pages").get(0).get("page").asInt()).as("the second page, the cut one").isEqualTo(2);
        assertThat(problem.get("pages").get(0).get("reasons").get(0).get("code").asString()).isEqualTo("CUT_OFF");
        assertThat(problem.get("detailVi").asString()).contains("trang 2", "cần quét lại");
        assertThat(json(api.get("/api/v1/dossiers/" + dossier, CLERK)).get("documents")).as("nothing stored").isEmpty();
        HttpResponse<String> badMode = api.postMultipart(upload + "?quality=picky", CLERK,
                new String[][]{{"title", "Đơn"}}, new Object[][]{{"files", "good.png", good}});
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(json(badMode).get("field").asString()).isEqualTo("quality");

        // advisory (the default): stored as a draft, the verdict with the document and on the page's thumbnail
        HttpResponse<String> stored = api.postMultipart(upload + "?draft=true", CLERK,
                new String[][]{{"title", "Đơn đề nghị"}}, new Object[][]{{"files", "cut.png", cutOff}});
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
        String id = json(stored).get("id").asString();
        JsonNode verdict = json(stored).get("quality").get(0);
        assertThat(verdict.get("verdict").asString()).isEqualTo("RESCAN");
        assertThat(verdict.get("reasons").get(0).get("code").asString()).isEqualTo("CUT_OFF");
        assertThat(verdict.get("reasons").get(0).get("message").asString()).startsWith("trang bị cắt mất lề");
        assertThat(verdict.get("reasons").get(0).get("messageEn").asString()).startsWith("page cut off");
        assertThat(verdict.get("reasons").get(0).get("measured").asDouble())
                .isLessThan(verdict.get("reasons").get(0).get("limit").asDouble());
        assertThat(json(api.get("/api/v1/documents/" + id + "/pages", CLERK)).get(0).get("quality").get("verdict")
                .asString()).isEqualTo("RESCAN");

        // the clerk rescans the page before submitting: the new scan passes, and after OCR its confidence is known
        HttpResponse<String> rescanned = api.postMultipart("/api/v1/documents/" + id + "/pages/1/rescan", CLERK,
                new String[][]{}, new Object[][]{{"file", "a01.png", good}});
        assertThat(rescanned.statusCode()).as(rescanned.body()).isEqualTo(202);
        JsonNode afterRescan = json(api.get("/api/v1/documents/" + id, CLERK));
        assertThat(afterRescan.get("quality")).hasSize(1);
        assertThat(afterRescan.get("quality").get(0).get("verdict").asString()).isEqualTo("OK");
        assertThat(afterRescan.get("quality").get(0).get("meanConfidence").isNull()).as("not recognised yet: "
                + afterRescan).isTrue();
        assertThat(api.post("/api/v1/documents/" + id + "/submit", CLERK).statusCode()).isEqualTo(202);
        assertThat(api.awaitFinished(id, CLERK, Duration.ofSeconds(120)).get("status").asString()).isEqualTo("DIGITIZED");
        JsonNode recognised = json(api.get("/api/v1/documents/" + id, CLERK)).get("quality").get(0);
        assertThat(recognised.get("verdict").asString()).isEqualTo("OK");
        assertThat(recognised.get("meanConfidence").asDouble()).isBetween(55.0, 100.0);

        // the paper's kind and key fields were read, each with where on the page; the PDF/A's XMP names the kind
        JsonNode fields = json(api.get("/api/v1/documents/" + id + "/fields", CLERK));
        assertThat(fields.get("paperType").asString()).isEqualTo("APPLICATION_FORM");
        Map<String, JsonNode> read = new HashMap<>();
        fields.get("fields").forEach(field -> read.put(field.get("name").asString(), field));
        assertThat(read.get("CITIZEN_ID").get("value").asString()).isEqualTo("049191004527");
        assertThat(read.get("CITIZEN_ID").get("page").asInt()).isEqualTo(1);
        assertThat(read.get("CITIZEN_ID").get("box").get("right").asInt())
                .isGreaterThan(read.get("CITIZEN_ID").get("box").get("left").asInt());
        assertThat(read.get("CITIZEN_ID").get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(read.get("FULL_NAME").get("value").asString()).isEqualTo("TRẦN THỊ MỸ DUYÊN");
        assertThat(read.get("DATE_OF_BIRTH").get("value").asString()).isEqualTo("1991-08-14");
        assertThat(fields.get("proposed").get("citizenId").asString()).isEqualTo("049191004527");
        byte[] pdf = api.getBytes("/api/v1/documents/" + id + "/pdf", CLERK).body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<dc:type>").contains("APPLICATION_FORM").doesNotContain("049191004527");
        }
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();

        // the clerk confirms the number and corrects the kind: both recorded against what was proposed
        Map<String, JsonNode> before = accuracyByField();
        HttpResponse<String> confirmed = api.send("PUT", "/api/v1/documents/" + id + "/paper-identity", CLERK,
                "application/json", "{\"citizenId\":\"049191004527\",\"paperType\":\"DON_DE_NGHI_CHUNG_THUC\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("citizenId").asString()).isEqualTo("049191004527");
        assertThat(json(confirmed).get("paperType").asString()).isEqualTo("DON_DE_NGHI_CHUNG_THUC");
        HttpResponse<String> wrong = api.send("PUT", "/api/v1/documents/" + id + "/paper-identity", CLERK,
                "application/json", "{\"citizenId\":\"12345\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("field").asString()).isEqualTo("citizenId");
        Map<String, JsonNode> after = accuracyByField();
        // (earlier uploads that came with an identity count too: each was confirmed against its job's reading)
        assertThat(count(after, "citizenId", "confirmed")).isEqualTo(count(before, "citizenId", "confirmed") + 1);
        assertThat(count(after, "citizenId", "acceptedAsProposed"))
                .as("the number confirmed as read").isEqualTo(count(before, "citizenId", "acceptedAsProposed") + 1);
        assertThat(count(after, "paperType", "confirmed")).isEqualTo(count(before, "paperType", "confirmed") + 1);
        assertThat(count(after, "paperType", "acceptedAsProposed"))
                .as("the kind corrected").isEqualTo(count(before, "paperType", "acceptedAsProposed"));
        assertThat(api.get("/api/v1/paper-fields/accuracy", CLERK).statusCode()).isEqualTo(403);

        // the rescan counts in the unit's scan-quality figures, on the API and the supervisor's page
        JsonNode figures = json(api.get("/api/v1/statistics/digitization?unit=" + AGENCY + "&period="
                + ServiceTime.MONTH, SUPERVISOR)).get("agencies");
        JsonNode own = null;
        for (JsonNode agency : figures) {
            if (agency.get("code").asString().equals(AGENCY)) {
                own = agency.get("own");
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.get("pagesRescanned").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(own.get("pagesScanned").asLong()).isGreaterThan(own.get("pagesRescanned").asLong());
        assertThat(own.get("rescanRate").asDouble()).isEqualTo(Math.round(1000.0 * own.get("pagesRescanned").asLong()
                / own.get("pagesScanned").asLong()) / 10.0);
        String base = "http://127.0.0.1:" + port;
        String statistics = page(signedIn(base, "supervisor", "demo-pass"), base + "/statistics?unit=" + AGENCY
                + "&period=" + ServiceTime.MONTH).body();
        assertThat(statistics).contains("Chất lượng bản quét", "id=\"scan-quality\"");
    }

    @Test
    @Order(22)
    void aPapersIdentityIsReadFromItsScanBeforeUploadAndNothingIsKept() throws Exception {
        String preview = "/api/v1/paper-fields/preview";
        byte[] form = Files.readAllBytes(SharedCorpus.corpus("clean/a01.png"));
        HttpResponse<String> read = api.postMultipart(preview, CLERK, new String[][]{},
                new Object[][]{{"file", "a01.png", form}});
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode fields = json(read);
        assertThat(fields.get("paperType").asString()).isEqualTo("APPLICATION_FORM");
        assertThat(fields.get("proposed").get("citizenId").asString()).isEqualTo("049191004527");
        assertThat(fields.get("proposed").get("fullName").asString()).isEqualTo("TRẦN THỊ MỸ DUYÊN");
        assertThat(fields.get("fields").get(0).get("page").asInt()).isEqualTo(1);

        HttpResponse<String> noFile = api.postMultipart(preview, CLERK, new String[][]{{"title", "x"}},
                new Object[][]{});
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(json(noFile).get("field").asString()).isEqualTo("file");
        HttpResponse<String> notAScan = api.postMultipart(preview, CLERK, new String[][]{},
                new Object[][]{{"file", "note.txt", "not a scan".getBytes(StandardCharsets.UTF_8)}});
        assertThat(notAScan.statusCode()).as(notAScan.body()).isBetween(400, 499);
        assertThat(json(notAScan).get("field").asString()).isEqualTo("file");
        assertThat(json(notAScan).get("reason").asString()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(api.postMultipart(preview, CERTIFIER, new String[][]{}, new Object[][]{{"file", "a01.png", form}})
                .statusCode()).as("a certifier reads papers once they are uploaded").isEqualTo(403);

        // the clerk uploads with what the form was filled in with: after OCR, that counts as confirming the reading
        String dossier = "000.00.30.H42-261123-0024";
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-23T11:00:00+07:00"}""".formatted(dossier, AGENCY))
                .statusCode()).isEqualTo(201);
        Map<String, JsonNode> before = accuracyByField();
        HttpResponse<String> uploaded = api.postMultipart("/api/v1/dossiers/" + dossier + "/documents", CLERK,
                new String[][]{{"title", "Đơn đề nghị"}, {"citizenId", fields.get("proposed").get("citizenId")
                        .asString()}, {"paperType", fields.get("proposed").get("paperType").asString()}},
                new Object[][]{{"files", "a01.png", form}});
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        assertThat(api.awaitFinished(json(uploaded).get("id").asString(), CLERK, Duration.ofSeconds(120))
                .get("status").asString()).isEqualTo("DIGITIZED");
        Map<String, JsonNode> after = accuracyByField();
        for (String field : List.of("citizenId", "paperType")) {
            assertThat(count(after, field, "confirmed")).as(field).isEqualTo(count(before, field, "confirmed") + 1);
            assertThat(count(after, field, "acceptedAsProposed")).as(field)
                    .isEqualTo(count(before, field, "acceptedAsProposed") + 1);
        }
    }

    /** The reading's accuracy per field, as a supervisor sees it. */
    private Map<String, JsonNode> accuracyByField() throws Exception {
        Map<String, JsonNode> byField = new HashMap<>();
        json(api.get("/api/v1/paper-fields/accuracy", SUPERVISOR)).forEach(row ->
                byField.put(row.get("field").asString(), row));
        return byField;
    }

    private static long count(Map<String, JsonNode> accuracy, String field, String column) {
        return accuracy.containsKey(field) ? accuracy.get(field).get(column).asLong() : 0;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @Order(21)
    void theFeeCountsThePagesOfTheOriginalNotAStatementPageAppendedToTheCopy() throws Exception {
        // one page inked to its foot: no room for the statement, which goes on a page appended to the copy
        BufferedImage inked = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(inked, "png", png);
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Trang in kín"}}, new Object[][]{{"files", "inked.png", png.toByteArray()}});
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        JsonNode digitized = api.awaitFinished(id, CLERK, Duration.ofSeconds(90));
        assertThat(digitized.get("status").asString()).as(digitized.toString()).isEqualTo("DIGITIZED");

        HttpResponse<String> certified = api.postJson("/api/v1/documents/" + id + "/certifications", CERTIFIER, EndToEndTest.REQUEST);
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(201);
        JsonNode copy = json(certified);
        assertThat(copy.get("pages").asInt()).as("the statement on a page of its own").isEqualTo(2);
        assertThat(copy.get("feeVnd").asLong()).as("2,000 VND for the original's one page").isEqualTo(2_000);
        assertThat(copy.get("feeLine").asString()).isEqualTo("1 trang: 1 × 2.000 đ = 2.000 đ (Thông tư 226/2016/TT-BTC)");
    }
}
