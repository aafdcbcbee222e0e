package vn.sohoa.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.minio.MinioClient;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.storage.embedded.EmbeddedS3Server;
import vn.sohoa.storage.minio.BucketNames;
import vn.sohoa.storage.minio.MinioObjectStore;

/**
 * The contract against the embedded default: S3Proxy in this process (filesystem backend) over real HTTP, reached
 * through the MinIO SDK. Also what only the embedded server lets a test do: corrupt a file behind its back, stop it.
 */
class S3ProxyObjectStoreTest implements ObjectStoreContract {

    @TempDir
    static Path directory;
    static EmbeddedS3Server server;
    static MinioObjectStore store;

    @BeforeAll
    static void start() {
        server = new EmbeddedS3Server(directory, 0);
        server.start();
        store = new MinioObjectStore(MinioClient.builder().endpoint(server.endpoint())
                .credentials(server.accessKey(), server.secretKey()).region("us-east-1").build(),
                BucketNames.defaults());
        store.ensureBuckets();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Override
    public ObjectStore store() {
        return store;
    }

    @Test
    void hasNoObjectLock() {
        assertThat(store.capabilities().lockedBuckets()).isEmpty();
    }

    @Test
    void aTamperedPresignedLinkIsRefused() throws Exception {
        ObjectKey key = uniqueKey(Bucket.CERTIFIED_COPIES);
        store.putNew(key, "%PDF".getBytes(StandardCharsets.US_ASCII), "application/pdf", Map.of());
        String url = store.presignedGetUrl(key, Duration.ofMinutes(5));
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url.replace("/scan-1.png", "/scan-2.png"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void aByteChangedOnDiskIsDetected() throws Exception {
        ObjectKey key = uniqueKey(Bucket.DIGITIZED);
        StoredObject stored = store.putNew(key, "original".getBytes(StandardCharsets.US_ASCII), "application/pdf",
                Map.of());
        Path file = fileOf(key);
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 0x20;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.readVerified(key, stored.sha256())).isInstanceOf(IntegrityException.class);
    }

    static Path fileOf(ObjectKey key) throws IOException {
        try (Stream<Path> files = Files.walk(server.objectsDirectory())) {
            return files.filter(p -> p.toString().endsWith(key.name())).findFirst().orElseThrow();
        }
    }

    @Test
    void anOutageIsReportedAsUnavailableAndRecovers() {
        ObjectKey key = uniqueKey(Bucket.RAW_SCANS);
        server.stop();
        try {
            assertThat(store.isAvailable()).isFalse();
            assertThatThrownBy(() -> store.putNew(key, new byte[]{1}, "image/png", Map.of()))
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            server.start();
        }
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.putNew(key, new byte[]{1}, "image/png", Map.of()).size()).isEqualTo(1);
    }

    /** Interoperability: what Sohoa writes, Debian's awscli reads back with the same credentials. */
    @Test
    void awsCliReadsWhatSohoaWrote(@TempDir Path work) throws Exception {
        ObjectKey key = uniqueKey(Bucket.CERTIFIED_COPIES);
        byte[] content = "%PDF-1.7 bản sao".getBytes(StandardCharsets.UTF_8);
        store.putNew(key, content, "application/pdf", Map.of("title", "Bản sao"));
        Path target = work.resolve("copy.pdf");

        ProcessBuilder command = new ProcessBuilder("/usr/bin/aws", "--endpoint-url", server.endpoint(), "--region",
                "us-east-1", "s3", "cp", "s3://" + key.bucket().bucketName() + "/" + key.name(), target.toString())
                .redirectErrorStream(true)
                .directory(work.toFile());
        command.environment().put("AWS_ACCESS_KEY_ID", server.accessKey());
        command.environment().put("AWS_SECRET_ACCESS_KEY", server.secretKey());
        command.environment().put("HOME", work.toString()); // no ~/.aws of the machine's user
        Process aws = command.start();
        aws.getOutputStream().close();
        String output = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(aws.waitFor()).as(output).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }
}
