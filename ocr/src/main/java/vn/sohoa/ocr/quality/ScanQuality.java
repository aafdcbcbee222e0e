package vn.sohoa.ocr.quality;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.preprocess.Deskew;
import vn.sohoa.ocr.preprocess.Images;
import vn.sohoa.ocr.quality.QualityFinding.Measure;

/**
 * The scan-quality gate: judges a page right after upload, before any recognition, from a grey copy at about 150 dpi
 * (well under a second a page), and once more after recognition from the words' confidence.
 *
 * <p>What it measures, each against {@link QualityThresholds}:
 * <ul>
 *   <li>resolution, from the file (the domain's minimum is 200 dpi);</li>
 *   <li>tone: the paper's grey level (the 90th percentile), the darkest 0.1 %, and the text's level (the median of
 *       the pixels darker than halfway between the two): blank, too dark, too light, low contrast;</li>
 *   <li>blur: the edge spread of the text, from the ratio of gradient energy to Laplacian energy (for an edge blurred
 *       by a Gaussian of width σ the ratio is 2σ², whatever the contrast or the amount of text), in mm on paper;</li>
 *   <li>a page cut off: text-like ink (dark pixels on a sharp edge, so that a scanner's soft edge shadow does not
 *       count) in the band a whole page leaves as margin, and a dark mass in a corner (a fold shows the lid);</li>
 *   <li>skew beyond what straightening corrects (Hough transform over the text, as the OCR's deskew measures it);</li>
 *   <li>a black-and-white scan (colour and grey levels lost: the rules ask for colour or greyscale).</li>
 * </ul>
 */
public final class ScanQuality {

    private static final int ANALYSIS_DPI = 150;
    private static final double CORNER_MM = 12;

    private final QualityThresholds limits;

    public ScanQuality(QualityThresholds limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PageQuality assess(PageImage page) {
        return assess(page.image(), page.dpi());
    }

    public PageQuality assess(BufferedImage image, int dpi) {
        boolean bilevel = Images.isBilevel(image);
        int factor = Math.max(1, (int) Math.round((double) dpi / ANALYSIS_DPI));
        GreyCopy copy = GreyCopy.of(image, dpi, factor);
        List<QualityFinding> findings = new ArrayList<>();
        if (dpi < limits.minDpi()) {
            findings.add(new QualityFinding(QualityReason.LOW_RESOLUTION, Measure.DPI, dpi, limits.minDpi()));
        }
        if (bilevel) {
            findings.add(new QualityFinding(QualityReason.COLOUR_LOST, Measure.NONE, 0, 0));
        }

        int[] histogram = copy.histogram();
        int total = copy.pixels.length;
        int paper = Images.percentileFromDark(histogram, total * 0.90);
        int dark = Images.percentileFromDark(histogram, total * 0.001);
        int spread = paper - dark;
        if (spread < limits.blankSpread()) {
            findings.add(new QualityFinding(QualityReason.BLANK, Measure.GREY_SPREAD, spread, limits.blankSpread()));
            return PageQuality.of(findings, new PageQuality.Measures(dpi, 0, spread, paper, dark,
                    PageQuality.Margins.NONE, 0, 0, bilevel));
        }
        int cut = (paper + dark) / 2;
        int ink = median(histogram, 0, cut);
        if (paper < limits.minPaperLevel()) {
            findings.add(new QualityFinding(QualityReason.TOO_DARK, Measure.PAPER_LEVEL,
                    paper, limits.minPaperLevel()));
        } else if (ink > limits.maxInkLevel()) {
            findings.add(new QualityFinding(QualityReason.TOO_LIGHT, Measure.INK_LEVEL, ink, limits.maxInkLevel()));
        } else if (paper - ink < limits.minContrast()) {
            findings.add(new QualityFinding(QualityReason.LOW_CONTRAST, Measure.CONTRAST,
                    paper - ink, limits.minContrast()));
        }

        double blurMm = blurMm(copy);
        if (blurMm > limits.maxBlurMm()) {
            findings.add(new QualityFinding(QualityReason.BLURRED, Measure.BLUR_MM, round(blurMm), limits.maxBlurMm()));
        }

        PageQuality.Margins margins = margins(copy, cut, Math.max(8, (paper - ink) / 4));
        double cornerDark = cornerDark(copy, cut);
        if (margins.smallest() < limits.minMarginMm()) {
            findings.add(new QualityFinding(QualityReason.CUT_OFF, Measure.MARGIN_MM,
                    margins.smallest(), limits.minMarginMm()));
        } else if (cornerDark > limits.maxCornerDark()) {
            findings.add(new QualityFinding(QualityReason.CUT_OFF, Measure.CORNER_SHARE,
                    round(cornerDark), limits.maxCornerDark()));
        }

        double skew = Math.abs(Deskew.tilt(copy.toImage(), copy.dpi));
        if (skew > limits.maxSkewDegrees()) {
            findings.add(new QualityFinding(QualityReason.SKEWED, Measure.DEGREES,
                    round(skew), limits.maxSkewDegrees()));
        }
        return PageQuality.of(findings, new PageQuality.Measures(dpi, round(blurMm), spread, paper, ink,
                margins, round(cornerDark), round(skew), bilevel));
    }

    /** The recognised words' mean confidence (0–100), weighted by their length; -1 when nothing was read. */
    public static double meanConfidence(OcrPage recognised) {
        return round(OcrLine.meanConfidence(recognised.lines()));
    }

    /**
     * The finding after recognition, if any: a mean confidence below the limit (nothing read is no score: a blank
     * page says so before recognition).
     */
    public Optional<QualityFinding> afterRecognition(double meanConfidence) {
        if (meanConfidence < 0 || meanConfidence >= limits.minConfidence()) {
            return Optional.empty();
        }
        return Optional.of(new QualityFinding(QualityReason.LOW_CONFIDENCE, Measure.CONFIDENCE,
                meanConfidence, limits.minConfidence()));
    }

    /** Gaussian edge spread of the page's text in mm: sigma = sqrt(gradient energy / (2 × Laplacian energy)). */
    private static double blurMm(GreyCopy copy) {
        int w = copy.width;
        int[] p = copy.pixels;
        double gradient = 0;
        double laplacian = 0;
        for (int y = 1; y < copy.height - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                double gx = (p[i + 1] - p[i - 1]) / 2.0;
                double gy = (p[i + w] - p[i - w]) / 2.0;
                double lap = p[i + 1] + p[i - 1] + p[i + w] + p[i - w] - 4.0 * p[i];
                gradient += gx * gx + gy * gy;
                laplacian += lap * lap;
            }
        }
        if (laplacian == 0) {
            return 0;
        }
        return Math.sqrt(gradient / (2 * laplacian)) * 25.4 / copy.dpi;
    }

    /**
     * The blank margin on each side, in mm: lines (rows or columns) from the edge inwards up to the first one with
     * text-like ink, pixels darker than {@code cut} on an edge at least {@code edge} grey levels steep (a scanner's
     * soft edge shadow has no such edges). Three such pixels make a line inked, so that a speck does not.
     */
    private static PageQuality.Margins margins(GreyCopy copy, int cut, int edge) {
        int w = copy.width;
        int h = copy.height;
        int[] rows = new int[h];
        int[] columns = new int[w];
        int[] p = copy.pixels;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (p[i] < cut && Math.max(Math.abs(p[i + 1] - p[i - 1]), Math.abs(p[i + w] - p[i - w])) >= edge) {
                    rows[y]++;
                    columns[x]++;
                }
            }
        }
        double mm = 25.4 / copy.dpi;
        return new PageQuality.Margins(round(firstInked(rows, true) * mm), round(firstInked(columns, false) * mm),
                round(firstInked(rows, false) * mm), round(firstInked(columns, true) * mm));
    }

    /** Lines from the start (or the end) before the first with at least three inked pixels; half the length if none. */
    private static int firstInked(int[] counts, boolean fromStart) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[fromStart ? i : counts.length - 1 - i] >= 3) {
                return i;
            }
        }
        return counts.length / 2;
    }

    /**
     * The largest share of a corner square darker than {@code cut}, counting a corner only when the middle of its two
     * edges is not as dark: a fold darkens a corner, a scanner's edge shadow or a dark border runs along a whole side.
     */
    private static double cornerDark(GreyCopy copy, int cut) {
        int side = Math.min(copy.pixelsPerMm(CORNER_MM), Math.min(copy.width, copy.height) / 4);
        int right = copy.width - side;
        int bottom = copy.height - side;
        int middleX = (copy.width - side) / 2;
        int middleY = (copy.height - side) / 2;
        double top = darkShare(copy, middleX, 0, side, cut);
        double below = darkShare(copy, middleX, bottom, side, cut);
        double left = darkShare(copy, 0, middleY, side, cut);
        double rightSide = darkShare(copy, right, middleY, side, cut);
        double worst = 0;
        worst = Math.max(worst, fold(darkShare(copy, 0, 0, side, cut), top, left));
        worst = Math.max(worst, fold(darkShare(copy, right, 0, side, cut), top, rightSide));
        worst = Math.max(worst, fold(darkShare(copy, 0, bottom, side, cut), below, left));
        worst = Math.max(worst, fold(darkShare(copy, right, bottom, side, cut), below, rightSide));
        return worst;
    }

    private static double fold(double corner, double edgeA, double edgeB) {
        return Math.max(edgeA, edgeB) * 2 > corner ? 0 : corner;
    }

    private static double darkShare(GreyCopy copy, int left, int top, int side, int cut) {
        long dark = 0;
        for (int y = top; y < top + side; y++) {
            for (int x = left; x < left + side; x++) {
                dark += copy.at(x, y) < cut ? 1 : 0;
            }
        }
        return (double) dark / ((long) side * side);
    }

    /** The median level of the pixels in [from, to). */
    private static int median(int[] histogram, int from, int to) {
        long count = 0;
        for (int level = from; level < to; level++) {
            count += histogram[level];
        }
        long seen = 0;
        for (int level = from; level < to; level++) {
            seen += histogram[level];
            if (seen * 2 >= count) {
                return level;
            }
        }
        return from;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
