package vn.sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

import com.recognition.software.jdeskew.ImageDeskew;

/**
 * Measures the skew of text lines on a copy at about 150 dpi (300 dpi pages halved, 600 dpi quartered) in two
 * steps. A Hough transform over the dark pixels (Tess4J's ImageDeskew) finds the angle to within its 0.2° steps; a
 * projection profile then sharpens it to 0.01°: the dark pixels are projected across the lines at angles around the
 * first estimate, and the angle whose profile changes most sharply from one row to the next (Postl's criterion) is
 * the one where the lines lie flat. The second step matters on ruled tables, where a few hundredths of a degree
 * decide whether Tesseract (or a later reader of the PDF) keeps a row together. The copy's contrast is stretched
 * first: on a low-contrast scan too few pixels count as dark, and the transform returns noise.
 */
public final class Deskew {

    private static final double GATE_DPI = 100;
    /** Fine enough for hundredths of a degree; at 100 dpi the profile's peak wanders by ±0.05° (corpus scans). */
    private static final double LEVELLING_DPI = 150;
    /** Half the width of the profile's search around the Hough estimate: a little over one Hough step. */
    private static final double REFINE_RANGE = 0.15;
    private static final double COARSE_STEP = 0.05;
    private static final double FINE_STEP = 0.01;

    /**
     * The share of each side left out of the profile: a scanner lid's shadow along the edges and the white corners
     * a turned page leaves lie square to the image, not to the text, and pull the profile towards 0°.
     */
    private static final double INSET = 0.05;

    private final double maxAngle;
    private final double minAngle;

    /**
     * @param maxAngle the largest skew corrected, in degrees; larger measurements are treated as noise
     * @param minAngle skews below this are left alone (rotation resamples the page)
     */
    public Deskew(double maxAngle, double minAngle) {
        this.maxAngle = maxAngle;
        this.minAngle = minAngle;
    }

    /** The clockwise rotation, in degrees, that levels the text lines; 0 when none is needed. */
    public double measure(BufferedImage grey, int dpi) {
        int block = (int) Math.round(dpi / LEVELLING_DPI);
        BufferedImage mask = block >= 2
                ? Images.darkMask(Images.stretchContrast(Images.shrinkGrey(grey, block)))
                : analysisMask(grey, dpi, LEVELLING_DPI);
        double hough = new ImageDeskew(mask).getSkewAngle();
        // the text's tilt (down to the right when positive); turning the other way by the same amount levels it
        double correction = -DarkPixels.of(mask).sharpest(hough);
        if (Math.abs(correction) < minAngle || Math.abs(correction) > maxAngle) {
            return 0;
        }
        return correction;
    }

    /**
     * The tilt of the text lines, in degrees, to within the Hough transform's 0.2° steps: what the scan-quality gate
     * judges (whether the page is turned further than levelling corrects), on a smaller copy than levelling needs.
     */
    public static double tilt(BufferedImage grey, double dpi) {
        return new ImageDeskew(analysisMask(grey, dpi, GATE_DPI)).getSkewAngle();
    }

    private static BufferedImage analysisMask(BufferedImage grey, double dpi, double analysisDpi) {
        double factor = Math.min(1.0, analysisDpi / dpi);
        return Images.darkMask(Images.stretchContrast(factor < 1.0 ? Images.downscaleGrey(grey, factor) : grey));
    }

    /** The dark pixels of a mask, kept as coordinates so that each trial angle costs one pass over them alone. */
    private record DarkPixels(int[] xs, int[] ys, int count, int width, int height) {

        static DarkPixels of(BufferedImage mask) {
            int width = mask.getWidth();
            int height = mask.getHeight();
            byte[] bits = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
            int stride = (width + 7) / 8;
            int[] xs = new int[1024];
            int[] ys = new int[1024];
            int count = 0;
            int insetX = (int) (width * INSET);
            int insetY = (int) (height * INSET);
            for (int y = insetY; y < height - insetY; y++) {
                int offset = y * stride;
                for (int x = insetX; x < width - insetX; x++) {
                    int eight = bits[offset + (x >> 3)];
                    if (eight == -1 && (x & 7) == 0) {
                        // eight white pixels, as most of a page is
                        x += 7;
                        continue;
                    }
                    // palette index 0 (bit clear) is a dark pixel in Images.darkMask
                    if ((eight & (0x80 >>> (x & 7))) == 0) {
                        if (count == xs.length) {
                            xs = Arrays.copyOf(xs, count * 2);
                            ys = Arrays.copyOf(ys, count * 2);
                        }
                        xs[count] = x;
                        ys[count] = y;
                        count++;
                    }
                }
            }
            return new DarkPixels(xs, ys, count, width, height);
        }

        /** The angle near {@code estimate} whose profile is sharpest: a sweep, then a finer one around its best. */
        double sharpest(double estimate) {
            if (count == 0) {
                return estimate;
            }
            double coarse = best(estimate - REFINE_RANGE, estimate + REFINE_RANGE, COARSE_STEP);
            return best(coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP);
        }

        private double best(double from, double to, double step) {
            int steps = (int) Math.round((to - from) / step);
            double bestAngle = from;
            double bestScore = -1;
            for (int i = 0; i <= steps; i++) {
                double angle = from + i * step;
                double score = sharpness(angle);
                if (score > bestScore) {
                    bestScore = score;
                    bestAngle = angle;
                }
            }
            return bestAngle;
        }

        /** Σ (row − previous row)² over the profile of the dark pixels projected along lines at {@code angle}. */
        private double sharpness(double angle) {
            double radians = Math.toRadians(angle);
            double cos = Math.cos(radians);
            double sin = Math.sin(radians);
            // d = y·cos − x·sin, as ImageDeskew writes its lines; the offset keeps every row index positive
            double offset = width * Math.abs(sin) + 1;
            double[] rows = new double[(int) Math.ceil(height * cos + 2 * offset) + 3];
            for (int i = 0; i < count; i++) {
                double position = ys[i] * cos - xs[i] * sin + offset;
                // each pixel shared between its two nearest rows: whole-row binning makes the score jump between
                // neighbouring angles as pixel rows fall on one side of a bin edge or the other
                int row = (int) position;
                double share = position - row;
                rows[row] += 1 - share;
                rows[row + 1] += share;
            }
            double score = 0;
            for (int r = 1; r < rows.length; r++) {
                double change = rows[r] - rows[r - 1];
                score += change * change;
            }
            return score;
        }
    }
}
