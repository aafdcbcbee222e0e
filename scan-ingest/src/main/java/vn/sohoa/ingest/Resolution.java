package vn.sohoa.ingest;

import java.util.OptionalInt;

/**
 * The resolution of a page: what the file says when that is plausible, otherwise estimated from the pixel size on
 * the assumption that the page is a common paper size. Scanners often write no resolution, or 72 dpi from a default;
 * Tesseract's accuracy depends on knowing it, and the PDF page size is derived from it.
 */
final class Resolution {

    /** Long and short side in inches of the papers one-stop desks receive: A4, Letter, Legal, A5, A3. */
    private static final double[][] PAPERS = {{11.69, 8.27}, {11.0, 8.5}, {14.0, 8.5}, {8.27, 5.83}, {16.54, 11.69}};
    /** A page the declared resolution makes longer or shorter than this (inches) is not a paper: the value is wrong. */
    private static final double MAX_PAGE_INCHES = 20;
    private static final double MIN_PAGE_INCHES = 3;
    private static final int[] COMMON_DPI = {150, 200, 240, 300, 400, 600};

    private Resolution() {
    }

    static int of(OptionalInt declared, int width, int height, int fallback) {
        double longSide = Math.max(width, height);
        if (declared.isPresent()) {
            double inches = longSide / declared.getAsInt();
            if (inches >= MIN_PAGE_INCHES && inches <= MAX_PAGE_INCHES) {
                return declared.getAsInt();
            }
        }
        return estimate(width, height).orElse(fallback);
    }

    /** The resolution that makes the image the paper size whose shape it has, snapped to a common scanner value. */
    static OptionalInt estimate(int width, int height) {
        double longSide = Math.max(width, height);
        double shortSide = Math.min(width, height);
        if (shortSide <= 0) {
            return OptionalInt.empty();
        }
        double aspect = longSide / shortSide;
        double[] best = null;
        for (double[] paper : PAPERS) {
            if (best == null || Math.abs(paper[0] / paper[1] - aspect) < Math.abs(best[0] / best[1] - aspect)) {
                best = paper;
            }
        }
        if (Math.abs(best[0] / best[1] - aspect) > 0.08) {
            return OptionalInt.empty(); // not the shape of a paper (a crop, a receipt): no guess
        }
        int dpi = (int) Math.round(longSide / best[0]);
        for (int common : COMMON_DPI) {
            if (Math.abs(dpi - common) <= common * 0.05) {
                return OptionalInt.of(common);
            }
        }
        return dpi >= 50 && dpi <= 2400 ? OptionalInt.of(dpi) : OptionalInt.empty();
    }
}
