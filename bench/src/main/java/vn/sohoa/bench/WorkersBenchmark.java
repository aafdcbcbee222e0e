package vn.sohoa.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.sohoa.storage.embedded.EmbeddedS3Server;

/**
 * Pages digitized per minute with one and with two worker processes: for each configuration a fresh PostgreSQL
 * schema, a fresh S3 server, one web node ({@code sohoa.node.role=web}, which runs no job) and the workers; a warm-up
 * round through every worker, then {@code --papers} one-page papers uploaded at once, timed from the first upload to
 * the last paper DIGITIZED. The one-worker figure is the anchor the two-worker one is compared with, measured in the
 * same run on the same machine. Each configuration runs as many OCR engines as the machine has cores, shared out
 * among its worker processes ({@code sohoa.ocr.workers}), which is how workers sharing one machine are set up; with
 * {@code --engines per-process} every worker keeps its default of one engine per core instead; with
 * {@code --engines own-core} each worker is pinned to a core of its own ({@code taskset}) with one engine, which is
 * what adding a worker on another machine or pod does: it brings its core.
 *
 * <pre>bench/workers [--papers 24] [--warmup 4] [--workers 1,2] [--engines shared|per-process|own-core] [--pg-url URL]
 *               [--out FILE.md]</pre>
 */
public final class WorkersBenchmark {

    private static final String AGENCY = "000.00.30.H42";
    private static final String ADMIN_PASSWORD = "workers-admin-pass";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    record Round(int workers, int engines, boolean ownCore, int papers, double seconds) {
        double pagesPerMinute() {
            return papers / seconds * 60;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        int papers = Integer.parseInt(options.getOrDefault("--papers", "24"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "4"));
        Path jar = Path.of(options.getOrDefault("--jar", "app/target/sohoa.jar"));
        String pgUrl = options.getOrDefault("--pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        Path scans = Path.of(options.getOrDefault("--shared", "../shared")).resolve("corpus/scans");
        List<byte[]> pages = ServiceProcess.loadScans(scans);
        List<Round> rounds = new ArrayList<>();
        String mode = options.getOrDefault("--engines", "shared");
        boolean ownCore = "own-core".equals(mode);
        int cores = Runtime.getRuntime().availableProcessors();
        for (String count : options.getOrDefault("--workers", "1,2").split(",")) {
            int workers = Integer.parseInt(count.strip());
            int engines = ownCore ? 1 : "per-process".equals(mode) ? cores : Math.max(1, cores / workers);
            rounds.add(round(workers, engines, ownCore, papers, warmup, jar, pgUrl, pages));
            System.err.printf(Locale.ROOT, "bench/workers: %s worker(s): %.1f pages/min%n", count,
                    rounds.get(rounds.size() - 1).pagesPerMinute());
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Workers benchmark: %d one-page papers (corpus scans, 200-300 dpi) "
                + "uploaded at once to one web node; PostgreSQL, an S3 server; %d cores; warm-up %d papers%n%n",
                papers, Runtime.getRuntime().availableProcessors(), warmup));
        table.append("| worker processes | OCR engines each | pinned to a core each | seconds to the last DIGITIZED | "
                + "pages per minute | ratio to 1 worker |\n");
        table.append("|---:|---:|:---:|---:|---:|---:|\n");
        double anchor = rounds.get(0).pagesPerMinute();
        for (Round round : rounds) {
            table.append(String.format(Locale.ROOT, "| %d | %d | %s | %.1f | %.1f | %.2f× |%n", round.workers(),
                    round.engines(), round.ownCore() ? "yes" : "no", round.seconds(), round.pagesPerMinute(),
                    round.pagesPerMinute() / anchor));
        }
        System.out.print(table);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), table, StandardCharsets.UTF_8);
        }
    }

    private static Round round(int workers, int engines, boolean ownCore, int papers, int warmup, Path jar,
                               String pgUrl, List<byte[]> pages) throws Exception {
        Path home = Files.createTempDirectory("sohoa-bench-workers-");
        EmbeddedS3Server store = new EmbeddedS3Server(Files.createDirectories(home.resolve("objects")), 0);
        store.start();
        String schema = "sohoa_bench_workers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<Process> nodes = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            int webPort = ServiceProcess.freePort();
            String base = "http://127.0.0.1:" + webPort;
            nodes.add(node(jar, home, "web", "web", webPort, webPort, pgUrl, schema, store, 1, null));
            ServiceProcess.awaitReady(http, base, nodes.get(0));
            for (int i = 1; i <= workers; i++) {
                int port = ServiceProcess.freePort();
                Process worker = node(jar, home, "worker-" + i, "worker", port, webPort, pgUrl, schema, store,
                        engines, ownCore ? i - 1 : null);
                nodes.add(worker);
                ServiceProcess.awaitReady(http, "http://127.0.0.1:" + port, worker);
            }
            String key = ServiceProcess.apiKey(http, base, ADMIN_PASSWORD, "bench", AGENCY);
            String dossier = AGENCY + "-261130-" + String.format("%04d", workers);
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + dossier + "\",\"agencyCode\":\""
                            + AGENCY + "\",\"receivedAt\":\"2026-11-30T08:00:00+07:00\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("cannot register a dossier: " + registered.body());
            }
            // warm-up: every worker's engines load their models and its JIT compiles the path
            awaitDigitized(http, base, key, uploadAll(http, base, key, dossier, pages, Math.max(warmup, workers * 2)));
            long started = System.nanoTime();
            List<String> measured = uploadAll(http, base, key, dossier, pages, papers);
            awaitDigitized(http, base, key, measured);
            return new Round(workers, engines, ownCore, papers, (System.nanoTime() - started) / 1e9);
        } finally {
            for (Process node : nodes) {
                node.destroy();
            }
            for (Process node : nodes) {
                node.waitFor();
            }
            store.stop();
        }
    }

    private static Process node(Path jar, Path home, String name, String role, int port, int webPort, String pgUrl,
                                String schema, EmbeddedS3Server store, int engines, Integer core) throws Exception {
        List<String> command = new ArrayList<>();
        if (core != null) {
            // a core of its own, as a worker on another machine or pod has
            command.addAll(List.of("taskset", "-c", String.valueOf(core)));
        }
        command.addAll(List.of(ServiceProcess.java(), "-Xmx1g", "-XX:G1HeapRegionSize=8m",
                "-jar", jar.toString(), "--server.port=" + port, "--db-scheduler.scheduler-name=" + name,
                "--sohoa.public-base-url=http://127.0.0.1:" + webPort,
                "--spring.datasource.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.create-schemas=true",
                "--sohoa.storage.mode=external", "--sohoa.storage.endpoint=" + store.endpoint(),
                "--sohoa.storage.access-key=" + store.accessKey(), "--sohoa.storage.secret-key=" + store.secretKey(),
                "--sohoa.storage.object-lock=off", "--sohoa.ocr.workers=" + engines));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SOHOA_HOME", home.toString());
        builder.environment().put("SOHOA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("SOHOA_NODE_ROLE", role);
        builder.environment().put("SOHOA_DB_USER", System.getenv().getOrDefault("SOHOA_BENCH_PG_USER", "postgres"));
        builder.environment().put("SOHOA_DB_PASSWORD", System.getenv().getOrDefault("SOHOA_BENCH_PG_PASSWORD", ""));
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.environment().put("SOHOA_PROFILE", "dev"); // a benchmark runs on development keys and demo data
        return builder.start();
    }

    private static List<String> uploadAll(HttpClient http, String base, String key, String dossier,
                                          List<byte[]> pages, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String boundary = UUID.randomUUID().toString();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGiấy tờ "
                    + i + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"page"
                    + i + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(pages.get(i % pages.size()));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/"
                            + dossier + "/documents")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(answer.body());
            if (answer.statusCode() != 202 || !id.find()) {
                throw new IllegalStateException("upload refused: " + answer.statusCode() + " " + answer.body());
            }
            ids.add(id.group(1));
        }
        return ids;
    }

    private static void awaitDigitized(HttpClient http, String base, String key, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        List<String> waiting = new ArrayList<>(ids);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " paper(s) not digitized in 20 minutes");
            }
            String id = waiting.get(0);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/"
                    + id)).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(answer.body());
            String state = status.find() ? status.group(1) : "?";
            if (state.equals("FAILED")) {
                throw new IllegalStateException("paper " + id + " failed: " + answer.body());
            }
            if (state.equals("DIGITIZED")) {
                waiting.remove(0);
            } else {
                Thread.sleep(200);
            }
        }
    }
}
