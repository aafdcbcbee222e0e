package vn.sohoa.app.quality;

import java.util.List;
import java.util.Locale;

import vn.sohoa.ocr.quality.QualityFinding;
import vn.sohoa.ocr.quality.QualityReason;
import vn.sohoa.ocr.quality.QualityVerdict;

/**
 * A page's verdict as the API and the desk show it.
 *
 * @param page           1-based page number in the document as arranged
 * @param verdict        OK, WARN or RESCAN
 * @param reasons        what was found, each with its measure and limit and the message in Vietnamese and English
 * @param meanConfidence the recognised words' mean confidence (0–100), null before recognition
 */
public record PageQualityView(int page, QualityVerdict verdict, List<Reason> reasons, Double meanConfidence) {

    /** One finding: its code, what was measured (unit), the value and the limit it crossed, and what it means. */
    public record Reason(QualityReason code, QualityFinding.Measure measure, double measured, double limit,
                         String message, String messageEn) {
        static Reason of(QualityFinding finding) {
            return new Reason(finding.reason(), finding.measure(), finding.measured(), finding.limit(),
                    finding.message(Locale.forLanguageTag("vi")), finding.message(Locale.ENGLISH));
        }
    }

    static PageQualityView of(int page, List<QualityFinding> findings, Double meanConfidence) {
        return new PageQualityView(page, QualityVerdict.worstOf(findings), findings.stream().map(Reason::of).toList(),
                meanConfidence);
    }
}
