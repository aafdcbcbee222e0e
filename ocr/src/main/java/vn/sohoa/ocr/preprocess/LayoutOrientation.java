package vn.sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

import vn.sohoa.ocr.engine.PageLayout;
import vn.sohoa.ocr.engine.PixelBox;

/**
 * Tells from a page's layout, before any text is read, whether the page lies sideways or upside down, so that a
 * turned page is read once, the right way up, instead of once as garbage and once again after turning.
 * <ul>
 * <li>Sideways: most text lines stand taller than wide.</li>
 * <li>Upside down: within a line of Latin script most ink lies in the band between baseline and x-height; what
 * sticks out above (capitals, ascenders and, in Vietnamese, the tone and vowel marks) outweighs what hangs below
 * (descenders). Each line votes by which side of its core band carries clearly more ink, weighted by its width.</li>
 * </ul>
 * The page must be levelled first: on a page skewed by two degrees a line's box takes in the ink of its neighbours.
 * A wrong verdict costs a reading, not the text: the caller checks the reading's confidence and falls back.
 */
public final class LayoutOrientation {

    /** What the layout says of the page. */
    public enum Verdict {
        UPRIGHT, UPSIDE_DOWN, SIDEWAYS
    }

    /** Below this a pixel counts as ink. */
    private static final int INK = 128;
    /** A line votes only when one side of its core band holds this many times the other side's ink. */
    private static final double CLEAR_MAJORITY = 1.5;

    public Verdict of(PageLayout layout, BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("8-bit grey expected, got image type " + grey.getType());
        }
        long vertical = 0;
        long horizontal = 0;
        for (PixelBox line : layout.textLines()) {
            if (line.standsOnEnd()) {
                vertical += line.height();
            } else {
                horizontal += line.width();
            }
        }
        if (vertical > horizontal) {
            return Verdict.SIDEWAYS;
        }
        long upright = 0;
        long upsideDown = 0;
        for (PixelBox line : layout.textLines()) {
            switch (vote(grey, line)) {
                case 1 -> upright += line.width();
                case -1 -> upsideDown += line.width();
                default -> { }
            }
        }
        // a page whose lines mostly abstain (numbers, tables, too little text) is left as it is
        return upsideDown > upright && upsideDown * 4 >= horizontal ? Verdict.UPSIDE_DOWN : Verdict.UPRIGHT;
    }

    /** +1 when the line's extra ink lies above its core band, -1 when below, 0 when neither clearly. */
    private static int vote(BufferedImage grey, PixelBox line) {
        int left = Math.max(0, line.left());
        int right = Math.min(grey.getWidth(), line.right());
        int top = Math.max(0, line.top());
        int bottom = Math.min(grey.getHeight(), line.bottom());
        int height = bottom - top;
        int width = right - left;
        if (height < 8 || width < 3 * height) {
            return 0; // too small to have a core band, or not a line of text
        }
        WritableRaster raster = grey.getRaster();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        byte[] pixels = ((DataBufferByte) raster.getDataBuffer()).getData();
        int stride = model.getScanlineStride();
        int origin = ((DataBufferByte) raster.getDataBuffer()).getOffset()
                + model.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
        int[] inkPerRow = new int[height];
        long ink = 0;
        int peak = 0;
        for (int y = 0; y < height; y++) {
            int offset = origin + (top + y) * stride;
            int count = 0;
            for (int x = left; x < right; x++) {
                if ((pixels[offset + x] & 0xff) < INK) {
                    count++;
                }
            }
            inkPerRow[y] = count;
            ink += count;
            peak = Math.max(peak, count);
        }
        if (ink * 2 > (long) height * width) {
            return 0; // mostly dark: a shadow, a stamp or a photo, not letters
        }
        int coreTop = -1;
        int coreBottom = -1;
        for (int y = 0; y < height; y++) {
            if (inkPerRow[y] * 2 >= peak) {
                if (coreTop < 0) {
                    coreTop = y;
                }
                coreBottom = y;
            }
        }
        long above = 0;
        long below = 0;
        for (int y = 0; y < coreTop; y++) {
            above += inkPerRow[y];
        }
        for (int y = coreBottom + 1; y < height; y++) {
            below += inkPerRow[y];
        }
        if (above > CLEAR_MAJORITY * below + 1) {
            return 1;
        }
        return below > CLEAR_MAJORITY * above + 1 ? -1 : 0;
    }
}
