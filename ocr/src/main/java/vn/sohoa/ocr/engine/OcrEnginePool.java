package vn.sohoa.ocr.engine;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed set of worker threads, each owning one OCR engine for its whole life. The pool, not the engine, decides
 * how many pages run at once; Tesseract's own threading is switched off (OMP_THREAD_LIMIT=1, see OpenMp). Pages are
 * taken in the order they came, except that a page someone is waiting for at the desk ({@link Urgency#AHEAD}) goes
 * before the pages already waiting.
 */
public final class OcrEnginePool implements AutoCloseable {

    /** When a task is taken, relative to the tasks already waiting. */
    public enum Urgency {
        /** After the tasks already waiting: the digitize jobs. */
        IN_TURN,
        /** Before every task waiting in turn: a clerk at the desk waits for it. */
        AHEAD
    }

    /** A task with its urgency and arrival, so that the queue orders by urgency, then by arrival. */
    private static final class QueuedTask<T> extends FutureTask<T> implements Comparable<QueuedTask<?>> {
        private final Urgency urgency;
        private final long arrival;

        QueuedTask(Callable<T> task, Urgency urgency, long arrival) {
            super(task);
            this.urgency = urgency;
            this.arrival = arrival;
        }

        @Override
        public int compareTo(QueuedTask<?> other) {
            int byUrgency = Integer.compare(other.urgency.ordinal(), urgency.ordinal());
            return byUrgency != 0 ? byUrgency : Long.compare(arrival, other.arrival);
        }
    }

    private final ThreadPoolExecutor workers;
    private final AtomicLong arrivals = new AtomicLong();
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
        this.workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                threads);
        this.engines = ThreadLocal.withInitial(() -> {
            OcrEngine engine = engineFactory.get();
            created.add(engine);
            return engine;
        });
    }

    /** Runs a task on a worker with that worker's engine, after the tasks already waiting. */
    public <T> Future<T> submit(Function<OcrEngine, T> task) {
        return submit(task, Urgency.IN_TURN);
    }

    /** Runs a task on a worker with that worker's engine, taken as {@code urgency} says. */
    public <T> Future<T> submit(Function<OcrEngine, T> task, Urgency urgency) {
        QueuedTask<T> queued = new QueuedTask<>(() -> task.apply(engines.get()), urgency,
                arrivals.getAndIncrement());
        workers.execute(queued);
        return queued;
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
