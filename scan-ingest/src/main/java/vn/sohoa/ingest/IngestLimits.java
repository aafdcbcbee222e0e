package vn.sohoa.ingest;

/**
 * Bounds on what one upload may cost. Checked before pixels are decoded, so that a small hostile file cannot claim
 * gigabytes of memory.
 *
 * @param maxFileBytes   largest accepted file
 * @param maxPages       most pages in one document (all files together)
 * @param maxPagePixels  most pixels in one page (width × height)
 * @param defaultDpi     resolution assumed when a file does not say
 */
public record IngestLimits(long maxFileBytes, int maxPages, long maxPagePixels, int defaultDpi) {

    public static final IngestLimits DEFAULTS = new IngestLimits(64L * 1024 * 1024, 300, 80_000_000L, 300);

    public IngestLimits {
        if (maxFileBytes < 1 || maxPages < 1 || maxPagePixels < 1 || defaultDpi < 50 || defaultDpi > 2400) {
            throw new IllegalArgumentException("ingest limits must be positive and defaultDpi within 50..2400");
        }
    }
}
