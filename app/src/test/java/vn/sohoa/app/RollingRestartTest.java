package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one PostgreSQL schema and one S3 server, as a scaled-out deployment runs them: first they share the
 * work and the register (see {@link #twoNodesShareTheWorkAndOneRegister}); then a rolling restart under load, behind
 * a balancer that sends each request to a node whose readiness probe answers UP (as a Kubernetes Service or a proxy
 * with health checks does; a connection refused is tried on the other node, nothing else is retried). Clerks upload
 * papers and list dossiers all along while each node in turn is stopped and started again: no request gets a 5xx or
 * is lost, each node stops within its grace period, and every paper uploaded is digitized exactly once.
 * <p>
 * The nodes run in this JVM, each its own application context on its own port: a stop is the context's close, which
 * is what the JVM's shutdown hook runs on SIGTERM (readiness down, requests in progress finished, jobs given back).
 * A node process of its own would add a cold JVM's start (about 15 CPU seconds here) to each of the four starts and
 * test nothing more: {@link WorkerNodesTest} signals real node processes, {@link CrashSafetyTest} kills one.
 * Tagged {@code postgres}: two nodes need a shared database.
 */
@Tag("postgres")
@Order(2) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class RollingRestartTest extends MultiNodeTest {

    static final String DOSSIER = "000.00.30.H42-261130-0903";
    static final String SHARED_DOSSIER = "000.00.30.H42-261130-0901";
    static final String CERTIFIER = SohoaHttpClient.basic("certifier", "demo-pass");
    static final int DOCUMENTS = 6;
    static final int CERTIFICATIONS = 8;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration GRACE = Duration.ofSeconds(10);

    HttpServer balancer;
    /** The nodes' ports whose readiness answered UP at the last probe. */
    final List<Integer> ready = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopBalancer() {
        if (balancer != null) {
            balancer.stop(0);
        }
    }

    /** Starts node {@code name} in this JVM on the shared stores and returns once it is ready. */
    ConfigurableApplicationContext node(String name, int port, int publicPort) {
        return nodeInThisJvm(name, port, publicPort, "--sohoa.hot-folder.enabled=false",
                "--sohoa.node.shutdown-grace=" + GRACE.toSeconds() + "s");
    }

    /** Forwards a request to a ready node; a refused connection is tried on the next one, at most a few times. */
    void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Integer> candidates;
            synchronized (ready) {
                candidates = new ArrayList<>(ready);
            }
            if (candidates.isEmpty()) {
                sleep(100);
                continue;
            }
            int port = candidates.get(Math.floorMod(attempt + exchange.hashCode(), candidates.size()));
            // a fresh connection each time ("Connection: close"): a pooled one to a stopping node would fail
            // mid-request
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                    + exchange.getRequestURI()).toURL().openConnection();
            try {
                connection.setRequestMethod(exchange.getRequestMethod());
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(60_000);
                connection.setRequestProperty("Connection", "close");
                for (String header : List.of("Authorization", "Content-Type", "X-CSRF-TOKEN", "Accept")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        connection.setRequestProperty(header, value);
                    }
                }
                if (body.length > 0) {
                    connection.setDoOutput(true);
                    connection.setFixedLengthStreamingMode(body.length);
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = connection.getResponseCode();
                InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                byte[] answer = stream == null ? new byte[0] : stream.readAllBytes();
                String type = connection.getContentType();
                if (type != null) {
                    exchange.getResponseHeaders().add("Content-Type", type);
                }
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            } catch (ConnectException refused) {
                last = refused; // the node stopped listening: try another
                ready.remove(Integer.valueOf(port));
            } catch (IOException dropped) {
                // a connection the stopping node accepted and then closed unanswered: as a real balancer does
                // (nginx's proxy_next_upstream), a request that changes nothing is tried on another node, any other
                // is the balancer's failure and counts as lost
                if (!List.of("GET", "HEAD").contains(exchange.getRequestMethod())) {
                    throw dropped;
                }
                last = dropped;
            } finally {
                connection.disconnect();
            }
        }
        throw last != null ? last : new IOException("no node ready");
    }

    /** A short page of text: the load is in the requests, and the OCR of what they bring should not take minutes. */
    private static byte[] smallPage() throws IOException {
        BufferedImage page = new BufferedImage(1200, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 48));
        g.drawString("GIAY XAC NHAN CU TRU", 60, 120);
        g.drawString("So 123/XN-UBND ngay 30/11/2026", 60, 220);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        return png.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Two nodes behind one address, before any restart: uploads and certifications sent to both split the digitize
     * jobs between them (db-scheduler claims each job once), no document is digitized twice, every copy verifies on
     * either node, the register's numbers stay consecutive with none taken twice, and a web session opened on one
     * node is served by the other. Returns the papers digitized.
     */
    List<String> twoNodesShareTheWorkAndOneRegister(int portA, int portB) throws Exception {
        List<SohoaHttpClient> apis = List.of(new SohoaHttpClient("http://127.0.0.1:" + portA),
                new SohoaHttpClient("http://127.0.0.1:" + portB));
        assertThat(apis.get(1).postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(SHARED_DOSSIER, AGENCY)).statusCode()).isEqualTo(201);
        byte[] scan = headOfPage("a03.png");
        List<String> documents = new ArrayList<>();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            SohoaHttpClient api = apis.get(i % 2);
            int n = i;
            uploads.add(clerks.submit(() -> api.postMultipart("/api/v1/dossiers/" + SHARED_DOSSIER + "/documents", CLERK,
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

        List<String> byA = digitizedBy("a");
        List<String> byB = digitizedBy("b");
        assertThat(byA).as("node A did part of the work").isNotEmpty();
        assertThat(byB).as("node B did part of the work").isNotEmpty();
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        assertThat(all).as("every document digitized once, by one node").hasSize(DOCUMENTS)
                .containsExactlyInAnyOrderElementsOf(documents);

        // the development PKI issues the certifier's key on first use, in the shared home: once, on one node
        // (production keys exist beforehand, in PKCS#12 files or an HSM that both nodes reach)
        List<Future<HttpResponse<String>>> certified = new ArrayList<>();
        certified.add(CompletableFuture.completedFuture(apis.get(0).postJson("/api/v1/documents/"
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
                LongStream.rangeClosed(1, CERTIFICATIONS).boxed().toList());
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
        HttpClient browser = EndToEndTest.signedIn("http://127.0.0.1:" + portA, "supervisor",
                "demo-pass");
        assertThat(EndToEndTest.page(browser, "http://127.0.0.1:" + portB + "/statistics").statusCode())
                .as("node B knows node A's session").isEqualTo(200);
        assertThat(apis.get(1).send("PATCH", "/api/v1/users/supervisor", EndToEndTest.ADMIN, "application/json",
                "{\"password\":\"reset-by-the-admin\"}").statusCode()).isEqualTo(200);
        for (int port : new int[]{portA, portB}) {
            assertThat(EndToEndTest.page(browser, "http://127.0.0.1:" + port + "/statistics").statusCode())
                    .as("the session ended on " + port).isEqualTo(302);
        }
        return documents;
    }

    @Test
    void twoNodesShareTheWorkThenEachRestartsInTurnUnderLoadWithoutA5xxOrALostPaper() throws Exception {
        share("sohoa_rolling_");
        int[] ports = {EndToEndTest.freePort(), EndToEndTest.freePort()};
        balancer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        balancer.createContext("/", exchange -> {
            try {
                forward(exchange);
            } catch (IOException e) {
                exchange.sendResponseHeaders(599, -1); // the balancer's own failure: counted as lost by the clerks
            } finally {
                exchange.close();
            }
        });
        balancer.setExecutor(Executors.newFixedThreadPool(8));
        balancer.start();
        int publicPort = balancer.getAddress().getPort();
        node("a", ports[0], publicPort);
        node("b", ports[1], publicPort);
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            {
                while (probing.get()) {
                    for (int port : ports) {
                        boolean up;
                        try {
                            up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(1)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException | InterruptedException e) {
                            up = false;
                        }
                        synchronized (ready) {
                            ready.remove(Integer.valueOf(port));
                            if (up) {
                                ready.add(port);
                            }
                        }
                    }
                    sleep(200);
                }
            }
        });
        prober.start();
        List<String> shared = twoNodesShareTheWorkAndOneRegister(ports[0], ports[1]);
        SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + publicPort);
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"%s","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(DOSSIER, AGENCY)).statusCode()).isEqualTo(201);
        byte[] scan = smallPage();

        List<String> uploaded = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        for (int clerk = 0; clerk < 2; clerk++) {
            int number = clerk;
            clerks.submit(() -> {
                int i = 0;
                while (loading.get()) {
                    try {
                        HttpResponse<String> upload = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents",
                                CLERK, new String[][]{{"title", "Giấy tờ " + number + "-" + i}},
                                new Object[][]{{"files", "page.png", scan}});
                        requests.incrementAndGet();
                        if (upload.statusCode() == 202) {
                            uploaded.add(JSON.readTree(upload.body()).get("id").asString());
                        } else {
                            failures.add("upload " + upload.statusCode() + " " + upload.body());
                        }
                        HttpResponse<String> list = api.get("/api/v1/dossiers/" + DOSSIER, CLERK);
                        requests.incrementAndGet();
                        if (list.statusCode() != 200) {
                            failures.add("list " + list.statusCode() + " " + list.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    i++;
                    // a clerk's pace: every paper uploaded is digitized, and more of them would only add OCR work
                    sleep(2000);
                }
            });
        }

        sleep(3000);
        for (String name : List.of("a", "b")) {
            long signalled = System.nanoTime();
            nodesInThisJvm.get(name).close(); // what SIGTERM runs
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as(name + "'s shutdown")
                    .isLessThan(GRACE.plusSeconds(30));
            int port = ports[name.equals("a") ? 0 : 1];
            node(name + "-again", port, publicPort);
            sleep(2000);
        }
        sleep(3000);
        loading.set(false);
        clerks.shutdown();
        assertThat(clerks.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        probing.set(false);
        prober.join();

        assertThat(failures).as("requests that got a 5xx, were refused or were lost").isEmpty();
        assertThat(requests.get()).as("load went on through both restarts").isGreaterThan(20);
        for (String document : uploaded) {
            assertThat(api.awaitFinished(document, CLERK, Duration.ofSeconds(240)).get("status").asString())
                    .isEqualTo("DIGITIZED");
        }
        List<String> digitized = new ArrayList<>();
        for (String name : List.of("a", "b", "a-again", "b-again")) {
            digitized.addAll(digitizedBy(name));
        }
        List<String> all = new ArrayList<>(shared);
        all.addAll(uploaded);
        assertThat(digitized).as("every paper digitized once").containsExactlyInAnyOrderElementsOf(all);
    }
}
