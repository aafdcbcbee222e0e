package vn.sohoa.ocr.quality;

/**
 * The limits of the scan-quality gate. The defaults were tuned on half of the corpus pages (a01–a04, their scans
 * and generated defective variants) and are reported on the other half (bench/quality, docs/benchmarks.md).
 *
 * @param minDpi            the domain's minimum resolution (domain notes: at least 200 dpi)
 * @param maxBlurMm         largest edge spread (Gaussian sigma of a letter's edge, in mm on paper) still sharp
 * @param blankSpread       below this many grey levels between paper and the darkest 0.1 % the page is blank
 * @param minMarginMm       text closer than this to an edge (in mm on paper) runs off the page: cut off
 * @param maxCornerDark     share of a corner square that may be dark (a folded corner shows the scanner's lid)
 * @param minPaperLevel     paper darker than this grey level (0–255) is too dark
 * @param maxInkLevel       text lighter than this grey level is too light
 * @param minContrast       fewer grey levels than this between text and paper is low contrast
 * @param maxSkewDegrees    skew beyond what straightening corrects (the OCR's largest deskew)
 * @param minConfidence     mean word confidence (0–100) below which a recognised page is doubtful
 */
public record QualityThresholds(int minDpi, double maxBlurMm, int blankSpread, double minMarginMm,
                                double maxCornerDark, int minPaperLevel, int maxInkLevel, int minContrast,
                                double maxSkewDegrees, double minConfidence) {

    public QualityThresholds {
        if (minDpi < 1 || maxBlurMm <= 0 || blankSpread < 1 || minMarginMm <= 0
                || maxCornerDark <= 0 || minPaperLevel < 0 || maxInkLevel > 255 || minContrast < 1
                || maxSkewDegrees <= 0 || minConfidence < 0 || minConfidence > 100) {
            throw new IllegalArgumentException("scan-quality thresholds out of range: " + this);
        }
    }

    public static QualityThresholds defaults() {
        return new QualityThresholds(200, 0.25, 28, 3.0, 0.35, 120, 150, 60, 5.0, 55.0);
    }
}
