package vn.sohoa.ocr.quality;

import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict on one page: the worst verdict of its findings (OK without any), the findings, and what was
 * measured, for the record and for tuning.
 */
public record PageQuality(QualityVerdict verdict, List<QualityFinding> findings, Measures measures) {

    /**
     * What the gate measured on a page.
     *
     * @param dpi            the scan's resolution
     * @param blurMm         edge spread of the text, in mm on paper
     * @param spread         grey levels between the paper and the darkest 0.1 %
     * @param paperLevel     grey level of the paper (0 black – 255 white)
     * @param inkLevel       grey level of the text
     * @param margins        the blank margin on each side, in mm, up to the first text-like ink
     * @param cornerDark     the largest share of a corner square that is dark
     * @param skewDegrees    measured skew of the text lines (absolute)
     * @param bilevel        scanned black-and-white
     */
    public record Measures(int dpi, double blurMm, int spread, int paperLevel, int inkLevel, Margins margins,
                           double cornerDark, double skewDegrees, boolean bilevel) {
    }

    /** Blank margins in mm; a side with no ink at all has half the page's size. */
    public record Margins(double top, double right, double bottom, double left) {
        public static final Margins NONE = new Margins(0, 0, 0, 0);

        public double smallest() {
            return Math.min(Math.min(top, right), Math.min(bottom, left));
        }
    }

    public PageQuality {
        findings = List.copyOf(findings);
        Objects.requireNonNull(measures, "measures");
        if (verdict != QualityVerdict.worstOf(findings)) {
            throw new IllegalArgumentException("verdict " + verdict + " does not follow from " + findings);
        }
    }

    public static PageQuality of(List<QualityFinding> findings, Measures measures) {
        return new PageQuality(QualityVerdict.worstOf(findings), findings, measures);
    }

    public boolean has(QualityReason reason) {
        return findings.stream().anyMatch(finding -> finding.reason() == reason);
    }
}
