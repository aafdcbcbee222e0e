package vn.sohoa.app.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code sohoa backup --to DIR} and {@code sohoa restore --from DIR}: the command-line side of {@link Backups}, one
 * readable line on failure and a non-zero exit.
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
            err.println("usage: sohoa backup --to DIR   (an absent or empty directory)");
            return USAGE;
        }
        try {
            BackupManifest manifest = context.getBean(Backups.class).backup(target, err);
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

    private static Path option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (args.get(i).startsWith(name + "=")) {
                return Path.of(args.get(i).substring(name.length() + 1));
            }
        }
        return null;
    }
}
