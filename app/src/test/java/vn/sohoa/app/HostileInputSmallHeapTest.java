package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.ingest.ScanRejectedException.Reason;
import vn.sohoa.testkit.HostileFiles;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The hostile-input corpus (scan-ingest's {@link HostileFiles}: empty and truncated files, decompression bombs, huge
 * declared sizes, active PDFs, encrypted PDFs, wrong types, a 10,000-page TIFF, path-traversal names) and oversized
 * multipart bodies, sent to the service running as its own process with a 512 MB heap: each is answered with a 4xx,
 * the service stays up and then digitizes a real scan, and no temporary file is left behind.
 */
@Order(9) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class HostileInputSmallHeapTest {

    static final String DOSSIER = "000.00.30.H42-261130-0801";
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Kept when the test fails: the service's log is there ({@code service.log}). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;
    @RegisterExtension
    final KeptLogs keptLogs = new KeptLogs(() -> home);
    Process service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            ServiceNode.stop(service);
        }
    }

    /** Temporary files of uploads and image decoding anywhere under the service's temporary directory. */
    long temporaryFiles(Path tmp) throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("upload_") || name.startsWith("imageio")
                            || name.endsWith(".tmp")).count();
        }
    }

    @Test
    void everyHostileFileIsRefusedWithA4xxAndTheServiceStaysUpWithin512Mb() throws Exception {
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        int port = EndToEndTest.freePort();
        service = ServiceNode.start(home, port, home.resolve("service.log"),
                List.of("-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-XX:+ExitOnOutOfMemoryError"),
                Map.of("SOHOA_ADMIN_PASSWORD", ""), // the administrator's password generated at first start
                "--sohoa.public-base-url=http://127.0.0.1:" + port);
        SohoaHttpClient api = new SohoaHttpClient("http://127.0.0.1:" + port);
        // the embedded database's server (for this machine's own tools) listens on loopback only
        Properties lock = new Properties();
        try (var in = Files.newInputStream(home.resolve("db/sohoa.lock.db"))) {
            lock.load(in);
        }
        // what the service writes is its user's alone from the start, whatever the umask of whoever started it
        for (String directory : List.of("db", "objects", "pki")) {
            assertThat(mode(home.resolve(directory))).as(directory).isEqualTo("rwx------");
        }
        assertThat(mode(home.resolve("objects/credentials"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("pki/keystore-password"))).isEqualTo("rw-------");
        try (var keys = Files.list(home.resolve("pki"))) {
            List<Path> stores = keys.filter(key -> key.toString().endsWith(".p12")).toList();
            assertThat(stores).as("the development key stores").isNotEmpty();
            for (Path store : stores) {
                assertThat(mode(store)).as(store.toString()).isEqualTo("rw-------");
            }
        }
        // the generated password is in a file only this user reads, and not in the service's log
        Path passwords = home.resolve("first-start-passwords.txt");
        assertThat(mode(passwords)).isEqualTo("rw-------");
        String adminPassword = Files.readAllLines(passwords).stream().filter(line -> line.startsWith("admin "))
                .findFirst().orElseThrow().substring(6);
        assertThat(adminPassword).hasSize(16);
        assertThat(Files.readString(home.resolve("service.log"))).doesNotContain(adminPassword)
                .contains("(in the file below");
        int h2Port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
        assertThat(listeningAddresses(h2Port)).as("where H2's AUTO_SERVER socket listens").isNotEmpty()
                .allMatch(address -> List.of("0100007F", "0000000000000000FFFF00000100007F",
                        "00000000000000000000000001000000").contains(address)); // 127.0.0.1, as IPv6, ::1
        assertThat(api.postJson("/api/v1/dossiers", CLERK, """
                {"code":"%s","agencyCode":"000.00.30.H42","receivedAt":"2026-11-30T08:00:00+07:00"}"""
                .formatted(DOSSIER)).statusCode()).isEqualTo(201);

        int refused = 0;
        for (HostileFiles.Hostile hostile : HostileFiles.corpus()) {
            if (hostile.expected().equals(Reason.TOO_LARGE.name())) {
                continue; // too large for the corpus's own small limit only; the service's 64 MB limit is met below
            }
            HttpResponse<String> answer = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                    new String[][]{{"title", "hostile"}}, new Object[][]{{"files", hostile.name(), hostile.content()}});
            assertThat(answer.statusCode()).as(hostile.what() + ": " + answer.body()).isBetween(400, 499);
            refused++;
        }
        assertThat(refused).isGreaterThanOrEqualTo(40);
        assertThat(service.isAlive()).isTrue();

        // a file over the 64 MB part limit, and a 300 MB body over the 256 MB request limit
        HttpResponse<String> tooLarge = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "too large"}}, new Object[][]{{"files", "big.png", new byte[70 << 20]}});
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("field").asString()).isEqualTo("files");
        assertThat(hugeBody(port, api.csrfToken(CLERK), 300L << 20)).isEqualTo(413);

        assertThat(service.isAlive()).as("the service survived; see " + home.resolve("service.log")).isTrue();
        assertThat(api.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        JsonNode dossier = JSON.readTree(api.get("/api/v1/dossiers/" + DOSSIER, CLERK).body());
        assertThat(dossier.get("documents")).as("nothing refused was stored").isEmpty();

        // and it still does its work
        HttpResponse<String> real = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "a real scan"}}, new Object[][]{{"files", "a05.png",
                        Files.readAllBytes(SharedCorpus.corpus("clean/a05.png"))}});
        assertThat(real.statusCode()).isEqualTo(202);
        JsonNode done = api.awaitFinished(JSON.readTree(real.body()).get("id").asString(), CLERK,
                Duration.ofSeconds(120));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DIGITIZED");
        assertThat(temporaryFiles(tmp)).as("temporary files left in " + tmp).isZero();
        assertThat(Files.readString(home.resolve("service.log"), StandardCharsets.UTF_8))
                .doesNotContain("OutOfMemoryError");
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /**
     * The local addresses (as the kernel's /proc/net/tcp and tcp6 write them, hex) of the sockets listening on
     * {@code port}: read from this machine's own tables, no connection made.
     */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String wanted = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(wanted) && fields[3].equals("0A")) {
                    addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    /** Streams a multipart body of {@code size} bytes without holding it; the status, or 413 if cut off early. */
    static int hugeBody(int port, String csrfToken, long size) throws IOException, InterruptedException {
        String boundary = "sohoa-huge";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < head.length ? head[(int) sent - 1] : sent <= size ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = sent + i < head.length ? head[(int) (sent + i)] : 0;
                }
                sent += n;
                return n;
            }
        };
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/dossiers/" + DOSSIER + "/documents"))
                    .header("Authorization", CLERK)
                    .header("X-CSRF-TOKEN", csrfToken)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> body), size)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException cutOff) {
            // the server may answer 413 and close before the client has sent everything; the client then sees
            // the connection closed instead of the answer
            return 413;
        }
    }
}
