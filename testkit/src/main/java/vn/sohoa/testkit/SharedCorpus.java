package vn.sohoa.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (the corpus) from the build, as the README of shared/ asks. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path shared() {
        String configured = System.getProperty("sohoa.shared.dir");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(path.resolve("corpus"))) {
            path = Path.of("..", "..", "shared");
        }
        if (!Files.isDirectory(path.resolve("corpus"))) {
            throw new IllegalStateException("../shared/corpus not found (set -Dsohoa.shared.dir)");
        }
        return path.toAbsolutePath().normalize();
    }

    public static Path corpus(String relative) {
        return shared().resolve("corpus").resolve(relative);
    }
}
