package vn.sohoa.ocr.preprocess;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/** Pixel operations shared by the preprocessing steps. Every method returns a new image. */
public final class Images {

    private Images() {
    }

    /** True when the image has colour worth keeping in the PDF (not grey, not bilevel). */
    public static boolean isColour(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() >= 3;
    }

    public static boolean isBilevel(BufferedImage image) {
        return image.getColorModel().getPixelSize() == 1;
    }

    /**
     * An opaque copy in 8-bit grey or 8-bit colour; alpha is flattened onto white paper. Colour is kept in three bytes
     * a pixel, as ImageIO decodes colour JPEGs and PNGs: such a scan is not converted at all, its grey copy is made
     * on the bytes, and the JPEG encoder reads it faster than packed integers (51 against 75 ms a 300 dpi page, the
     * same JPEG).
     */
    public static BufferedImage toOpaque(BufferedImage source, boolean colour) {
        int type = colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY;
        if (source.getType() == type) {
            return source;
        }
        if (!colour && plainColour(source)) {
            return greyOfColour(source);
        }
        if (!colour && plainBilevel(source)) {
            return greyOfBilevel(source);
        }
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, source.getWidth(), source.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    public static BufferedImage toGrey(BufferedImage source) {
        return toOpaque(source, false);
    }

    /**
     * Grey levels of a three-byte colour image by Java2D's own rule for drawing colour into 8-bit grey, on the byte
     * arrays: the same pixels as drawing it (ImagesTest) in under half the time (27 against 11 ms a 300 dpi page,
     * with the conversion to packed integers it replaces).
     */
    private static BufferedImage greyOfColour(BufferedImage colour) {
        int pixels = colour.getWidth() * colour.getHeight();
        byte[] bgr = ((DataBufferByte) colour.getRaster().getDataBuffer()).getData();
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] levels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            levels[i] = (byte) drawnGrey(bgr[j + 2] & 0xFF, bgr[j + 1] & 0xFF, bgr[j] & 0xFF);
        }
        return grey;
    }

    /** The grey level Java2D draws for a colour into an 8-bit grey image: (77 R + 150 G + 29 B + 128) / 256. */
    private static int drawnGrey(int red, int green, int blue) {
        return (77 * red + 150 * green + 29 * blue + 128) >> 8;
    }

    /**
     * Grey levels of a one-bit page (a G4 or bilevel scan), each bit its palette entry's grey by Java2D's rule: the
     * same pixels as drawing it (ImagesTest) without Java2D's per-pixel palette lookup.
     */
    private static BufferedImage greyOfBilevel(BufferedImage bilevel) {
        IndexColorModel palette = (IndexColorModel) bilevel.getColorModel();
        byte[] levels = new byte[2];
        for (int i = 0; i < 2; i++) {
            int rgb = palette.getRGB(i);
            levels[i] = (byte) drawnGrey((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }
        int width = bilevel.getWidth();
        int height = bilevel.getHeight();
        int stride = (width + 7) / 8;
        DataBufferByte buffer = (DataBufferByte) bilevel.getRaster().getDataBuffer();
        byte[] bits = buffer.getData();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int from = buffer.getOffset() + y * stride;
            int to = y * width;
            for (int x = 0; x < width; x++) {
                out[to + x] = levels[(bits[from + (x >> 3)] >> (7 - (x & 7))) & 1];
            }
        }
        return grey;
    }

    /** {@link #packedBilevel} with an opaque palette: a transparent entry is drawn as white paper by Java2D. */
    private static boolean plainBilevel(BufferedImage image) {
        return packedBilevel(image) && image.getColorModel().getTransparency() == Transparency.OPAQUE;
    }

    /**
     * A one-bit image with a two-colour palette whose rows lie in its byte buffer as a CCITT encoder wants them: packed
     * from the most significant bit, each row starting on a byte, from the buffer's offset on (no sub-image).
     */
    public static boolean packedBilevel(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getColorModel() instanceof IndexColorModel palette && palette.getMapSize() == 2
                && raster.getSampleModel() instanceof MultiPixelPackedSampleModel packed
                && packed.getPixelBitStride() == 1 && packed.getScanlineStride() == (image.getWidth() + 7) / 8
                && packed.getDataBitOffset() == 0 && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer() instanceof DataBufferByte;
    }

    /** Rotates about the centre by a small angle (clockwise positive), keeping the frame and filling with white. */
    public static BufferedImage rotateSmall(BufferedImage source, double clockwiseDegrees) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY && plainGrey(source)) {
            return rotateGrey(source, clockwiseDegrees);
        }
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), source.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, source.getWidth(), source.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(clockwiseDegrees), source.getWidth() / 2.0, source.getHeight() / 2.0);
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** A grey image whose pixels are one byte each, row after row, with nothing before or between: the fast path. */
    private static boolean plainGrey(BufferedImage image) {
        return plainBytes(image, 1);
    }

    /** A colour image of three bytes a pixel (blue, green, red), row after row, nothing before or between. */
    private static boolean plainColour(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR && plainBytes(image, 3);
    }

    private static boolean plainBytes(BufferedImage image, int bytesPerPixel) {
        return image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == bytesPerPixel
                && model.getScanlineStride() == image.getWidth() * bytesPerPixel
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && ((DataBufferByte) image.getRaster().getDataBuffer()).getOffset() == 0;
    }

    /**
     * {@link #rotateSmall} for 8-bit grey, bilinear in fixed point straight on the pixel arrays: Java2D's general
     * transform loop took 150–200 ms for a 300 dpi A4 page (8.7 megapixels), this about a fifth of that. Each target
     * pixel's centre is mapped back into the source; what falls outside is white paper.
     */
    static BufferedImage rotateGrey(BufferedImage source, double clockwiseDegrees) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] from = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] to = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        double radians = Math.toRadians(clockwiseDegrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = w / 2.0;
        double cy = h / 2.0;
        final int one = 1 << 16;
        int stepX = (int) Math.round(cos * one); // source x per target x
        int stepY = (int) Math.round(-sin * one); // source y per target x
        for (int y = 0; y < h; y++) {
            // source position of the centre of target pixel (0, y), less half a pixel: the sample grid
            double dy = y + 0.5 - cy;
            double dx = 0.5 - cx;
            int sx = (int) Math.round((cx + cos * dx + sin * dy - 0.5) * one);
            int sy = (int) Math.round((cy - sin * dx + cos * dy - 0.5) * one);
            int row = y * w;
            for (int x = 0; x < w; x++, sx += stepX, sy += stepY) {
                int x0 = sx >> 16;
                int y0 = sy >> 16;
                int fx = (sx >> 8) & 0xFF;
                int fy = (sy >> 8) & 0xFF;
                int p00;
                int p01;
                int p10;
                int p11;
                if (x0 >= 0 && y0 >= 0 && x0 < w - 1 && y0 < h - 1) {
                    int i = y0 * w + x0;
                    p00 = from[i] & 0xFF;
                    p01 = from[i + 1] & 0xFF;
                    p10 = from[i + w] & 0xFF;
                    p11 = from[i + w + 1] & 0xFF;
                } else if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
                    to[row + x] = (byte) 255;
                    continue;
                } else {
                    p00 = greyOrWhite(from, w, h, x0, y0);
                    p01 = greyOrWhite(from, w, h, x0 + 1, y0);
                    p10 = greyOrWhite(from, w, h, x0, y0 + 1);
                    p11 = greyOrWhite(from, w, h, x0 + 1, y0 + 1);
                }
                int top = (p00 << 8) + (p01 - p00) * fx;
                int bottom = (p10 << 8) + (p11 - p10) * fx;
                to[row + x] = (byte) (((top << 8) + (bottom - top) * fy + (1 << 15)) >> 16);
            }
        }
        return target;
    }

    private static int greyOrWhite(byte[] pixels, int w, int h, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h ? pixels[y * w + x] & 0xFF : 255;
    }

    /** A grey copy scaled by {@code factor} (0 < factor <= 1), area-averaged enough for analysis passes. */
    public static BufferedImage downscaleGrey(BufferedImage grey, double factor) {
        int w = Math.max(1, (int) Math.round(grey.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(grey.getHeight() * factor));
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(grey, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * A grey copy {@code 1/block} the size, each pixel the mean of a block×block square: area-averaged, on the pixel
     * arrays when the image is plain 8-bit grey (Java2D's scaled drawing took 20 ms of a 300 dpi page, this a fifth),
     * otherwise through {@link #downscaleGrey}.
     */
    public static BufferedImage shrinkGrey(BufferedImage grey, int block) {
        if (block < 2 || grey.getType() != BufferedImage.TYPE_BYTE_GRAY || !plainGrey(grey)) {
            return downscaleGrey(grey, 1.0 / Math.max(1, block));
        }
        int width = grey.getWidth();
        int w = width / block;
        int h = grey.getHeight() / block;
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage target = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        int[] sums = new int[w];
        int area = block * block;
        if (block == 2) {
            // the common case (300 dpi to 150), without the general loop's bookkeeping
            for (int y = 0; y < h; y++) {
                int top = 2 * y * width;
                int bottom = top + width;
                int out = y * w;
                for (int x = 0; x < w; x++) {
                    int i = 2 * x;
                    pixels[out + x] = (byte) (((source[top + i] & 0xFF) + (source[top + i + 1] & 0xFF)
                            + (source[bottom + i] & 0xFF) + (source[bottom + i + 1] & 0xFF)) >> 2);
                }
            }
            return target;
        }
        for (int y = 0; y < h; y++) {
            Arrays.fill(sums, 0);
            for (int dy = 0; dy < block; dy++) {
                int row = (y * block + dy) * width;
                for (int x = 0; x < w; x++) {
                    int start = row + x * block;
                    int sum = 0;
                    for (int dx = 0; dx < block; dx++) {
                        sum += source[start + dx] & 0xFF;
                    }
                    sums[x] += sum;
                }
            }
            int out = y * w;
            for (int x = 0; x < w; x++) {
                pixels[out + x] = (byte) (sums[x] / area);
            }
        }
        return target;
    }

    /**
     * The pixels Tess4J's {@code ImageDeskew} counts as dark, as a 1-bit image (black = dark): on an 8-bit grey image
     * it decides each pixel through {@code getRGB} and a luminance below 140, a colour conversion per call that made
     * the skew measure most of the gate's time; on a 1-bit image it reads the bit. The same decision, made once per
     * grey level here, gives the same angle (ImagesTest).
     */
    public static BufferedImage darkMask(BufferedImage grey) {
        boolean[] dark = new boolean[256];
        for (int level = 0; level < 256; level++) {
            int rgb = grey.getColorModel().getRGB(new byte[] {(byte) level});
            double luminance = ((rgb >> 16) & 0xFF) * 0.299 + ((rgb >> 8) & 0xFF) * 0.587 + (rgb & 0xFF) * 0.114;
            dark[level] = luminance < 140;
        }
        boolean[] white = new boolean[256];
        for (int level = 0; level < 256; level++) {
            white[level] = !dark[level];
        }
        return oneBit(grey, white);
    }

    /**
     * A default one-bit image (palette index 1 white) of an 8-bit grey image, white where {@code white[level]}: the
     * rows read straight from the bytes of a plain grey image, through the raster otherwise.
     */
    private static BufferedImage oneBit(BufferedImage grey, boolean[] white) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] bits = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        byte[] levels = grey.getType() == BufferedImage.TYPE_BYTE_GRAY && plainGrey(grey)
                ? ((DataBufferByte) grey.getRaster().getDataBuffer()).getData() : null;
        int[] row = new int[width];
        Raster raster = grey.getRaster();
        for (int y = 0; y < height; y++) {
            if (levels == null) {
                raster.getSamples(0, y, width, 1, 0, row);
            } else {
                for (int x = 0, from = y * width; x < width; x++) {
                    row[x] = levels[from + x] & 0xFF;
                }
            }
            int offset = y * stride;
            for (int x = 0; x < width; x++) {
                if (white[row[x]]) {
                    // bits run from the most significant
                    bits[offset + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return target;
    }

    /**
     * Which grey levels Java2D draws white into a default one-bit image (black and white palette): asked of Java2D
     * itself, once, so that {@link #toBilevel} keeps its exact threshold while packing the bits on the arrays.
     */
    private static final boolean[] DRAWN_WHITE = drawnWhite();

    private static boolean[] drawnWhite() {
        BufferedImage ramp = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int level = 0; level < 256; level++) {
            ramp.getRaster().setSample(level, 0, 0, level);
        }
        BufferedImage drawn = drawnBilevel(ramp);
        boolean[] white = new boolean[256];
        for (int level = 0; level < 256; level++) {
            white[level] = drawn.getRaster().getSample(level, 0, 0) == 1;
        }
        return white;
    }

    private static BufferedImage drawnBilevel(BufferedImage grey) {
        BufferedImage target = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(grey, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Global threshold back to 1 bit, for pages that arrived bilevel and are stored as CCITT G4: Java2D's threshold,
     * on the pixel arrays for plain grey (the same bits, ImagesTest; a third of the time on a 200 dpi page).
     */
    public static BufferedImage toBilevel(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY || !plainGrey(grey)) {
            return drawnBilevel(grey);
        }
        return oneBit(grey, DRAWN_WHITE);
    }

    /**
     * Stretches grey levels so that the darkest 0.5 % become black and the lightest 10 % white. Used on analysis
     * copies only: on low-contrast scans (grey toner on grey paper) it lets dark-pixel counting find the text.
     */
    public static BufferedImage stretchContrast(BufferedImage grey) {
        int[] histogram = new int[256];
        Raster raster = grey.getRaster();
        int width = grey.getWidth();
        int height = grey.getHeight();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                histogram[raster.getSample(x, y, 0)]++;
            }
        }
        long total = (long) width * height;
        int low = percentileFromDark(histogram, total * 0.005);
        int high = 255 - percentileFromDark(reversed(histogram), total * 0.10);
        if (high - low < 16) {
            return grey;
        }
        BufferedImage stretched = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = stretched.getRaster();
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = Math.max(0, Math.min(255, (i - low) * 255 / (high - low)));
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setSample(x, y, 0, table[raster.getSample(x, y, 0)]);
            }
        }
        return stretched;
    }

    /** The grey level below which more than {@code count} of the histogram's pixels lie. */
    public static int percentileFromDark(int[] histogram, double count) {
        long seen = 0;
        for (int level = 0; level < histogram.length; level++) {
            seen += histogram[level];
            if (seen > count) {
                return level;
            }
        }
        return histogram.length - 1;
    }

    private static int[] reversed(int[] histogram) {
        int[] reversed = new int[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            reversed[i] = histogram[histogram.length - 1 - i];
        }
        return reversed;
    }
}
