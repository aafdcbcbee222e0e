package vn.sohoa.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.sohoa.ocr.OcrOptions;

/**
 * Tesseract's OpenMP threads are limited to one in every process that uses the engine, whether or not the
 * environment says so. The build's test JVMs get OMP_THREAD_LIMIT=1 from the build, so the case that matters (a
 * JVM started without it, as {@code java -jar} from a service manager would) runs in a process of its own.
 */
class OpenMpTest {

    /** Entry point of the child process: starts an engine and prints the thread limit OpenMP took. */
    public static void main(String[] args) {
        OcrOptions options = OcrOptions.defaults();
        try (TesseractOcrEngine engine = new TesseractOcrEngine(options.tessdata(), options.languages())) {
            System.out.println("thread-limit=" + OpenMp.threadLimit());
        }
    }

    static String childOutput(String threadLimit) throws IOException, InterruptedException {
        ProcessBuilder child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenMpTest.class.getName()))
                .redirectErrorStream(true);
        child.environment().remove(OpenMp.THREAD_LIMIT);
        if (threadLimit != null) {
            child.environment().put(OpenMp.THREAD_LIMIT, threadLimit);
        }
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aJvmStartedWithoutTheLimitGetsOneThreadPerEngine() throws Exception {
        assertThat(childOutput(null)).contains("thread-limit=1");
    }

    @Test
    void aLimitTheEnvironmentSetsIsKept() throws Exception {
        assertThat(childOutput("3")).contains("thread-limit=3");
    }
}
