package vn.sohoa.app.document;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.error.BusyException;

/**
 * Lets {@code concurrentUploads} uploads be read, checked and stored at once; the others wait their turn, up to
 * {@code uploadWait}. Each upload in progress holds its files in the heap (and the embedded object store copies them
 * too), so without a gate fifty clerks sending 8 MB at once exhausted a 1 GB heap; with it, the heap an upload burst
 * needs is bounded by the gate, not by the number of clerks.
 */
@Component
public class UploadGate {

    /** Work done while holding a turn. */
    @FunctionalInterface
    public interface Work<T> {
        T run();
    }

    private final Semaphore turns;
    private final long waitMillis;

    UploadGate(SohoaProperties properties) {
        this.turns = new Semaphore(Math.max(1, properties.ingest().concurrentUploads()), true);
        this.waitMillis = properties.ingest().uploadWait().toMillis();
    }

    public <T> T run(Work<T> work) {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new BusyException("too many uploads at once; nothing was stored, send it again",
                        "quá nhiều tệp đang được tải lên cùng lúc; chưa lưu gì, vui lòng gửi lại", 30);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting to upload", "bị gián đoạn khi chờ tải lên", 30);
        }
        try {
            return work.run();
        } finally {
            turns.release();
        }
    }
}
