package vn.sohoa.ocr.engine;

/** An axis-aligned box in image pixels, origin top-left, right and bottom exclusive. */
public record PixelBox(int left, int top, int right, int bottom) {

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }

    /** Taller than twice its width: a line of text that stands on end, as on a page fed sideways. */
    public boolean standsOnEnd() {
        return height() > 2L * width();
    }
}
