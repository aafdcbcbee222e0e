package vn.sohoa.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.MinioException;

/**
 * A copy of a finished backup directory in another S3 service (another site, another provider), through the MinIO
 * SDK like every other object access: each file under {@code <prefix>/<its path in the backup>}, its size checked
 * after the upload. Restoring from it is copying it back into a directory ({@code aws s3 sync}) and restoring that.
 *
 * @param endpoint  the other S3 service
 * @param bucket    its bucket for backups (made when missing)
 * @param accessKey its access key
 * @param secretKey its secret key
 */
record S3Copy(String endpoint, String bucket, String accessKey, String secretKey) {

    /** Uploads every file of {@code backup} under {@code prefix}; returns how many. */
    int upload(Path backup, String prefix) throws IOException {
        MinioClient client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey)
                .region("us-east-1").build();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(backup)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String key = prefix + "/" + backup.relativize(file).toString().replace('\\', '/');
                long size = Files.size(file);
                try (InputStream in = Files.newInputStream(file)) {
                    client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, -1)
                            .contentType("application/octet-stream").build());
                }
                long stored = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size();
                if (stored != size) {
                    throw new IOException("the copy of " + key + " in " + endpoint + " has " + stored + " bytes, not "
                            + size);
                }
            }
            return files.size();
        } catch (MinioException | GeneralSecurityException e) {
            throw new IOException("the copy to " + endpoint + "/" + bucket + " failed: " + e.getMessage(), e);
        }
    }
}
