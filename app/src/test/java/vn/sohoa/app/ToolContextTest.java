package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tools' application context makes its beans on demand (a scrub or an audit check starts without the
 * OCR engines, the keys or the web views), but the deployment guard is still made first: a tool, like the service,
 * refuses development settings outside development mode, and says so in one line with a non-zero exit.
 */
class ToolContextTest {

    @TempDir
    Path home;

    @Test
    void aToolRefusesDevelopmentSettingsOutsideDevelopmentModeInOneLine() throws IOException, InterruptedException {
        // a process of its own, as an operator runs it: what it prints is what the operator reads
        ProcessBuilder command = new ProcessBuilder(ServiceNode.javaCommand(List.of(), "scrub", "--sohoa.home=" + home,
                "--spring.datasource.url=jdbc:h2:mem:tool-guard")).redirectErrorStream(true);
        // the tests' environment says SOHOA_PROFILE=dev; production is where the guard refuses
        command.environment().put("SOHOA_PROFILE", "production");
        Process scrub = command.start();
        // read to the end first: a tool that wrote more than the pipe holds would otherwise wait for the reader
        String said = new String(scrub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(scrub.waitFor(2, TimeUnit.MINUTES)).as("the tool exited").isTrue();
        assertThat(scrub.exitValue()).as(said).isEqualTo(1);
        List<String> lines = said.lines().toList();
        assertThat(lines).as(said).singleElement().asString().startsWith("sohoa scrub: ")
                .contains("refuses to start outside development mode").contains("sohoa.signing.keys=");
    }
}
