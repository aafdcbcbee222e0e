package vn.sohoa.app.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code sohoa backup --to DIR [--copy-to-s3 ENDPOINT [--s3-bucket NAME]]} and {@code sohoa restore --from DIR}: the
 * command-line side of {@link Backups}, one readable line on failure and a non-zero exit.
 */
public final class BackupCommand {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** Written, but some objects were missing or corrupt in the store (named, as {@code sohoa scrub} names them). */
    public static final int DAMAGED_OBJECTS = 3;

    private BackupCommand() {
    }

    /** {@code backup --to DIR}. */
    public static int backup(ConfigurableApplicationContext context, List<String> args, PrintStream out,
                             PrintStream err) {
        Path target = option(args, "--to");
        if (target == null) {
            err.println("usage: sohoa backup --to DIR [--copy-to-s3 ENDPOINT [--s3-bucket NAME] "
                    + "--s3-access-key-file FILE --s3-secret-key-file FILE]   (DIR absent or empty)");
            return USAGE;
        }
        S3Copy copy;
        try {
            copy = s3Copy(args);
        } catch (IllegalArgumentException | IOException e) {
            err.println("sohoa backup: " + e.getMessage());
            return USAGE;
        }
        try {
            BackupManifest manifest = context.getBean(Backups.class).backup(target, err);
            if (copy != null) {
                int files = copy.upload(target, target.getFileName().toString());
                err.println("backup: " + files + " file(s) copied to " + copy.endpoint() + "/" + copy.bucket() + "/"
                        + target.getFileName() + ", each size checked");
            }
            out.println("backup: done — " + manifest.objects().size() + " object(s) and the " + manifest.database()
                    + " database (schema " + manifest.schemaVersion() + ") in " + target.toAbsolutePath()
                    + (manifest.damaged().isEmpty() ? "" : "; " + manifest.damaged().size() + " object(s) missing or "
                    + "corrupt in the store were not copied (listed above and in the manifest)"));
            return manifest.damaged().isEmpty() ? DONE : DAMAGED_OBJECTS;
        } catch (Exception e) {
            err.println("sohoa backup: " + e.getMessage());
            return FAILED;
        }
    }

    /** {@code restore --from DIR}, into an empty database and data directory. */
    public static int restore(ConfigurableApplicationContext context, List<String> args, PrintStream out,
                              PrintStream err) {
        Path source = option(args, "--from");
        if (source == null) {
            err.println("usage: sohoa restore --from DIR   (a directory written by sohoa backup)");
            return USAGE;
        }
        try {
            BackupManifest manifest = context.getBean(Backups.class).restore(source, err);
            out.println("restore: done — " + manifest.objects().size() + " object(s) and the database of "
                    + manifest.createdAt() + "; next: sohoa scrub, sohoa audit verify, then start the service");
            return DONE;
        } catch (Exception e) {
            err.println("sohoa restore: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * The other S3 target of {@code --copy-to-s3 ENDPOINT [--s3-bucket NAME]}, its keys from the files
     * {@code --s3-access-key-file} and {@code --s3-secret-key-file} or from SOHOA_BACKUP_S3_ACCESS_KEY and
     * SOHOA_BACKUP_S3_SECRET_KEY (never on the command line, where other users of the machine would see them).
     */
    static S3Copy s3Copy(List<String> args) throws IOException {
        String endpoint = value(args, "--copy-to-s3");
        if (endpoint == null) {
            return null;
        }
        String bucket = value(args, "--s3-bucket");
        String accessKey = secret(args, "--s3-access-key-file", "SOHOA_BACKUP_S3_ACCESS_KEY");
        String secretKey = secret(args, "--s3-secret-key-file", "SOHOA_BACKUP_S3_SECRET_KEY");
        return new S3Copy(endpoint, bucket == null ? "sohoa-backups" : bucket, accessKey, secretKey);
    }

    private static String secret(List<String> args, String fileOption, String variable) throws IOException {
        Path file = option(args, fileOption);
        String value = file != null ? Files.readString(file).strip() : System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--copy-to-s3 needs " + fileOption + " FILE or " + variable);
        }
        return value;
    }

    private static Path option(List<String> args, String name) {
        String value = value(args, name);
        return value == null ? null : Path.of(value);
    }

    /** The value of {@code name VALUE} or {@code name=VALUE} among the arguments, or null. */
    private static String value(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(name + "=")) {
                return args.get(i).substring(name.length() + 1);
            }
        }
        return null;
    }
}
