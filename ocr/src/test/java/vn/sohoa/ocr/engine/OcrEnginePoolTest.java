package vn.sohoa.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.sohoa.ocr.OcrOptions;

class OcrEnginePoolTest {

    @Test
    void aPageSomeoneWaitsForGoesBeforeThePagesWaitingInTurnWhichKeepTheirOrder() throws Exception {
        OcrOptions options = OcrOptions.defaults();
        try (OcrEnginePool pool = new OcrEnginePool(1,
                () -> new TesseractOcrEngine(options.tessdata(), options.languages()))) {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> taken = Collections.synchronizedList(new ArrayList<>());
            // the one worker busy with a job's page, its engine (a real Tesseract) made for it
            Future<?> first = pool.submit(engine -> {
                busy.countDown();
                await(release);
                return engine;
            });
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> queued = new ArrayList<>();
            for (String name : List.of("job page 1", "job page 2", "job page 3")) {
                queued.add(pool.submit(engine -> taken.add(name)));
            }
            queued.add(pool.submit(engine -> taken.add("preview"), OcrEnginePool.Urgency.AHEAD));
            queued.add(pool.submit(engine -> taken.add("job page 4")));
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(TesseractOcrEngine.class);
            for (Future<?> future : queued) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(taken).containsExactly("preview", "job page 1", "job page 2", "job page 3", "job page 4");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
