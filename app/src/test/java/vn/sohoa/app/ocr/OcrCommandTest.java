package vn.sohoa.app.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/** {@code sohoa ocr}: a scan to a PDF/A that veraPDF accepts, with real Tesseract; bad input in one line. */
class OcrCommandTest {

    @Test
    void commandLineWritesAPdfAAndReportsBadInputInOneLine(@TempDir Path directory) throws IOException {
        Path output = directory.resolve("out.pdf");
        int exit = OcrCommand.run(List.of(SharedCorpus.corpus("clean/a06.png").toString(), "-o", output.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(OcrCommand.OK);
        assertThat(VeraPdfJudge.pdfA2bFailures(Files.readAllBytes(output))).isEmpty();

        Path notAScan = Files.writeString(directory.resolve("notes.txt"), "hello");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path output2 = directory.resolve("out2.pdf");
        int exit2 = OcrCommand.run(List.of(notAScan.toString(), "-o", output2.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit2).isEqualTo(OcrCommand.INPUT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).contains("notes.txt")
                .contains("not a PNG, JPEG, TIFF or PDF").doesNotContain("\n");
        assertThat(output2).doesNotExist();
    }
}
