package vn.sohoa.core.document;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One decoded page of a scan.
 *
 * @param number  1-based page number within the document
 * @param image   the pixels as scanned (not yet rotated or deskewed)
 * @param dpi     resolution in dots per inch, from the file or the configured default when the file has none
 * @param source  which uploaded file and which page in it this came from, for error messages
 * @param text    text the page already carries, placed on {@code image}; null when it has to be recognised
 * @param lossless whether the pixels arrived without lossy compression (PNG, LZW or Deflate TIFF, a rendered page)
 */
public record PageImage(int number, BufferedImage image, int dpi, String source, PageText text, boolean lossless) {

    public PageImage(int number, BufferedImage image, int dpi, String source) {
        this(number, image, dpi, source, null, false);
    }

    public PageImage {
        Objects.requireNonNull(image, "image");
        if (number < 1) {
            throw new IllegalArgumentException("page number must be >= 1: " + number);
        }
        if (dpi < 1) {
            throw new IllegalArgumentException("dpi must be >= 1: " + dpi);
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
