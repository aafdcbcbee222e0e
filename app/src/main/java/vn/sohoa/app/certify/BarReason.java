package vn.sohoa.app.certify;

/** Why an original may not be certified from (NĐ 23/2015, art. 22). */
public enum BarReason {
    ERASED("bị tẩy xóa"),
    ALTERED("bị sửa chữa, thêm, bớt nội dung"),
    DAMAGED("bị hư hỏng, cũ nát, không xác định được nội dung"),
    FORBIDDEN_CONTENT("có nội dung trái pháp luật, đạo đức xã hội"),
    UNLAWFULLY_ISSUED("cấp sai thẩm quyền hoặc giả mạo"),
    OTHER("lý do khác");

    private final String vietnamese;

    BarReason(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
