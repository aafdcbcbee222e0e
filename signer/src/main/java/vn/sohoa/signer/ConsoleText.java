package vn.sohoa.signer;

import java.util.List;

/** What the agent shows before signing, in Vietnamese then English, the same in a terminal and in a window. */
final class ConsoleText {

    private ConsoleText() {
    }

    static String summary(List<UserConsent.SigningSummary> summaries) {
        StringBuilder shown = new StringBuilder(summaries.size() == 1
                ? "Ký số bản sao / Sign this certified copy:\n"
                : "Ký số " + summaries.size() + " bản sao / Sign " + summaries.size() + " certified copies:\n");
        for (UserConsent.SigningSummary s : summaries) {
            shown.append("  Hồ sơ / dossier: ").append(s.dossierCode()).append('\n')
                    .append("  Giấy tờ / paper: ").append(s.paperTitle()).append('\n')
                    .append("  Số chứng thực / register number: ").append(s.registerNumber()).append('\n')
                    .append("  Số trang / pages: ").append(s.pageCount()).append('\n')
                    .append("  SHA-256: ").append(s.documentSha256()).append('\n');
        }
        return shown.append("  Trang yêu cầu / asked by: ").append(summaries.get(0).origin()).append('\n')
                .append("  Chứng thư / certificate: ").append(summaries.get(0).certificateSubject()).append('\n')
                .append("Đồng ý ký? / Sign?").toString();
    }
}
