package vn.sohoa.ocr.quality;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.IndexColorModel;
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
        int[] bilevelLevels = bilevelLevels(image);
        Raster raster = image.getRaster();
        for (int y = 0; y < height * factor; y++) {
            if (grey) {
                raster.getSamples(0, y, row.length, 1, 0, row);
            } else if (bilevelLevels != null) {
                // a black-and-white scan (G4): one bit a pixel, mapped through its two-colour palette; getRGB would
                // cost a colour conversion per pixel, most of the gate's time on such a page
                unpackBits(raster, y, bilevelLevels, row);
            } else {
                image.getRGB(0, y, row.length, 1, row, 0, row.length);
                for (int x = 0; x < row.length; x++) {
                    int rgb = row[x];
                    // Rec. 601 luma, as the grey the OCR sees
                    row[x] = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                }
            }
            int offset = (y / factor) * width;
            if (factor == 1) {
                System.arraycopy(row, 0, sums, offset, width);
                continue;
            }
            for (int cell = 0, x = 0; cell < width; cell++) {
                int sum = 0;
                for (int end = x + factor; x < end; x++) {
                    sum += row[x];
                }
                sums[offset + cell] += sum;
            }
        }
        int area = factor * factor;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= area;
        }
        return new GreyCopy(width, height, (double) dpi / factor, sums);
    }

    /** Row {@code y} of a 1-bit image as grey levels, read from the packed bytes (bits from the most significant). */
    private static void unpackBits(Raster raster, int y, int[] levels, int[] row) {
        if (!(raster.getSampleModel() instanceof MultiPixelPackedSampleModel packed)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = levels[row[x]];
            }
            return;
        }
        byte[] data = buffer.getData();
        int left = -raster.getSampleModelTranslateX();
        int start = buffer.getOffset() + packed.getOffset(left, y - raster.getSampleModelTranslateY());
        int bitOffset = packed.getBitOffset(left);
        for (int x = 0; x < row.length; x++) {
            int bit = bitOffset + x;
            row[x] = levels[(data[start + (bit >> 3)] >> (7 - (bit & 7))) & 1];
        }
    }

    /** The grey level of each of a bilevel image's two palette entries, or null for other images. */
    private static int[] bilevelLevels(BufferedImage image) {
        if (image.getColorModel().getPixelSize() != 1 || !(image.getColorModel() instanceof IndexColorModel palette)
                || palette.getMapSize() != 2) {
            return null;
        }
        int[] levels = new int[2];
        for (int i = 0; i < 2; i++) {
            levels[i] = (palette.getRed(i) * 299 + palette.getGreen(i) * 587 + palette.getBlue(i) * 114) / 1000;
        }
        return levels;
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
