package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tools' application context makes its beans on demand (a scrub or an audit check starts without the
 * OCR engines, the keys or the web views), but the deployment guard is still made first: a tool, like the service,
 * refuses development settings outside development mode.
 */
class ToolContextTest {

    @TempDir
    Path home;

    @Test
    void aToolRefusesDevelopmentSettingsOutsideDevelopmentMode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the tests' environment says SOHOA_PROFILE=dev; an argument outranks it, as it would for an operator
        int exit = SohoaApplication.runTool(new String[]{"scrub", "--sohoa.profile=production",
                        "--sohoa.home=" + home, "--spring.datasource.url=jdbc:h2:mem:tool-guard"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("sohoa scrub: ")
                .contains("refuses to start outside development mode").contains("sohoa.signing.keys=");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
