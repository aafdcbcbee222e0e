package vn.sohoa.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.error.BusyException;
import vn.sohoa.ingest.TextPages;

/** The upload gate lets its number of uploads through at once; the next waits, then is told to come back. */
class UploadGateTest {

    static UploadGate gate(int turns, Duration wait) {
        return new UploadGate(new SohoaProperties(Path.of("."), null, null,
                new SohoaProperties.Ingest(DataSize.ofMegabytes(64), 20, 300, 80_000_000L, 300, TextPages.KEEP_TEXT,
                        turns, wait, DataSize.ofMegabytes(256), Duration.ofMinutes(5)), null, null, null, null, null));
    }

    @Test
    void aSecondUploadWaitsForTheFirstAndGivesUpAfterItsWait() throws Exception {
        UploadGate gate = gate(1, Duration.ofMillis(300));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            holding.await();
            assertThatThrownBy(() -> gate.run(() -> "second")).isInstanceOf(BusyException.class)
                    .hasMessageContaining("too many uploads");
            release.countDown();
            assertThat(first.get()).isEqualTo("first");
            assertThat(gate.run(() -> "third")).as("the turn is given back").isEqualTo("third");
        } finally {
            pool.shutdownNow();
        }
    }
}
