package vn.sohoa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many clerks at once: starts the service on its embedded defaults (a fresh data directory, the heap given with
 * {@code --heap}), and has {@code --clerks} virtual clerks each register a dossier and upload its pages (corpus
 * scans) again and again for {@code --seconds}, pausing {@code --think-ms} between dossiers as a clerk does while
 * scanning the next one. Reports the uploads accepted, their latency, the errors (any answer but 201 and 202), the
 * pages digitized meanwhile, and the service's peak resident memory. Each clerk is an API client of the demo commune
 * (API keys are checked with one SHA-256; HTTP Basic would time bcrypt).
 *
 * <pre>bench/load [--clerks 50] [--seconds 120] [--pages 5] [--think-ms 1000] [--heap 1g] [--out FILE.md]</pre>
 */
public final class LoadBenchmark {

    private static final String AGENCY = "000.00.30.H42";
    private static final String ADMIN_PASSWORD = "load-admin-pass";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        int clerks = Integer.parseInt(options.getOrDefault("--clerks", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "120"));
        int pages = Integer.parseInt(options.getOrDefault("--pages", "5"));
        long thinkMillis = Long.parseLong(options.getOrDefault("--think-ms", "1000"));
        String heap = options.getOrDefault("--heap", "1g");
        Path jar = Path.of(options.getOrDefault("--jar", "app/target/sohoa.jar"));
        Path scans = Path.of(options.getOrDefault("--shared", "../shared")).resolve("corpus/scans");
        List<byte[]> pageFiles = ServiceProcess.loadScans(scans);

        Path home = Files.createTempDirectory("sohoa-bench-load-");
        int port = ServiceProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(ServiceProcess.java(), "-Xmx" + heap, "-XX:G1HeapRegionSize=8m", "-jar",
                jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(home.resolve("service.log").toFile());
        builder.environment().put("SOHOA_HOME", home.toString());
        builder.environment().put("SOHOA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.environment().put("SOHOA_PROFILE", "dev"); // a benchmark runs on development keys and demo data
        Process service = builder.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            ServiceProcess.awaitReady(http, base, service);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                keys.add(ServiceProcess.apiKey(http, base, ADMIN_PASSWORD, "clerk-" + (i + 1), AGENCY));
            }

            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sequence = new AtomicInteger();
            AtomicLong peakRss = new AtomicLong();
            String day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("yyMMdd"));
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(clerks);
            for (String key : keys) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int number = sequence.incrementAndGet();
                        String dossier = AGENCY + "-" + day + "-" + String.format("%04d", number % 10_000);
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                                            URI.create(base + "/api/v1/dossiers"))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + dossier
                                            + "\",\"agencyCode\":\"" + AGENCY + "\",\"receivedAt\":\""
                                            + OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0)
                                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                            HttpResponse<String> uploaded = registered.statusCode() == 201
                                    ? upload(http, base, key, dossier, pageFiles, pages) : registered;
                            if (uploaded.statusCode() == 202) {
                                accepted.incrementAndGet();
                                latencies.add((System.nanoTime() - start) / 1e6);
                            } else {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 5) {
                                    errorSamples.add(uploaded.statusCode() + " " + uploaded.body());
                                }
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(e.toString());
                            }
                        }
                        peakRss.accumulateAndGet(rssKb(service.pid()), Math::max);
                        try {
                            Thread.sleep(thinkMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
            long peakKb = Math.max(peakRss.get(), vmHwmKb(service.pid()));
            int digitizedPages = digitizedPages(home);

            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            double p95 = sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
            double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "Load benchmark: %d clerks, %d s, dossiers of %d pages (corpus "
                    + "scans, about %d KB each), %d ms between a clerk's dossiers, service heap %s, %d cores%n%n",
                    clerks, seconds, pages, pageFiles.stream().mapToInt(b -> b.length).sum() / pageFiles.size() / 1024,
                    thinkMillis, heap, Runtime.getRuntime().availableProcessors()));
            table.append("| dossiers accepted | pages accepted | per second | register + upload p50 ms | p95 ms | "
                    + "max ms | errors | pages digitized meanwhile | peak RSS MB |\n");
            table.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            table.append(String.format(Locale.ROOT, "| %d | %d | %.1f dossiers, %.1f pages | %.0f | %.0f | %.0f | %d | "
                            + "%d | %d |%n", accepted.get(), accepted.get() * pages, accepted.get() / (double) seconds,
                    accepted.get() * pages / (double) seconds, p50, p95, max, errors.get(), digitizedPages,
                    peakKb / 1024));
            if (!errorSamples.isEmpty()) {
                table.append("\nErrors (first five): ").append(String.join(" | ", errorSamples)).append('\n');
            }
            table.append(String.format(Locale.ROOT, "%nGoal: 0 errors with memory bounded by the heap given: %s%n",
                    errors.get() == 0 ? "0 errors" : errors.get() + " errors — NOT met"));
            System.out.print(table);
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), table, StandardCharsets.UTF_8);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static HttpResponse<String> upload(HttpClient http, String base, String key, String dossier,
                                               List<byte[]> pageFiles, int pages)
            throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "Hồ sơ thử tải\r\n").getBytes(StandardCharsets.UTF_8));
        for (int page = 0; page < pages; page++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"page"
                    + (page + 1) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(pageFiles.get(page % pageFiles.size()));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/" + dossier + "/documents"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Pages of DIGITIZED documents, counted from the service's log lines ("digitized: N page(s)"). */
    private static int digitizedPages(Path home) throws IOException {
        Matcher line = Pattern.compile("digitized: (\\d+) page").matcher(Files.readString(home.resolve("service.log")));
        int pages = 0;
        while (line.find()) {
            pages += Integer.parseInt(line.group(1));
        }
        return pages;
    }

    private static long rssKb(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    private static long vmHwmKb(long pid) {
        return statusKb(pid, "VmHWM:");
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // the process has ended, or not Linux
        }
        return 0;
    }





    private LoadBenchmark() {
    }
}
