package vn.sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;

import com.recognition.software.jdeskew.ImageDeskew;

/**
 * Measures the skew of text lines (Hough transform over dark pixels, Tess4J's ImageDeskew) on a copy at about
 * 100 dpi, where one pixel is still finer than the 0.2° steps it resolves on an A4 line. The copy's contrast is
 * stretched first: on a low-contrast scan too few pixels count as dark, and the transform returns noise.
 */
public final class Deskew {

    private static final double ANALYSIS_DPI = 100;

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
        // the text's counter-clockwise tilt; turning clockwise by the same amount levels it
        double correction = -tilt(grey, dpi);
        if (Math.abs(correction) < minAngle || Math.abs(correction) > maxAngle) {
            return 0;
        }
        return correction;
    }

    /** The counter-clockwise tilt of the text lines, in degrees, as measured: what the scan-quality gate judges. */
    public static double tilt(BufferedImage grey, double dpi) {
        double factor = Math.min(1.0, ANALYSIS_DPI / dpi);
        BufferedImage small = Images.stretchContrast(factor < 1.0 ? Images.downscaleGrey(grey, factor) : grey);
        return new ImageDeskew(Images.darkMask(small)).getSkewAngle();
    }
}
