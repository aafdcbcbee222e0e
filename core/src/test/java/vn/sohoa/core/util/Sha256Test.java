package vn.sohoa.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @Test
    void aFileReadInBlocksHashesAsItsBytesDo(@TempDir Path directory) throws Exception {
        byte[] content = new byte[200_003]; // several blocks and a short last one
        new Random(7).nextBytes(content);
        Path file = Files.write(directory.resolve("dump"), content);
        assertThat(Sha256.hex(file)).isEqualTo(Sha256.hex(content));
        assertThat(Sha256.hex(Files.write(directory.resolve("empty"), new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
