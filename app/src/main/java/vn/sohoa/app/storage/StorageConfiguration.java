package vn.sohoa.app.storage;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.minio.MinioClient;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.SohoaProperties.StorageMode;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.storage.embedded.EmbeddedS3Server;
import vn.sohoa.storage.minio.BucketNames;
import vn.sohoa.storage.minio.MinioObjectStore;

/**
 * One object store, always reached through the MinIO SDK: the in-process S3Proxy by default, an external MinIO/S3
 * service in production.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

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
        if (embedded.server() != null) {
            EmbeddedS3Server server = embedded.server();
            builder.endpoint(server.endpoint()).credentials(server.accessKey(), server.secretKey());
        } else {
            if (storage.endpoint() == null || storage.endpoint().isBlank()) {
                throw new IllegalStateException("sohoa.storage.endpoint (SOHOA_S3_ENDPOINT) is required when "
                        + "sohoa.storage.mode is external");
            }
            builder.endpoint(storage.endpoint()).credentials(storage.accessKey(), storage.secretKey());
            if (storage.region() != null && !storage.region().isBlank()) {
                builder.region(storage.region());
            }
        }
        return builder.build();
    }

    @Bean
    MinioObjectStore objectStore(MinioClient client, SohoaProperties properties) {
        Map<Bucket, String> names = new EnumMap<>(Bucket.class);
        names.put(Bucket.RAW_SCANS, properties.storage().rawBucket());
        names.put(Bucket.DIGITIZED, properties.storage().pdfaBucket());
        names.put(Bucket.CERTIFIED_COPIES, properties.storage().certifiedBucket());
        names.values().removeIf(java.util.Objects::isNull);
        MinioObjectStore store = new MinioObjectStore(client, new BucketNames(names));
        store.ensureBuckets();
        return store;
    }
}
