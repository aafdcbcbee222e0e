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

    @Override
    public String toString() {
        return bucket.bucketName() + "/" + name;
    }
}
