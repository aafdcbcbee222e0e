package vn.sohoa.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.minio.MinioClient;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectAlreadyExistsException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.core.util.Sha256;
import vn.sohoa.storage.embedded.EmbeddedS3Server;
import vn.sohoa.storage.minio.BucketNames;
import vn.sohoa.storage.minio.MinioObjectStore;

/** The MinIO SDK adapter against a real S3 server over HTTP: S3Proxy in this process, filesystem backend. */
class EmbeddedMinioObjectStoreTest {

    @TempDir
    Path directory;
    EmbeddedS3Server server;
    MinioObjectStore store;

    @BeforeEach
    void start() {
        server = new EmbeddedS3Server(directory, 0);
        server.start();
        store = new MinioObjectStore(MinioClient.builder().endpoint(server.endpoint())
                .credentials(server.accessKey(), server.secretKey()).build(), BucketNames.defaults());
        store.ensureBuckets();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void storesReadsAndNeverOverwrites() {
        ObjectKey key = new ObjectKey(Bucket.RAW_SCANS, "000.00.30.H42/2026/doc-1/scan-1.png");
        byte[] content = "page".getBytes(StandardCharsets.UTF_8);

        StoredObject stored = store.putNew(key, content, "image/png", Map.of("clerk", "Trần Thị Mỹ Duyên"));

        assertThat(stored.sha256()).isEqualTo(Sha256.hex(content));
        assertThat(stored.size()).isEqualTo(4);
        assertThat(store.readVerified(key, stored.sha256())).isEqualTo(content);
        assertThatThrownBy(() -> store.putNew(key, "other".getBytes(StandardCharsets.UTF_8), "image/png", Map.of()))
                .isInstanceOf(ObjectAlreadyExistsException.class);
        assertThat(store.readVerified(key, stored.sha256())).isEqualTo(content);
    }

    @Test
    void presignedLinkServesTheObjectOverHttp() throws Exception {
        ObjectKey key = new ObjectKey(Bucket.CERTIFIED_COPIES, "000.00.30.H42/2026/copy-1.pdf");
        store.putNew(key, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf", Map.of());

        String url = store.presignedGetUrl(key, Duration.ofMinutes(5));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("%PDF-1.7");
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url.replace("copy-1", "copy-2"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void aByteChangedOnDiskIsDetected() throws Exception {
        ObjectKey key = new ObjectKey(Bucket.DIGITIZED, "000.00.30.H42/2026/doc-2.pdf");
        StoredObject stored = store.putNew(key, "original".getBytes(StandardCharsets.US_ASCII), "application/pdf",
                Map.of());
        Path file;
        try (Stream<Path> files = Files.walk(server.objectsDirectory())) {
            file = files.filter(p -> p.getFileName().toString().equals("doc-2.pdf")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 0x20;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.readVerified(key, stored.sha256())).isInstanceOf(IntegrityException.class);
    }

    @Test
    void anOutageIsReportedAsUnavailableAndRecovers() {
        ObjectKey key = new ObjectKey(Bucket.RAW_SCANS, "000.00.30.H42/2026/doc-3/scan-1.png");
        server.stop();

        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(() -> store.putNew(key, new byte[]{1}, "image/png", Map.of()))
                .isInstanceOf(StoreUnavailableException.class);

        server.start();
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.putNew(key, new byte[]{1}, "image/png", Map.of()).size()).isEqualTo(1);
    }
}
