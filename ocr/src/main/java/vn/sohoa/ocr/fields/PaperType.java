package vn.sohoa.ocr.fields;

import java.util.List;

/**
 * The kinds of paper a one-stop desk sees most, recognised from the words of the paper's title. The code is what
 * {@code paperType} carries in the API and what the PDF/A's XMP records.
 */
public enum PaperType {
    CITIZEN_ID_CARD("Căn cước công dân", "Citizen identity card", List.of("CĂN CƯỚC", "CITIZEN IDENTITY", "IDENTITY CARD")),
    BIRTH_CERTIFICATE("Giấy khai sinh", "Birth certificate", List.of("KHAI SINH", "BIRTH CERTIFICATE")),
    MARRIAGE_CERTIFICATE("Giấy chứng nhận kết hôn", "Marriage certificate", List.of("KẾT HÔN", "MARRIAGE")),
    RESIDENCE_CONFIRMATION("Giấy xác nhận cư trú", "Residence confirmation",
            List.of("CƯ TRÚ", "HỘ KHẨU", "TẠM TRÚ", "THƯỜNG TRÚ")),
    LAND_USE_RIGHT_CERTIFICATE("Giấy chứng nhận quyền sử dụng đất", "Land use right certificate",
            List.of("QUYỀN SỬ DỤNG ĐẤT", "SỬ DỤNG ĐẤT")),
    DIPLOMA("Văn bằng", "Diploma", List.of("BẰNG CỬ NHÂN", "BẰNG TỐT NGHIỆP", "BẰNG KỸ SƯ", "BẰNG THẠC SĨ",
            "BẰNG TIẾN SĨ", "DEGREE OF", "DIPLOMA")),
    CONTRACT("Hợp đồng", "Contract", List.of("HỢP ĐỒNG")),
    APPLICATION_FORM("Đơn, tờ khai", "Application form", List.of("ĐƠN ", "TỜ KHAI", "PHIẾU ĐỀ NGHỊ", "PHIẾU YÊU CẦU")),
    OTHER("Giấy tờ khác", "Other paper", List.of());

    private final String vietnamese;
    private final String english;
    private final List<String> titleWords;

    PaperType(String vietnamese, String english, List<String> titleWords) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.titleWords = titleWords;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** Whether an upper-case title line names this kind of paper. */
    boolean names(String title) {
        String padded = title + " ";
        return titleWords.stream().anyMatch(word -> word.endsWith(" ") ? padded.startsWith(word)
                : padded.contains(word));
    }
}
