package vn.sohoa.ingest;

import java.awt.image.DataBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import vn.sohoa.core.document.PageImage;

/**
 * The pages the scan-quality gate decoded when an upload arrived, kept a short while for the digitize job that reads
 * the same upload next, so that a page is decoded once rather than twice (a 300 dpi page takes about 40 ms to decode).
 * Bounded in bytes of pixels and in age, oldest dropped first; a page is given out once. A job that runs on another
 * node, or after the page was dropped, simply decodes it again: the cache only saves work.
 */
public final class DecodedPageCache {

    private record Key(String upload, int file, int pageInFile) {
    }

    private record Kept(PageImage page, long bytes, Instant keptAt) {
    }

    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    /** In the order kept: the first entry is the oldest. */
    private final Map<Key, Kept> pages = new LinkedHashMap<>();
    private long bytes;
    private long reused;

    /**
     * @param maxBytes pixel bytes kept at most (0: keep nothing)
     * @param maxAge   how long a page waits for its job before it is dropped
     */
    public DecodedPageCache(long maxBytes, Duration maxAge, Clock clock) {
        if (maxBytes < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxBytes and maxAge must not be negative");
        }
        this.maxBytes = maxBytes;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Keeps page {@code pageInFile} of file {@code file} of the upload known as {@code upload} (a document's id), as
     * decoded; a page larger than the whole budget is not kept.
     */
    public synchronized void keep(String upload, int file, int pageInFile, PageImage page) {
        long size = bytesOf(page);
        if (size > maxBytes) {
            return;
        }
        Kept replaced = pages.remove(new Key(upload, file, pageInFile));
        if (replaced != null) {
            bytes -= replaced.bytes();
        }
        pages.put(new Key(upload, file, pageInFile), new Kept(page, size, clock.instant()));
        bytes += size;
        dropOld();
    }

    /** What the upload's job may take: its pages still kept, each once. */
    public DecodedPages of(String upload) {
        return (file, pageInFile) -> take(new Key(upload, file, pageInFile));
    }

    /** Drops the upload's pages (the upload was refused or failed after its pages were judged). */
    public synchronized void forget(String upload) {
        for (Iterator<Map.Entry<Key, Kept>> it = pages.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Kept> entry = it.next();
            if (entry.getKey().upload().equals(upload)) {
                bytes -= entry.getValue().bytes();
                it.remove();
            }
        }
    }

    /** Pages given to a job so far: each one a decode saved. */
    public synchronized long reused() {
        return reused;
    }

    /** Pixel bytes kept now. */
    public synchronized long bytes() {
        return bytes;
    }

    private synchronized PageImage take(Key key) {
        dropOld();
        Kept kept = pages.remove(key);
        if (kept == null) {
            return null;
        }
        bytes -= kept.bytes();
        reused++;
        return kept.page();
    }

    /** Drops pages older than the age limit, then the oldest until the rest fit the budget. */
    private void dropOld() {
        Instant oldest = clock.instant().minus(maxAge);
        for (Iterator<Kept> it = pages.values().iterator(); it.hasNext(); ) {
            Kept kept = it.next();
            if (bytes <= maxBytes && !kept.keptAt().isBefore(oldest)) {
                break; // kept in order: every later page is younger
            }
            bytes -= kept.bytes();
            it.remove();
        }
    }

    /** The bytes a page's pixels occupy. */
    static long bytesOf(PageImage page) {
        DataBuffer buffer = page.image().getRaster().getDataBuffer();
        return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
    }
}
