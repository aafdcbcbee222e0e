package vn.sohoa.app.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.SohoaProperties.StorageMode;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.storage.embedded.EmbeddedS3Server;
import vn.sohoa.storage.minio.BucketNames;
import vn.sohoa.storage.minio.MinioObjectStore;
import vn.sohoa.storage.minio.RetentionSettings;

/**
 * One object store, always reached through the MinIO SDK: the in-process S3Proxy by default, an external MinIO/S3
 * service in production. Every write is recorded in the object catalog.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** S3 signatures need a region; one fixed here spares the SDK a region lookup against the server. */
    private static final String DEFAULT_REGION = "us-east-1";

    @Bean(destroyMethod = "stop")
    EmbeddedObjectStoreServer embeddedObjectStoreServer(SohoaProperties properties) {
        if (properties.storage().mode() != StorageMode.EMBEDDED) {
            return new EmbeddedObjectStoreServer(null);
        }
        EmbeddedS3Server server = new EmbeddedS3Server(properties.home().resolve("objects"),
                properties.storage().embeddedPort());
        server.start();
        return new EmbeddedObjectStoreServer(server);
    }

    @Bean
    MinioClient minioClient(SohoaProperties properties, EmbeddedObjectStoreServer embedded) {
        SohoaProperties.Storage storage = properties.storage();
        MinioClient.Builder builder = MinioClient.builder();
        String region = storage.region() == null || storage.region().isBlank() ? DEFAULT_REGION : storage.region();
        if (embedded.server() != null) {
            EmbeddedS3Server server = embedded.server();
            builder.endpoint(server.endpoint()).credentials(server.accessKey(), server.secretKey());
        } else {
            if (storage.endpoint() == null || storage.endpoint().isBlank()) {
                throw new IllegalStateException("sohoa.storage.endpoint (SOHOA_S3_ENDPOINT) is required when "
                        + "sohoa.storage.mode is external");
            }
            builder.endpoint(storage.endpoint()).credentials(
                    secret(storage.accessKey(), storage.accessKeyFile(), "access key"),
                    secret(storage.secretKey(), storage.secretKeyFile(), "secret key"));
        }
        return builder.region(region).build();
    }

    @Bean
    ObjectStore objectStore(MinioClient client, SohoaProperties properties, ObjectCatalog catalog,
                            MeterRegistry registry) {
        SohoaProperties.Storage storage = properties.storage();
        Map<Bucket, String> names = new EnumMap<>(Bucket.class);
        names.put(Bucket.RAW_SCANS, storage.rawBucket());
        names.put(Bucket.DIGITIZED, storage.pdfaBucket());
        names.put(Bucket.CERTIFIED_COPIES, storage.certifiedBucket());
        names.values().removeIf(Objects::isNull);
        // S3Proxy has no Object Lock, and a retention call would overwrite the object there: never ask it
        RetentionSettings retention = storage.mode() == StorageMode.EMBEDDED
                || storage.objectLock() == RetentionSettings.ObjectLockUse.OFF
                ? new RetentionSettings(RetentionSettings.ObjectLockUse.OFF, storage.certifiedRetention(),
                storage.rawRetention())
                : RetentionSettings.auto(storage.certifiedRetention(), storage.rawRetention());
        MinioObjectStore store = new MinioObjectStore(client, new BucketNames(names), retention);
        store.ensureBuckets();
        return new CatalogedObjectStore(store, catalog, registry);
    }

    /** A credential given directly, or read from a file (container secrets); never logged. */
    private static String secret(String value, Path file, String what) {
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the object store " + what + " file " + file, e);
            }
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the object store " + what + " is not set (SOHOA_S3_ACCESS_KEY / "
                    + "SOHOA_S3_SECRET_KEY, or sohoa.storage.access-key-file / secret-key-file)");
        }
        return value;
    }
}
