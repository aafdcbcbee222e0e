package vn.sohoa.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets and data directories are private from their creation, whatever the process's umask. */
class PrivateFilesTest {

    @TempDir
    Path root;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void newDirectoriesAre0700AndSecretFiles0600() throws Exception {
        Path keys = PrivateFiles.createDirectories(root.resolve("home/pki"));
        assertThat(mode(root.resolve("home"))).isEqualTo("rwx------");
        assertThat(mode(keys)).isEqualTo("rwx------");
        PrivateFiles.writeNew(keys.resolve("password"), "secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(mode(keys.resolve("password"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> PrivateFiles.writeNew(keys.resolve("password"), new byte[1]))
                .isInstanceOf(FileAlreadyExistsException.class);
        Files.writeString(keys.resolve("root.p12"), "old");
        PrivateFiles.replace(keys.resolve("root.p12"), out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Files.readString(keys.resolve("root.p12"))).isEqualTo("new");
        assertThat(mode(keys.resolve("root.p12"))).isEqualTo("rw-------");
        // an existing directory keeps the mode its owner gave it
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-x---"));
        PrivateFiles.createDirectories(keys);
        assertThat(mode(keys)).isEqualTo("rwxr-x---");
    }
}
