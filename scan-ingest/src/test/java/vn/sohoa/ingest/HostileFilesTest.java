package vn.sohoa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vn.sohoa.ingest.ScanRejectedException.Reason;
import vn.sohoa.testkit.HostileFiles;
import vn.sohoa.testkit.HostileFiles.Hostile;

/**
 * Every file of {@link HostileFiles} is refused with its reason when it is taken in — file name, type sniffing,
 * size, structure, pixel and page budgets, active PDF content — before any pixel is decoded, quickly, and never with
 * any other exception.
 */
class HostileFilesTest {

    private static final IngestLimits LIMITS = IngestLimits.DEFAULTS;

    @TestFactory
    List<DynamicTest> everyHostileFileIsRefusedWithItsReason() throws IOException {
        List<Hostile> corpus = HostileFiles.corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        List<DynamicTest> tests = new ArrayList<>();
        for (Hostile hostile : corpus) {
            tests.add(DynamicTest.dynamicTest(hostile.what(), () -> {
                long started = System.nanoTime();
                try {
                    ScanFile.requirePlainName(hostile.name());
                    ScanFile file = ScanFile.accept(hostile.name(), hostile.content(), hostile.expected()
                            .equals(Reason.TOO_LARGE.name()) ? new IngestLimits(1000, 300, 80_000_000L, 300) : LIMITS);
                    new ScanDecoder(LIMITS).open(List.of(file));
                    fail(hostile.what() + " was accepted");
                } catch (ScanRejectedException e) {
                    assertThat(e.reason()).as(hostile.what() + ": " + e.getMessage()).isEqualTo(Reason.valueOf(hostile.expected()));
                    assertThat(e.field()).isEqualTo("files");
                }
                assertThat((System.nanoTime() - started) / 1_000_000).as("refused quickly (ms)").isLessThan(5_000);
            }));
        }
        return tests;
    }

}
