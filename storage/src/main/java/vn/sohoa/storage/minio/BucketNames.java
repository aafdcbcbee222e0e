package vn.sohoa.storage.minio;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import vn.sohoa.core.storage.Bucket;

/** The actual bucket name for each kind of object; defaults to the names in {@link Bucket}. */
public record BucketNames(Map<Bucket, String> names) {

    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BucketNames {
        EnumMap<Bucket, String> complete = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            String name = names == null ? null : names.get(bucket);
            complete.put(bucket, name == null || name.isBlank() ? bucket.bucketName() : name);
            if (!S3_BUCKET.matcher(complete.get(bucket)).matches()) {
                throw new IllegalArgumentException("not a valid S3 bucket name: " + complete.get(bucket));
            }
        }
        names = Map.copyOf(complete);
    }

    public static BucketNames defaults() {
        return new BucketNames(Map.of());
    }

    public String of(Bucket bucket) {
        return names.get(bucket);
    }
}
