package vn.sohoa.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * Makes scans with a known defect from a clean page, as a desk's scanner or a hurried clerk produces them: the
 * scan-quality gate's test and benchmark material. Each defect is well past what the desk should accept (a blur a
 * reader notices, a third of the margin gone, a 9° tilt); the corpus's own scans are the mild, acceptable degradations.
 * Deterministic: the same page and defect give the same pixels.
 */
public final class ScanDefects {

    /** A defect, and the gate's reason code that names it. */
    public enum Defect {
        LOW_RESOLUTION("LOW_RESOLUTION"),
        BLURRED("BLURRED"),
        BLANK("BLANK"),
        CUT_OFF("CUT_OFF"),
        FOLDED_CORNER("CUT_OFF"),
        TOO_DARK("TOO_DARK"),
        TOO_LIGHT("TOO_LIGHT"),
        LOW_CONTRAST("LOW_CONTRAST"),
        SKEWED("SKEWED"),
        BILEVEL("COLOUR_LOST");

        private final String reason;

        Defect(String reason) {
            this.reason = reason;
        }

        /** The gate's reason code expected for this defect. */
        public String reason() {
            return reason;
        }
    }

    /** A scanned page: its pixels and the resolution its file declares. */
    public record Scan(BufferedImage image, int dpi) {
    }

    private ScanDefects() {
    }

    /** The clean page (8-bit grey or RGB, at {@code dpi}) with {@code defect}; {@code variant} varies side, corner… */
    public static Scan make(BufferedImage clean, int dpi, Defect defect, int variant) {
        BufferedImage grey = grey(clean);
        return switch (defect) {
            case LOW_RESOLUTION -> new Scan(scaled(grey, variant % 2 == 0 ? 0.5 : 0.45), variant % 2 == 0 ? dpi / 2 : dpi * 45 / 100);
            case BLURRED -> new Scan(blurred(grey, dpi * (variant % 2 == 0 ? 0.45 : 0.6) / 25.4), dpi);
            case BLANK -> new Scan(blank(grey, variant), dpi);
            case CUT_OFF -> new Scan(shifted(grey, dpi, variant % 4), dpi);
            case FOLDED_CORNER -> new Scan(folded(grey, dpi, variant % 4), dpi);
            case TOO_DARK -> new Scan(mapped(grey, v -> v * (variant % 2 == 0 ? 0.42 : 0.35)), dpi);
            case TOO_LIGHT -> new Scan(mapped(grey, v -> 255 - (255 - v) * (variant % 2 == 0 ? 0.22 : 0.18)), dpi);
            case LOW_CONTRAST -> new Scan(mapped(grey, v -> 150 + v * (variant % 2 == 0 ? 0.17 : 0.14)), dpi);
            case SKEWED -> new Scan(rotated(grey, variant % 2 == 0 ? 9 : -12), dpi);
            case BILEVEL -> new Scan(bilevel(clean), dpi);
        };
    }

    /** How many acceptable variants {@link #acceptable} makes. */
    public static final int ACCEPTABLE_VARIANTS = 7;

    /**
     * The clean page with a mild degradation the desk should accept (variant 0..5): a slight blur, a 2.5° tilt,
     * greyish recycled paper, a lighter toner, a sheet placed 5 mm off, a 250 dpi scan, the soft shadow a book-edge or
     * a lifted lid leaves along one side.
     */
    public static Scan acceptable(BufferedImage clean, int dpi, int variant) {
        BufferedImage grey = grey(clean);
        return switch (variant % ACCEPTABLE_VARIANTS) {
            case 0 -> new Scan(blurred(grey, dpi * 0.1 / 25.4), dpi);
            case 1 -> new Scan(rotated(grey, variant % 2 == 0 ? 2.5 : -2.5), dpi);
            case 2 -> new Scan(mapped(grey, v -> v * 0.82), dpi);
            case 3 -> new Scan(mapped(grey, v -> 255 - (255 - v) * 0.6), dpi);
            case 4 -> new Scan(offset(grey, dpi, 5), dpi);
            case 5 -> new Scan(scaled(grey, 250.0 / dpi), 250);
            default -> new Scan(shadowed(grey, dpi), dpi);
        };
    }

    /** A soft shadow along the left edge: down to 30 % of the light at the edge, fading out over 15 mm. */
    private static BufferedImage shadowed(BufferedImage grey, int dpi) {
        int reach = (int) Math.round(15 * dpi / 25.4);
        return rowByRow(grey, row -> {
            for (int x = 0; x < Math.min(reach, row.length); x++) {
                row[x] = clamp(row[x] * (0.3 + 0.7 * Math.pow((double) x / reach, 0.7)));
            }
        });
    }

    private static BufferedImage offset(BufferedImage grey, int dpi, double mm) {
        int shift = (int) Math.round(mm * dpi / 25.4);
        return placed(grey, shift, shift);
    }

    /** The sheet moved by (dx, dy) pixels on the scanner's glass, the uncovered glass reading as paper. */
    private static BufferedImage placed(BufferedImage grey, int dx, int dy) {
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(grey, dx, dy, null);
        g.dispose();
        return page;
    }

    private static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    private static BufferedImage scaled(BufferedImage grey, double factor) {
        int w = (int) Math.round(grey.getWidth() * factor);
        int h = (int) Math.round(grey.getHeight() * factor);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(grey, 0, 0, w, h, null);
        g.dispose();
        return small;
    }

    /** Out of focus, or the page lifted off the glass: a Gaussian blur of {@code sigma} pixels. */
    private static BufferedImage blurred(BufferedImage grey, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        // pad with paper so the edges do not darken
        BufferedImage padded = new BufferedImage(grey.getWidth() + 2 * radius, grey.getHeight() + 2 * radius,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = padded.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, padded.getWidth(), padded.getHeight());
        g.drawImage(grey, radius, radius, null);
        g.dispose();
        BufferedImage across = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(padded, null);
        BufferedImage both = new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(across, null);
        return both.getSubimage(radius, radius, grey.getWidth(), grey.getHeight());
    }

    /** The back of a sheet: paper with scanner noise and, on odd variants, the faint show-through of the front. */
    private static BufferedImage blank(BufferedImage grey, int variant) {
        Random random = new Random(7919L * variant + 17);
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = page.getRaster();
        Raster in = grey.getRaster();
        int paper = 238 + random.nextInt(12);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                double value = paper + random.nextGaussian() * 2.5;
                if (variant % 2 == 1) {
                    // the front, mirrored, at a tenth of its darkness
                    value -= (255 - in.getSample(page.getWidth() - 1 - x, y, 0)) * 0.06;
                }
                out.setSample(x, y, 0, clamp(value));
            }
        }
        return page;
    }

    /**
     * The sheet placed off the scanner's glass: on one side (variant: top, right, bottom, left) the text runs 8 mm
     * past the edge, whatever margin the page had.
     */
    private static BufferedImage shifted(BufferedImage grey, int dpi, int side) {
        int[] ink = inkBox(grey);
        int past = (int) Math.round(8 * dpi / 25.4);
        int w = grey.getWidth();
        int h = grey.getHeight();
        int dx = side == 1 ? (w - ink[2]) + past : side == 3 ? -(ink[0] + past) : 0;
        int dy = side == 0 ? -(ink[1] + past) : side == 2 ? (h - ink[3]) + past : 0;
        return placed(grey, dx, dy);
    }

    /** Left, top, right, bottom of the pixels darker than mid-grey. */
    private static int[] inkBox(BufferedImage grey) {
        Raster raster = grey.getRaster();
        int[] box = {grey.getWidth(), grey.getHeight(), 0, 0};
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                if (row[x] < 128) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    /** A corner folded under: a triangle of 40 mm legs shows the scanner's grey lid, with the fold's shadow line. */
    private static BufferedImage folded(BufferedImage grey, int dpi, int corner) {
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.drawImage(grey, 0, 0, null);
        int leg = (int) Math.round(40 * dpi / 25.4);
        int w = page.getWidth();
        int h = page.getHeight();
        int x = corner == 1 || corner == 2 ? w : 0;
        int y = corner >= 2 ? h : 0;
        int sx = x == 0 ? 1 : -1;
        int sy = y == 0 ? 1 : -1;
        Polygon triangle = new Polygon(new int[]{x, x + sx * leg, x}, new int[]{y, y, y + sy * leg}, 3);
        g.setColor(new Color(70, 70, 70));
        g.fillPolygon(triangle);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(Math.max(2, dpi / 100f)));
        g.drawLine(x + sx * leg, y, x, y + sy * leg);
        g.dispose();
        return page;
    }

    private static BufferedImage mapped(BufferedImage grey, DoubleUnaryOperator curve) {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = clamp(curve.applyAsDouble(i));
        }
        return rowByRow(grey, row -> {
            for (int x = 0; x < row.length; x++) {
                row[x] = table[row[x]];
            }
        });
    }

    /** A grey copy of the page with each row of grey levels changed in place by {@code change}. */
    private static BufferedImage rowByRow(BufferedImage grey, Consumer<int[]> change) {
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Raster in = grey.getRaster();
        WritableRaster out = page.getRaster();
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            in.getSamples(0, y, row.length, 1, 0, row);
            change.accept(row);
            out.setSamples(0, y, row.length, 1, 0, row);
        }
        return page;
    }

    /** The sheet fed crooked: turned by {@code degrees}, the corners filled with the lid's white. */
    private static BufferedImage rotated(BufferedImage grey, double degrees) {
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(grey, 0, 0, null);
        g.dispose();
        return page;
    }

    /** Scanned in black-and-white: one bit a pixel, colour and greys gone. */
    private static BufferedImage bilevel(BufferedImage clean) {
        BufferedImage page = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = page.createGraphics();
        g.drawImage(clean, 0, 0, null);
        g.dispose();
        return page;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
