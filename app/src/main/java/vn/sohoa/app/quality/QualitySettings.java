package vn.sohoa.app.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.sohoa.ocr.quality.QualityThresholds;

/**
 * The scan-quality gate, prefix {@code sohoa.quality}: every uploaded page is judged before OCR and again after it.
 * The defaults are {@link QualityThresholds#defaults()} (tuned on half the corpus, reported on the other half by
 * bench/quality).
 *
 * @param enabled        judge pages at all (off: no verdicts, {@code ?quality=strict} refuses nothing)
 * @param minDpi         the domain's minimum resolution
 * @param maxBlurMm      largest edge spread of the text, in mm, still sharp
 * @param blankSpread    grey levels between paper and the darkest ink below which a page is blank
 * @param minMarginMm    text closer than this to an edge runs off the page
 * @param maxCornerDark  share of a corner square that may be dark (a folded corner)
 * @param minPaperLevel  paper darker than this grey level is too dark
 * @param maxInkLevel    text lighter than this grey level is too light
 * @param minContrast    grey levels needed between text and paper
 * @param maxSkewDegrees skew beyond what straightening corrects
 * @param minConfidence  mean word confidence (0–100) below which a recognised page is doubtful
 */
@ConfigurationProperties("sohoa.quality")
public record QualitySettings(@DefaultValue("true") boolean enabled, @DefaultValue("200") int minDpi,
                              @DefaultValue("0.25") double maxBlurMm, @DefaultValue("28") int blankSpread,
                              @DefaultValue("3.0") double minMarginMm, @DefaultValue("0.35") double maxCornerDark,
                              @DefaultValue("120") int minPaperLevel, @DefaultValue("150") int maxInkLevel,
                              @DefaultValue("60") int minContrast, @DefaultValue("5.0") double maxSkewDegrees,
                              @DefaultValue("55") double minConfidence) {

    public QualityThresholds thresholds() {
        return new QualityThresholds(minDpi, maxBlurMm, blankSpread, minMarginMm, maxCornerDark, minPaperLevel,
                maxInkLevel, minContrast, maxSkewDegrees, minConfidence);
    }
}
