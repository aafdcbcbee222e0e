package vn.sohoa.storage.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.util.PrivateFiles;

/**
 * S3Proxy in the same process, storing objects as files under a folder: the embedded default object store. It speaks
 * real S3 over HTTP on 127.0.0.1 with generated credentials, so Sohoa reaches it through the MinIO SDK exactly as it
 * reaches an external MinIO. It has no versioning and no object lock: never send it retention calls.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final String CREDENTIALS_FILE = "credentials";

    private final Path directory;
    private final int requestedPort;
    private final String accessKey;
    private final String secretKey;
    /** The port actually bound, kept so that a stop and start (outages, tests) comes back on the same endpoint. */
    private int boundPort;
    private S3Proxy proxy;
    private BlobStoreContext context;

    /**
     * @param directory where objects live (one sub-folder per bucket) and where the credentials are kept
     * @param port      the port to listen on, 0 for any free one
     */
    public EmbeddedS3Server(Path directory, int port) {
        this.directory = directory;
        this.requestedPort = port;
        try {
            PrivateFiles.createDirectories(directory.resolve("objects"));
            List<String> credentials = readOrCreateCredentials(directory.resolve(CREDENTIALS_FILE));
            this.accessKey = credentials.get(0);
            this.secretKey = credentials.get(1);
        } catch (IOException e) {
            throw new StorageException("cannot prepare the embedded object store in " + directory, e);
        }
    }

    public synchronized void start() {
        if (proxy != null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.resolve("objects").toString());
        context = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials(accessKey, secretKey)
                .overrides(properties)
                .build(BlobStoreContext.class);
        int port = boundPort != 0 ? boundPort : requestedPort;
        S3Proxy started = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            started.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(started.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new StorageException("the embedded object store did not start within 10 s", null);
                }
                Thread.sleep(10);
            }
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("cannot start the embedded object store: " + e.getMessage(), e);
        }
        proxy = started;
        boundPort = started.getPort();
    }

    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new StorageException("cannot stop the embedded object store: " + e.getMessage(), e);
        } finally {
            proxy = null;
            context.close();
        }
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    public synchronized String endpoint() {
        if (boundPort == 0) {
            throw new IllegalStateException("the embedded object store has not been started");
        }
        return "http://127.0.0.1:" + boundPort;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The folder holding bucket sub-folders (for tests that corrupt a file behind the store's back). */
    public Path objectsDirectory() {
        return directory.resolve("objects");
    }

    @Override
    public void close() {
        stop();
    }

    private static List<String> readOrCreateCredentials(Path file) throws IOException {
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() >= 2) {
                return List.of(lines.get(0).strip(), lines.get(1).strip());
            }
        }
        SecureRandom random = new SecureRandom();
        byte[] access = new byte[10];
        byte[] secret = new byte[24];
        random.nextBytes(access);
        random.nextBytes(secret);
        List<String> credentials = List.of("sohoa" + HexFormat.of().formatHex(access),
                HexFormat.of().formatHex(secret));
        PrivateFiles.writeNew(file, (String.join("\n", credentials) + "\n").getBytes(StandardCharsets.US_ASCII));
        return credentials;
    }
}
