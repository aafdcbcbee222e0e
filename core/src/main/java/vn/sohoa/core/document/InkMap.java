package vn.sohoa.core.document;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import vn.sohoa.core.image.Luma;

/**
 * Where a page has ink, measured once while its image is in memory: a grid of {@value #CELL_POINTS}-point cells
 * over the page as the PDF shows it, top row first, each holding how many of its sampled pixels are dark. The
 * certification statement is placed in blank space found here, without decoding the page image again.
 */
public record InkMap(int columns, int rows, int samplesPerCell, byte[] darkSamples) {

    public static final float CELL_POINTS = 2f;
    /** Darker than this (of 255) counts as ink, as on a print. */
    private static final int DARK = 160;
    /**
     * About 72 samples per inch, two or three per cell each way: enough to see a line of text in a band, and cheap
     * next to OCR (measured: sampling twice as densely made this the largest Java cost of a page).
     */
    private static final int SAMPLES_PER_INCH = 72;

    public InkMap {
        if (darkSamples.length != columns * rows) {
            throw new IllegalArgumentException("an ink map of " + columns + " x " + rows + " needs as many cells");
        }
    }

    /** Dark samples in one cell, 0 .. samplesPerCell. */
    public int dark(int column, int row) {
        return Byte.toUnsignedInt(darkSamples[row * columns + column]);
    }

    /** The map of a page image shown at {@code dpi} (the page is the image, as in Sohoa's PDF/A). */
    public static InkMap of(BufferedImage image, int dpi) {
        double pixelsPerCell = dpi * CELL_POINTS / 72.0;
        int step = Math.max(1, dpi / SAMPLES_PER_INCH);
        int columns = (int) Math.ceil(image.getWidth() / pixelsPerCell);
        int rows = (int) Math.ceil(image.getHeight() / pixelsPerCell);
        int samplesPerCell = Math.max(1, (int) Math.round(Math.pow(Math.ceil(pixelsPerCell / step), 2)));
        int[] dark = new int[columns * rows];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        boolean indexed = image.getColorModel() instanceof IndexColorModel;
        int[] row = new int[image.getWidth() * bands];
        for (int y = 0; y < image.getHeight(); y += step) {
            raster.getPixels(0, y, image.getWidth(), 1, row);
            int cellRow = (int) (y / pixelsPerCell);
            for (int x = 0; x < image.getWidth(); x += step) {
                if (luminance(row, x, bands, bits, indexed, image) < DARK) {
                    dark[cellRow * columns + (int) (x / pixelsPerCell)]++;
                }
            }
        }
        byte[] cells = new byte[dark.length];
        for (int i = 0; i < dark.length; i++) {
            cells[i] = (byte) Math.min(255, dark[i]);
        }
        return new InkMap(columns, rows, Math.min(255, samplesPerCell), cells);
    }

    private static int luminance(int[] row, int x, int bands, int bits, boolean indexed, BufferedImage image) {
        if (indexed) {
            return Luma.ofRgb(image.getColorModel().getRGB(row[x]));
        }
        int shift = bits - 8;
        if (bands >= 3) {
            int i = x * bands;
            return Luma.of(scale(row[i], shift), scale(row[i + 1], shift), scale(row[i + 2], shift));
        }
        return bits == 1 ? row[x] * 255 : scale(row[x * bands], shift);
    }

    private static int scale(int sample, int shift) {
        return shift >= 0 ? sample >> shift : sample << -shift;
    }

    /** Compact form for storage: a small header and the deflated cells (mostly zeros). */
    public byte[] encoded() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(darkSamples);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(darkSamples.length / 8 + 16);
        out.writeBytes(ByteBuffer.allocate(12).putInt(columns).putInt(rows).putInt(samplesPerCell).array());
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static InkMap decode(byte[] encoded) {
        ByteBuffer header = ByteBuffer.wrap(encoded, 0, 12);
        int columns = header.getInt();
        int rows = header.getInt();
        int samplesPerCell = header.getInt();
        if (columns <= 0 || rows <= 0 || (long) columns * rows > 10_000_000) {
            throw new IllegalArgumentException("not an ink map");
        }
        Inflater inflater = new Inflater();
        inflater.setInput(encoded, 12, encoded.length - 12);
        byte[] cells = new byte[columns * rows];
        try {
            int read = 0;
            while (read < cells.length && !inflater.finished()) {
                int n = inflater.inflate(cells, read, cells.length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read != cells.length) {
                throw new IllegalArgumentException("a damaged ink map");
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a damaged ink map", e);
        } finally {
            inflater.end();
        }
        return new InkMap(columns, rows, samplesPerCell, cells);
    }
}
