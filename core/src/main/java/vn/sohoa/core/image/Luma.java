package vn.sohoa.core.image;

/**
 * Rec. 601 luma in whole grey levels: the one grey that the scan-quality gate, the ink map and the page encoder see
 * of a colour pixel, so that their measures agree.
 */
public final class Luma {

    private Luma() {
    }

    /** The grey level (0–255) of 8-bit red, green and blue. */
    public static int of(int red, int green, int blue) {
        return (red * 299 + green * 587 + blue * 114) / 1000;
    }

    /** The grey level of a packed {@code 0xRRGGBB} colour (any alpha ignored). */
    public static int ofRgb(int rgb) {
        return of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
