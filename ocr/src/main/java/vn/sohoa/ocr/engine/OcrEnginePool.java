package vn.sohoa.ocr.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed set of worker threads, each owning one OCR engine for its whole life. The pool, not the engine, decides
 * how many pages run at once; Tesseract's own threading is switched off (OMP_THREAD_LIMIT=1, see OpenMp).
 */
public final class OcrEnginePool implements AutoCloseable {

    private final ExecutorService workers;
    private final ThreadLocal<OcrEngine> engines;
    private final List<OcrEngine> created = new CopyOnWriteArrayList<>();
    private final int size;

    public OcrEnginePool(int size, Supplier<OcrEngine> engineFactory) {
        this.size = size;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "ocr-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(size, threads);
        this.engines = ThreadLocal.withInitial(() -> {
            OcrEngine engine = engineFactory.get();
            created.add(engine);
            return engine;
        });
    }

    /** Runs a task on a worker with that worker's engine. */
    public <T> Future<T> submit(Function<OcrEngine, T> task) {
        return workers.submit(() -> task.apply(engines.get()));
    }

    public int size() {
        return size;
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // Native handles are released only once no worker can use them any more.
        created.forEach(OcrEngine::close);
    }
}
