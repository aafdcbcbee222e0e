package vn.sohoa.ocr.quality;

import java.util.Locale;
import java.util.Objects;

/**
 * One defect found on a page: the reason, what was measured, in which unit, and the configured limit it crossed
 * ({@link Measure#NONE} and zeros where the reason has no measure, e.g. a bilevel scan).
 */
public record QualityFinding(QualityReason reason, Measure measure, double measured, double limit) {

    /** What a finding's numbers measure, named in Vietnamese and English. */
    public enum Measure {
        NONE("", ""),
        DPI("độ phân giải, dpi", "resolution, dpi"),
        BLUR_MM("độ nhòe nét chữ, mm", "edge blur, mm"),
        MARGIN_MM("lề nhỏ nhất, mm", "smallest margin, mm"),
        CORNER_SHARE("phần góc bị che", "share of a corner covered"),
        GREY_SPREAD("chênh lệch mức xám giữa chữ và nền", "grey levels between ink and paper"),
        PAPER_LEVEL("mức sáng của nền giấy (0–255)", "paper brightness (0–255)"),
        INK_LEVEL("mức sáng của chữ (0–255)", "ink brightness (0–255)"),
        CONTRAST("độ tương phản, mức xám", "contrast, grey levels"),
        DEGREES("góc nghiêng, độ", "skew, degrees"),
        CONFIDENCE("điểm tin cậy trung bình (0–100)", "mean confidence (0–100)");

        private final String vietnamese;
        private final String english;

        Measure(String vietnamese, String english) {
            this.vietnamese = vietnamese;
            this.english = english;
        }
    }

    public QualityFinding {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(measure, "measure");
    }

    /** E.g. {@code "ảnh bị mờ, nét chữ nhòe (độ nhòe nét chữ, mm: 0.41; giới hạn 0.25)"}. */
    public String message(Locale locale) {
        boolean vietnamese = "vi".equals(locale.getLanguage());
        String text = vietnamese ? reason.vietnamese() : reason.english();
        if (measure == Measure.NONE) {
            return text;
        }
        return String.format(Locale.ROOT, vietnamese ? "%s (%s: %s; giới hạn %s)" : "%s (%s: %s; limit %s)", text,
                vietnamese ? measure.vietnamese : measure.english, shown(measured), shown(limit));
    }

    private static String shown(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
