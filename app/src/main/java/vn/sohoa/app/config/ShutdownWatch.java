package vn.sohoa.app.config;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Lets a long job meet a node's shutdown: when the node is stopping, the job goes on only if what is left can finish
 * within the grace period (judged from its own pace so far); otherwise it gives its work back
 * ({@link ReleasedAtShutdownException}) so another node takes it at once, instead of being cut off and found dead
 * only after the missed heartbeats.
 */
public final class ShutdownWatch {

    /** A job that never meets a shutdown (tools, tests). */
    public static final ShutdownWatch NEVER = new ShutdownWatch(() -> false, Duration.ZERO);

    /** Thrown by a job that gave its work back because the node is stopping. */
    public static final class ReleasedAtShutdownException extends RuntimeException {
        public ReleasedAtShutdownException(String message) {
            super(message);
        }
    }

    private final BooleanSupplier stopping;
    private final Duration grace;
    private final long startedNanos = System.nanoTime();
    private long stopNoticedNanos = -1;

    public ShutdownWatch(BooleanSupplier stopping, Duration grace) {
        this.stopping = stopping;
        this.grace = grace;
    }

    /**
     * Called after {@code done} of {@code total} steps.
     *
     * @throws ReleasedAtShutdownException when the node is stopping and the remaining steps, at the pace so far and
     *                                     with a fifth more for what follows them, would outlast the grace period
     */
    public void check(int done, int total) {
        if (!stopping.getAsBoolean()) {
            return;
        }
        long now = System.nanoTime();
        if (stopNoticedNanos < 0) {
            stopNoticedNanos = now;
        }
        long elapsed = now - startedNanos;
        double perStep = done == 0 ? elapsed : (double) elapsed / done;
        long needed = (long) (perStep * (total - done) * 1.2);
        long left = stopNoticedNanos + grace.toNanos() - now;
        if (needed > left) {
            throw new ReleasedAtShutdownException("the node is stopping: " + (total - done) + " of " + total
                    + " steps left need about " + Duration.ofNanos(needed).toSeconds() + " s, the grace period has "
                    + Math.max(0, Duration.ofNanos(left).toSeconds()) + " s");
        }
    }
}
