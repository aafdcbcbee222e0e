package vn.sohoa.core.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only the service's own user may read: secrets (keys, their passwords, credentials) are
 * created with mode 0600 and the data directories with 0700 from the first byte, not changed afterwards (a file made
 * readable by everyone and chmod-ed a moment later can be opened in that moment). On a file system without POSIX
 * permissions (Windows) the directory's own access rules protect them.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} and its missing parents, each new one 0700; existing ones are left as they are. */
    public static Path createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return directory;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, attribute(absolute, OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        return directory;
    }

    /** Writes a new file, 0600 from its creation; fails if it exists. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(create(file))) {
            out.write(content);
        }
    }

    /** Replaces {@code file} atomically by a 0600 file written by {@code writer}. */
    public static void replace(Path file, Writer writer) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (OutputStream out = Files.newOutputStream(create(temporary))) {
            writer.write(out);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static Path create(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.newByteChannel(absolute, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attribute(absolute, OWNER_FILE)).close();
        return file;
    }

    private static FileAttribute<?>[] attribute(Path path, Set<PosixFilePermission> permissions) {
        Path existing = path.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing == null
                || existing.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
