package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * How faithfully a PDF's page image keeps the scan it came from, measured the same way for every tool: the page as
 * rendered from the PDF (grey, at the scan's resolution) against the scan itself, turned and levelled to match it.
 * Each tool levels pages its own way, so the reference is the scan rotated by the angle that best matches that tool's
 * page (searched over right angles and ±3°, coarse to fine, to 0.01°); compression is what remains. Reported as the
 * mean SSIM of 8×8 blocks (1 is identical) and the PSNR in dB, over the page less a 3 % border (the fill of the
 * rotation).
 */
final class PageFidelity {

    /** One page's figures. */
    record Figures(double ssim, double psnr, double degrees, int turn) {
    }

    private static final double MAX_DEGREES = 3.0;

    private PageFidelity() {
    }

    static Figures of(BufferedImage scan, BufferedImage page) {
        Grey out = Grey.of(page);
        Grey source = Grey.of(scan);
        double bestScore = Double.MAX_VALUE;
        double bestDegrees = 0;
        int bestTurn = -1;
        Grey bestReference = null;
        for (int turn = 0; turn < 360; turn += 90) {
            Grey turned = source.turned(turn);
            if (Math.abs(turned.width - out.width) > out.width * 0.03
                    || Math.abs(turned.height - out.height) > out.height * 0.03) {
                continue;
            }
            Match match = search(turned, out, 8, -MAX_DEGREES, MAX_DEGREES, 0.25);
            match = search(turned, out, 4, match.degrees() - 0.25, match.degrees() + 0.25, 0.05);
            // a tool's own angle is not a multiple of 0.05°: 0.02° off turns an A4 page's edge by half a pixel
            match = search(turned, out, 2, match.degrees() - 0.05, match.degrees() + 0.05, 0.01);
            if (match.score() < bestScore) {
                bestScore = match.score();
                bestDegrees = match.degrees();
                bestTurn = turn;
                bestReference = turned;
            }
        }
        if (bestReference == null) {
            throw new IllegalArgumentException("the page (" + out.width + "×" + out.height + ") does not match the "
                    + "scan's size (" + source.width + "×" + source.height + ") in any orientation");
        }
        Grey reference = bestReference.rotated(bestDegrees, out.width, out.height);
        return new Figures(reference.ssim(out), reference.psnr(out), bestDegrees, bestTurn);
    }

    /** An angle tried and how far the rotated reference then is from the page (mean absolute difference). */
    private record Match(double degrees, double score) {
    }

    /** The angle from {@code from} to {@code to} by {@code step} best matching both images shrunk by {@code shrink}. */
    private static Match search(Grey reference, Grey out, int shrink, double from, double to, double step) {
        Grey smallOut = out.shrunk(shrink);
        Grey smallRef = reference.shrunk(shrink);
        Match best = new Match(from, Double.MAX_VALUE);
        for (double a = from; a <= to + 1e-9; a += step) {
            double score = smallRef.rotated(a, smallOut.width, smallOut.height).meanAbsoluteDifference(smallOut);
            if (score < best.score()) {
                best = new Match(a, score);
            }
        }
        return best;
    }

    /** An 8-bit grey image as a plain array. */
    private static final class Grey {
        final int width;
        final int height;
        final byte[] pixels;

        Grey(int width, int height, byte[] pixels) {
            this.width = width;
            this.height = height;
            this.pixels = pixels;
        }

        static Grey of(BufferedImage image) {
            BufferedImage grey = image;
            if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                grey.getGraphics().drawImage(image, 0, 0, null);
            }
            byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
            if (data.length != grey.getWidth() * grey.getHeight()) {
                byte[] copy = new byte[grey.getWidth() * grey.getHeight()];
                grey.getRaster().getDataElements(0, 0, grey.getWidth(), grey.getHeight(), copy);
                data = copy;
            }
            return new Grey(grey.getWidth(), grey.getHeight(), data);
        }

        int at(int x, int y) {
            return pixels[y * width + x] & 0xff;
        }

        Grey turned(int clockwise) {
            if (clockwise == 0) {
                return this;
            }
            boolean swap = clockwise % 180 != 0;
            int w = swap ? height : width;
            int h = swap ? width : height;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx;
                    int sy;
                    switch (clockwise) {
                        case 90 -> { sx = y; sy = height - 1 - x; }
                        case 180 -> { sx = width - 1 - x; sy = height - 1 - y; }
                        default -> { sx = width - 1 - y; sy = x; }
                    }
                    out[y * w + x] = pixels[sy * width + sx];
                }
            }
            return new Grey(w, h, out);
        }

        Grey shrunk(int factor) {
            int w = width / factor;
            int h = height / factor;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int row = (y * factor + dy) * width + x * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            sum += pixels[row + dx] & 0xff;
                        }
                    }
                    out[y * w + x] = (byte) (sum / (factor * factor));
                }
            }
            return new Grey(w, h, out);
        }

        /** This image rotated clockwise by {@code degrees} about its centre onto a w×h canvas, bilinear, white fill. */
        Grey rotated(double degrees, int w, int h) {
            double radians = Math.toRadians(degrees);
            double cos = Math.cos(radians);
            double sin = Math.sin(radians);
            double cx = w / 2.0;
            double cy = h / 2.0;
            double scx = width / 2.0;
            double scy = height / 2.0;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // inverse mapping: where in the source this output pixel comes from
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double sx = cos * dx + sin * dy + scx - 0.5;
                    double sy = -sin * dx + cos * dy + scy - 0.5;
                    int x0 = (int) Math.floor(sx);
                    int y0 = (int) Math.floor(sy);
                    if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
                        out[y * w + x] = (byte) 255;
                        continue;
                    }
                    double fx = sx - x0;
                    double fy = sy - y0;
                    double top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
                    double bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
                    out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
            return new Grey(w, h, out);
        }

        private int marginX() {
            return width * 3 / 100;
        }

        private int marginY() {
            return height * 3 / 100;
        }

        double meanAbsoluteDifference(Grey other) {
            long sum = 0;
            long n = 0;
            for (int y = marginY(); y < height - marginY(); y++) {
                for (int x = marginX(); x < width - marginX(); x++) {
                    sum += Math.abs(at(x, y) - other.at(x, y));
                    n++;
                }
            }
            return (double) sum / n;
        }

        double psnr(Grey other) {
            double squares = 0;
            long n = 0;
            for (int y = marginY(); y < height - marginY(); y++) {
                for (int x = marginX(); x < width - marginX(); x++) {
                    int d = at(x, y) - other.at(x, y);
                    squares += d * d;
                    n++;
                }
            }
            double mse = squares / n;
            return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
        }

        /** Mean SSIM over non-overlapping 8×8 blocks (Wang et al. 2004 constants). */
        double ssim(Grey other) {
            double c1 = Math.pow(0.01 * 255, 2);
            double c2 = Math.pow(0.03 * 255, 2);
            double total = 0;
            long blocks = 0;
            for (int by = marginY(); by + 8 <= height - marginY(); by += 8) {
                for (int bx = marginX(); bx + 8 <= width - marginX(); bx += 8) {
                    double sa = 0;
                    double sb = 0;
                    double saa = 0;
                    double sbb = 0;
                    double sab = 0;
                    for (int y = by; y < by + 8; y++) {
                        for (int x = bx; x < bx + 8; x++) {
                            int a = at(x, y);
                            int b = other.at(x, y);
                            sa += a;
                            sb += b;
                            saa += a * a;
                            sbb += b * b;
                            sab += a * b;
                        }
                    }
                    double ma = sa / 64;
                    double mb = sb / 64;
                    double va = saa / 64 - ma * ma;
                    double vb = sbb / 64 - mb * mb;
                    double cov = sab / 64 - ma * mb;
                    total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                    blocks++;
                }
            }
            return total / blocks;
        }
    }
}
