package vn.sohoa.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service jar run by a benchmark: a free port, this JVM's java, readiness, API keys made by the admin. */
final class ServiceProcess {

    /** Corpus scans (200-300 dpi, skewed, noisy, low contrast, colour, heavy JPEG) the load benchmarks upload. */
    static final List<String> LOAD_SCANS = List.of("s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg",
            "s05_a05_skew-2.3_lowcontrast_300dpi.jpg", "s07_a07_skew+0.5_edge-shadow_300dpi.jpg",
            "s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg", "s09_a02_jpeg-q10_200dpi.jpg");

    private ServiceProcess() {
    }

    /** The {@link #LOAD_SCANS}' bytes, from the corpus's scans folder. */
    static List<byte[]> loadScans(Path scans) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        for (String name : LOAD_SCANS) {
            pages.add(Files.readAllBytes(scans.resolve(name)));
        }
        return pages;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service answers its readiness probe, for at most three minutes. */
    static void awaitReady(HttpClient http, String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped (exit " + service.exitValue() + ")");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not get ready in 3 minutes");
    }

    /**
     * A new API key of {@code agencyCode}, made by the administrator: benchmarks call with keys, since HTTP Basic
     * would time bcrypt rather than the work measured.
     */
    static String apiKey(HttpClient http, String base, String adminPassword, String name, String agencyCode)
            throws Exception {
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        // a POST with a password carries the administrator's CSRF token
        HttpResponse<String> csrf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf"))
                .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(csrf.body());
        if (csrf.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("cannot get the CSRF token: " + csrf.statusCode() + " " + csrf.body());
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-clients"))
                .header("Authorization", admin)
                .header("X-CSRF-TOKEN", token.group(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"agencyCode\":\"" + agencyCode
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher key = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("cannot create an API key: " + created.statusCode() + " " + created.body());
        }
        return key.group(1);
    }
}
