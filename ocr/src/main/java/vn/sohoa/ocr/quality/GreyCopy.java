package vn.sohoa.ocr.quality;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import vn.sohoa.core.image.Luma;

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
        RowReader rows = rowReader(image);
        for (int y = 0; y < height * factor; y++) {
            rows.read(y, row);
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

    /** Reads row {@code y} of the page as grey levels into {@code row}. */
    @FunctionalInterface
    private interface RowReader {
        void read(int y, int[] row);
    }

    /**
     * The fastest exact way to read the page's rows as grey: the bytes themselves for 8-bit grey and 3-byte colour
     * (most scans), the packed bits for bilevel; {@code getRGB} otherwise, which converts colour per pixel and cost
     * most of the gate's time on a colour or grey page.
     */
    private static RowReader rowReader(BufferedImage image) {
        Raster raster = image.getRaster();
        int[] bilevelLevels = bilevelLevels(image);
        if (bilevelLevels != null) {
            return (y, row) -> unpackBits(raster, y, bilevelLevels, row);
        }
        int type = image.getType();
        if ((type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR)
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel samples
                && raster.getDataBuffer() instanceof DataBufferByte buffer) {
            byte[] data = buffer.getData();
            int pixelStride = samples.getPixelStride();
            // where the raster's first pixel of row 0 is in the buffer (a sub-image starts inside its parent's)
            int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * samples.getScanlineStride()
                    - raster.getSampleModelTranslateX() * pixelStride;
            int scanline = samples.getScanlineStride();
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                return (y, row) -> {
                    int at = origin + y * scanline + samples.getBandOffsets()[0];
                    for (int x = 0; x < row.length; x++, at += pixelStride) {
                        row[x] = data[at] & 0xFF;
                    }
                };
            }
            int[] bands = samples.getBandOffsets(); // red, green, blue: 2, 1, 0 in a BGR image
            return (y, row) -> {
                int at = origin + y * scanline;
                for (int x = 0; x < row.length; x++, at += pixelStride) {
                    row[x] = Luma.of(data[at + bands[0]] & 0xFF, data[at + bands[1]] & 0xFF,
                            data[at + bands[2]] & 0xFF);
                }
            };
        }
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            return (y, row) -> raster.getSamples(0, y, row.length, 1, 0, row);
        }
        return (y, row) -> {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                row[x] = Luma.ofRgb(row[x]);
            }
        };
    }

    /**
     * Row {@code y} of a 1-bit image as grey levels, read from the packed bytes (bits from the most significant);
     * getRGB would cost a colour conversion per pixel, most of the gate's time on such a page.
     */
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
            levels[i] = Luma.ofRgb(palette.getRGB(i));
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
