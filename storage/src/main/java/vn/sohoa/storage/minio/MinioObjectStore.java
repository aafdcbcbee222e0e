package vn.sohoa.storage.minio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.Method;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectAlreadyExistsException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.storage.StoreCapabilities;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.core.util.Sha256;

/**
 * The object store through the MinIO Java SDK, for MinIO, any S3 service, and the embedded S3Proxy alike. The
 * client is thread-safe and shared. Every object carries its SHA-256 in user metadata ({@code x-amz-meta-sha256}).
 */
public final class MinioObjectStore implements ObjectStore {

    private static final String SHA256_METADATA = "sha256";

    private static final Logger LOG = LoggerFactory.getLogger(MinioObjectStore.class);

    private final MinioClient client;
    private final BucketNames buckets;
    private final RetentionSettings retention;
    private volatile StoreCapabilities capabilities = StoreCapabilities.NONE;

    public MinioObjectStore(MinioClient client, BucketNames buckets) {
        this(client, buckets, RetentionSettings.OFF);
    }

    public MinioObjectStore(MinioClient client, BucketNames buckets, RetentionSettings retention) {
        this.client = client;
        this.buckets = buckets;
        this.retention = retention;
    }

    /**
     * Creates the buckets that do not exist yet (with Object Lock when asked for) and detects which buckets have
     * Object Lock. Detection only reads the bucket's lock configuration; it never sends a retention call.
     */
    public void ensureBuckets() {
        Set<Bucket> locked = EnumSet.noneOf(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            String name = buckets.of(bucket);
            call("create bucket " + name, () -> {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(name)
                            .objectLock(retention.objectLock() == RetentionSettings.ObjectLockUse.AUTO).build());
                }
                return null;
            });
            if (retention.objectLock() == RetentionSettings.ObjectLockUse.AUTO && hasObjectLock(name)) {
                locked.add(bucket);
            }
        }
        capabilities = new StoreCapabilities(locked);
        LOG.info("object store ready; Object Lock on: {}", locked.isEmpty() ? "none" : locked);
    }

    private boolean hasObjectLock(String bucket) {
        try {
            ObjectLockConfiguration configuration = client.getObjectLockConfiguration(
                    GetObjectLockConfigurationArgs.builder().bucket(bucket).build());
            return configuration != null;
        } catch (Exception e) {
            LOG.info("bucket {} has no Object Lock ({})", bucket, e.getMessage());
            return false;
        }
    }

    @Override
    public StoreCapabilities capabilities() {
        return capabilities;
    }

    /** Retention for a new object of this bucket, or null where the bucket has no Object Lock or none applies. */
    private Retention retentionFor(Bucket bucket) {
        if (!capabilities.objectLock(bucket)) {
            return null;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return switch (bucket) {
            case CERTIFIED_COPIES -> new Retention(RetentionMode.COMPLIANCE,
                    now.plus(retention.certifiedCopies()));
            case RAW_SCANS -> new Retention(RetentionMode.GOVERNANCE,
                    now.plus(retention.rawScans()));
            case DIGITIZED -> null;
        };
    }

    @Override
    public StoredObject putNew(ObjectKey key, byte[] content, String contentType, Map<String, String> metadata) {
        // Refuse before writing: S3 itself would silently replace the object.
        if (stat(key).isPresent()) {
            throw new ObjectAlreadyExistsException(key);
        }
        String sha256 = Sha256.hex(content);
        Map<String, String> userMetadata = new HashMap<>();
        metadata.forEach((name, value) -> userMetadata.put(name, asciiSafe(value)));
        userMetadata.put(SHA256_METADATA, sha256);
        PutObjectArgs.Builder put = PutObjectArgs.builder()
                .bucket(buckets.of(key.bucket()))
                .object(key.name())
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType)
                .userMetadata(userMetadata);
        Retention objectRetention = retentionFor(key.bucket());
        if (objectRetention != null) {
            // sent as headers of this PUT; never as a separate retention call
            put.retention(objectRetention);
        }
        call("write " + key, () -> client.putObject(put.build()));
        if (objectRetention != null) {
            ensureRetention(key, objectRetention);
        }
        StoredObject stored = stat(key).orElseThrow(() -> new StorageException(
                "object " + key + " is missing right after it was written", null));
        if (stored.size() != content.length || !sha256.equals(stored.sha256())) {
            throw new IntegrityException(key, sha256, stored.sha256() + " (" + stored.size() + " bytes)");
        }
        return stored;
    }

    /**
     * Checks that the retention asked for in the PUT headers took; some servers (S3Mock) take retention only through
     * the retention API, so it is applied that way when missing. Only ever called on buckets with Object Lock.
     */
    private void ensureRetention(ObjectKey key, Retention wanted) {
        String bucket = buckets.of(key.bucket());
        Retention actual;
        try {
            actual = client.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket).object(key.name())
                    .build());
        } catch (ErrorResponseException e) {
            actual = null;
        } catch (IOException e) {
            throw new StoreUnavailableException("checking the retention of " + key + ": " + e.getMessage(), e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new StorageException("checking the retention of " + key + " failed: " + e.getMessage(), e);
        }
        if (actual == null || actual.mode() != wanted.mode()) {
            call("set retention of " + key, () -> {
                client.setObjectRetention(SetObjectRetentionArgs.builder().bucket(bucket).object(key.name())
                        .config(wanted).build());
                return null;
            });
        }
    }

    @Override
    public InputStream open(ObjectKey key) {
        return call("read " + key, () -> client.getObject(GetObjectArgs.builder()
                .bucket(buckets.of(key.bucket())).object(key.name()).build()));
    }

    @Override
    public byte[] readVerified(ObjectKey key, String expectedSha256) {
        byte[] content;
        try (InputStream in = open(key)) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new StoreUnavailableException("reading " + key + " was interrupted: " + e.getMessage(), e);
        }
        String actual = Sha256.hex(content);
        if (!actual.equals(expectedSha256)) {
            throw new IntegrityException(key, expectedSha256, actual);
        }
        return content;
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        try {
            StatObjectResponse response = client.statObject(StatObjectArgs.builder()
                    .bucket(buckets.of(key.bucket())).object(key.name()).build());
            return Optional.of(new StoredObject(key, response.size(),
                    response.userMetadata().get(SHA256_METADATA), response.contentType()));
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)) {
                return Optional.empty();
            }
            throw new StorageException("stat " + key + " failed: " + code + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("the object store cannot be reached (" + e.getMessage() + ")", e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new StorageException("stat " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String presignedGetUrl(ObjectKey key, Duration expiry) {
        return call("presign " + key, () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(buckets.of(key.bucket()))
                .object(key.name())
                .expiry((int) expiry.toSeconds())
                .build()));
    }

    @Override
    public boolean isAvailable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(buckets.of(Bucket.RAW_SCANS)).build());
        } catch (Exception e) {
            return false;
        }
    }

    /** User metadata travels in HTTP headers: keep it ASCII (Vietnamese names are percent-encoded). */
    static String asciiSafe(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface MinioCall<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }

    private static <T> T call(String what, MinioCall<T> call) {
        try {
            return call.run();
        } catch (ErrorResponseException e) {
            throw new StorageException(what + " failed: " + e.errorResponse().code() + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException(what + ": the object store cannot be reached (" + e.getMessage()
                    + ")", e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }
}
