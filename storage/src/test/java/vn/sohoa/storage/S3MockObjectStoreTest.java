package vn.sohoa.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.minio.GetObjectRetentionArgs;
import io.minio.MinioClient;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.storage.minio.BucketNames;
import vn.sohoa.storage.minio.MinioObjectStore;
import vn.sohoa.storage.minio.RetentionSettings;

/**
 * The contract against S3Mock started as a separate process (it is a Spring Boot 3 application with its own
 * classpath, built by test-servers/s3mock): a server with versioning and Object Lock APIs. S3Mock stores retention
 * but does not enforce it, and does not check presigned signatures; those are S3Proxy's tests.
 */
class S3MockObjectStoreTest implements ObjectStoreContract {

    @TempDir
    static Path root;
    static Process s3mock;
    static MinioClient client;
    static MinioObjectStore store;

    @BeforeAll
    static void startS3Mock() throws Exception {
        String classpathFile = System.getProperty("sohoa.s3mock.classpath",
                "../test-servers/s3mock/target/s3mock.classpath");
        String classpath = Files.readString(Path.of(classpathFile)).strip();
        int httpPort = freePort();
        int httpsPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", classpath, "com.adobe.testing.s3mock.S3MockApplication",
                "--com.adobe.testing.s3mock.http-port=" + httpPort, "--server.port=" + httpsPort,
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store")));
        s3mock = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("s3mock.log").toFile()).start();
        awaitPort(httpPort, root.resolve("s3mock.log"));
        client = MinioClient.builder().endpoint("http://127.0.0.1:" + httpPort)
                .credentials("s3mock", "s3mock").region("us-east-1").build();
        store = new MinioObjectStore(client, BucketNames.defaults(),
                RetentionSettings.auto(Period.ofYears(75), Period.ofYears(10)));
        store.ensureBuckets();
    }

    @AfterAll
    static void stopS3Mock() throws InterruptedException {
        if (s3mock != null) {
            s3mock.destroy();
            s3mock.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void awaitPort(int port, Path log) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!s3mock.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("S3Mock did not listen on " + port + " within 60 s");
    }

    @Override
    public ObjectStore store() {
        return store;
    }

    @Test
    void detectsObjectLockOnTheBuckets() {
        assertThat(store.capabilities().objectLock(Bucket.CERTIFIED_COPIES)).isTrue();
        assertThat(store.capabilities().objectLock(Bucket.RAW_SCANS)).isTrue();
    }

    @Test
    void certifiedCopiesGetComplianceAndRawScansGovernanceRetention() throws Exception {
        ObjectKey copy = uniqueKey(Bucket.CERTIFIED_COPIES);
        store.putNew(copy, "%PDF".getBytes(StandardCharsets.US_ASCII), "application/pdf", Map.of());
        Retention copyRetention = client.getObjectRetention(GetObjectRetentionArgs.builder()
                .bucket(Bucket.CERTIFIED_COPIES.bucketName()).object(copy.name()).build());
        assertThat(copyRetention.mode()).isEqualTo(RetentionMode.COMPLIANCE);
        assertThat(copyRetention.retainUntilDate()).isAfter(ZonedDateTime.now().plusYears(74));

        ObjectKey scan = uniqueKey(Bucket.RAW_SCANS);
        store.putNew(scan, new byte[]{1}, "image/png", Map.of());
        Retention scanRetention = client.getObjectRetention(GetObjectRetentionArgs.builder()
                .bucket(Bucket.RAW_SCANS.bucketName()).object(scan.name()).build());
        assertThat(scanRetention.mode()).isEqualTo(RetentionMode.GOVERNANCE);
    }
}
