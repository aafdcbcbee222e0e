package vn.sohoa.app.certify;

/**
 * Why an original may not be copied and certified: the six grounds of NĐ 23/2015/NĐ-CP art. 22, each with its clause,
 * and two the desk also meets (a paper issued without competence or forged; another reason, written in the note).
 */
public enum BarReason {
    ERASED("bị tẩy xóa nội dung không hợp lệ", 1),
    ALTERED("bị sửa chữa, thêm, bớt nội dung không hợp lệ", 1),
    DAMAGED("bị hư hỏng, cũ nát, không xác định được nội dung", 2),
    SECRET_OR_NO_COPY("đóng dấu mật của cơ quan, tổ chức có thẩm quyền hoặc ghi rõ không được sao chụp", 3),
    FORBIDDEN_CONTENT("có nội dung trái pháp luật, đạo đức xã hội; tuyên truyền, kích động chiến tranh, chống chế độ "
            + "xã hội chủ nghĩa Việt Nam; xuyên tạc lịch sử; xúc phạm danh dự, nhân phẩm, uy tín của cá nhân, tổ "
            + "chức; vi phạm quyền công dân", 4),
    FOREIGN_NOT_LEGALISED("do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp, công chứng hoặc chứng nhận mà chưa "
            + "được hợp pháp hóa lãnh sự (trừ trường hợp được miễn theo khoản 1 Điều 20)", 5),
    PERSONAL_UNCONFIRMED("do cá nhân tự lập mà không có xác nhận và đóng dấu của cơ quan, tổ chức có thẩm quyền", 6),
    UNLAWFULLY_ISSUED("được cấp sai thẩm quyền hoặc giả mạo", 0),
    OTHER("lý do khác", 0);

    private final String vietnamese;
    /** The clause of art. 22, or 0 when the ground is not one of its six. */
    private final int clause;

    BarReason(String vietnamese, int clause) {
        this.vietnamese = vietnamese;
        this.clause = clause;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** The legal basis as a refusal notice cites it. */
    public String legalBasis() {
        return clause == 0 ? "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ"
                : "khoản " + clause + " Điều 22 Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ";
    }
}
