package vn.sohoa.ocr.quality;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * An 8-bit grey copy of a page at a coarser resolution (each pixel the mean of a k×k block), on which the gate
 * measures: a 300 dpi A4 page becomes 1240×1754 pixels, a few million operations per measure.
 */
final class GreyCopy {

    final int width;
    final int height;
    final double dpi;
    /** Grey levels, row by row, 0 black to 255 white. */
    final int[] pixels;

    private GreyCopy(int width, int height, double dpi, int[] pixels) {
        this.width = width;
        this.height = height;
        this.dpi = dpi;
        this.pixels = pixels;
    }

    static GreyCopy of(BufferedImage image, int dpi, int factor) {
        int width = image.getWidth() / factor;
        int height = image.getHeight() / factor;
        if (width < 8 || height < 8) {
            throw new IllegalArgumentException("page too small to judge: " + image.getWidth() + "×" + image.getHeight());
        }
        int[] sums = new int[width * height];
        int[] row = new int[image.getWidth()];
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        Raster raster = image.getRaster();
        for (int y = 0; y < height * factor; y++) {
            if (grey) {
                raster.getSamples(0, y, row.length, 1, 0, row);
            } else {
                image.getRGB(0, y, row.length, 1, row, 0, row.length);
                for (int x = 0; x < row.length; x++) {
                    int rgb = row[x];
                    // Rec. 601 luma, as the grey the OCR sees
                    row[x] = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                }
            }
            int offset = (y / factor) * width;
            for (int x = 0; x < width * factor; x++) {
                sums[offset + x / factor] += row[x];
            }
        }
        int area = factor * factor;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= area;
        }
        return new GreyCopy(width, height, (double) dpi / factor, sums);
    }

    int at(int x, int y) {
        return pixels[y * width + x];
    }

    int[] histogram() {
        int[] histogram = new int[256];
        for (int value : pixels) {
            histogram[value]++;
        }
        return histogram;
    }

    int pixelsPerMm(double mm) {
        return Math.max(1, (int) Math.round(mm * dpi / 25.4));
    }

    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSamples(0, 0, width, height, 0, pixels);
        return image;
    }
}
