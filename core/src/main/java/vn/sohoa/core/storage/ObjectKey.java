package vn.sohoa.core.storage;

import java.util.regex.Pattern;

/**
 * A bucket and an object name. Names hold only identifiers (agency code, year, ids), never personal data, and only
 * characters that are safe in every S3 implementation and on every file system.
 */
public record ObjectKey(Bucket bucket, String name) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,1000}");

    public ObjectKey {
        if (bucket == null || name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")
                || name.contains("//")) {
            throw new IllegalArgumentException("unsafe object key: " + bucket + "/" + name);
        }
    }

    /** Reads back the form {@link #toString()} writes: {@code <default bucket name>/<name>}. */
    public static ObjectKey parse(String value) {
        int slash = value.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not an object key: " + value);
        }
        String bucketName = value.substring(0, slash);
        for (Bucket bucket : Bucket.values()) {
            if (bucket.bucketName().equals(bucketName)) {
                return new ObjectKey(bucket, value.substring(slash + 1));
            }
        }
        throw new IllegalArgumentException("unknown bucket in object key: " + value);
    }

    @Override
    public String toString() {
        return bucket.bucketName() + "/" + name;
    }
}
