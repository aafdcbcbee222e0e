package vn.sohoa.storage.minio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.Method;

import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectAlreadyExistsException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.storage.StoreUnavailableException;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.core.util.Sha256;

/**
 * The object store through the MinIO Java SDK, for MinIO, any S3 service, and the embedded S3Proxy alike. The
 * client is thread-safe and shared. Every object carries its SHA-256 in user metadata ({@code x-amz-meta-sha256}).
 */
public final class MinioObjectStore implements ObjectStore {

    private static final String SHA256_METADATA = "sha256";

    private final MinioClient client;
    private final BucketNames buckets;

    public MinioObjectStore(MinioClient client, BucketNames buckets) {
        this.client = client;
        this.buckets = buckets;
    }

    /** Creates the buckets that do not exist yet. */
    public void ensureBuckets() {
        for (Bucket bucket : Bucket.values()) {
            call("create bucket " + buckets.of(bucket), () -> {
                String name = buckets.of(bucket);
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(name).build());
                }
                return null;
            });
        }
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
        call("write " + key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(buckets.of(key.bucket()))
                .object(key.name())
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType)
                .userMetadata(userMetadata)
                .build()));
        StoredObject stored = stat(key).orElseThrow(() -> new StorageException(
                "object " + key + " is missing right after it was written", null));
        if (stored.size() != content.length || !sha256.equals(stored.sha256())) {
            throw new IntegrityException(key, sha256, stored.sha256() + " (" + stored.size() + " bytes)");
        }
        return stored;
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
