package vn.sohoa.ocr.quality;

/**
 * Why a page is flagged, with what it means for the desk (Vietnamese first, English second). Each reason carries the
 * verdict it leads to: a defect that loses content asks for a rescan, one the clerk may judge gives a warning.
 */
public enum QualityReason {
    LOW_RESOLUTION(QualityVerdict.RESCAN,
            "độ phân giải dưới mức tối thiểu", "resolution below the minimum"),
    BLURRED(QualityVerdict.RESCAN,
            "ảnh bị mờ, nét chữ nhòe", "blurred: letters are smeared"),
    BLANK(QualityVerdict.WARN,
            "trang trắng hoặc gần như trắng", "blank or nearly blank page"),
    CUT_OFF(QualityVerdict.RESCAN,
            "trang bị cắt mất lề, chữ chạm mép hoặc gấp góc", "page cut off: text touches an edge or a corner is folded"),
    TOO_DARK(QualityVerdict.RESCAN,
            "ảnh quá tối, nền giấy sẫm", "too dark: the paper reads grey"),
    TOO_LIGHT(QualityVerdict.RESCAN,
            "ảnh quá nhạt, chữ mờ", "too light: the text is faint"),
    LOW_CONTRAST(QualityVerdict.WARN,
            "độ tương phản thấp giữa chữ và nền", "low contrast between text and paper"),
    SKEWED(QualityVerdict.RESCAN,
            "trang bị nghiêng quá mức tự chỉnh được", "skewed beyond what straightening corrects"),
    COLOUR_LOST(QualityVerdict.WARN,
            "quét đen trắng: mất màu và mức xám (dấu đỏ, ảnh màu không còn thấy); cần quét màu hoặc thang xám",
            "scanned black-and-white: colour and grey levels lost (a red seal, a photo); scan in colour or greyscale"),
    LOW_CONFIDENCE(QualityVerdict.WARN,
            "nhận dạng chữ kém tin cậy", "text recognised with low confidence");

    private final QualityVerdict verdict;
    private final String vietnamese;
    private final String english;

    QualityReason(QualityVerdict verdict, String vietnamese, String english) {
        this.verdict = verdict;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public QualityVerdict verdict() {
        return verdict;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
