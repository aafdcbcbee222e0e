package vn.sohoa.app.certify;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.ocr.pdfa.PdfAIdentity;

/**
 * The written refusal (văn bản từ chối) given to the requester: a one-page PDF/A-2b in Vietnamese with the agency,
 * the paper, the ground and its legal basis, the date and who refused. Made from the recorded refusal, so printing it
 * again gives the same text.
 */
final class RefusalNotice {

    private static final float MARGIN = 64;
    private static final float SIZE = 12;
    private static final float LEADING = 17;

    private RefusalNotice() {
    }

    static byte[] pdf(Refusal refusal, String agencyName) {
        ZonedDateTime at = refusal.refusedAt().atZoneSameInstant(VietnamTime.ZONE);
        return PdfText.onePagePdfA(new PdfAIdentity.Description(
                "Thông báo từ chối chứng thực — " + refusal.paperTitle(), refusal.refusedByName(),
                "Refusal to certify a copy from the original / Thông báo từ chối chứng thực bản sao, " + agencyName,
                agencyName + " (" + refusal.agencyCode() + ")", null, at), "refusal notice", (content, font) -> {
                float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
                float y = PDRectangle.A4.getHeight() - MARGIN;
                PdfText.centred(content, font, SIZE, y, agencyName.toUpperCase(
                        Locale.forLanguageTag("vi")));
                y -= LEADING;
                PdfText.centred(content, font, SIZE, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                y -= LEADING;
                PdfText.centred(content, font, SIZE, y, "Độc lập - Tự do - Hạnh phúc");
                y -= LEADING;
                y -= LEADING;
                PdfText.centred(content, font, 14, y, "THÔNG BÁO");
                y -= LEADING;
                PdfText.centred(content, font, SIZE, y, "Về việc từ chối chứng thực bản sao từ bản chính");
                y -= LEADING;
                y -= LEADING;
                List<String> paragraphs = new ArrayList<>();
                paragraphs.add("Kính gửi: " + (refusal.requester() == null ? "Người yêu cầu chứng thực"
                        : refusal.requester().fullName() + " (" + refusal.requester().identityPaperInVietnamese()
                        + ")") + ".");
                paragraphs.add(agencyName + " không thực hiện chứng thực bản sao từ bản chính đối với giấy tờ: \""
                        + refusal.paperTitle() + "\"" + (refusal.dossierCode() == null ? ""
                        : ", hồ sơ số " + refusal.dossierCode()) + ".");
                paragraphs.add("Lý do: bản chính " + refusal.reason().vietnamese() + "."
                        + (refusal.note() == null || refusal.note().isBlank() ? "" : " Ghi chú: " + refusal.note()));
                paragraphs.add("Căn cứ: " + refusal.reason().legalBasis() + " về cấp bản sao từ sổ gốc, chứng thực "
                        + "bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch.");
                paragraphs.add("Từ chối " + (refusal.stage() == Refusal.Stage.INTAKE ? "khi tiếp nhận" :
                        "khi chứng thực") + " lúc " + String.format("%02d:%02d", at.getHour(), at.getMinute())
                        + ". Mã thông báo: " + refusal.id() + ".");
                for (String paragraph : paragraphs) {
                    for (String line : PdfText.wrap(font, SIZE, paragraph, width)) {
                        PdfText.text(content, font, SIZE, MARGIN, y, line);
                        y -= LEADING;
                    }
                    y -= LEADING / 2;
                }
                y -= LEADING;
                float right = MARGIN + width / 2;
                PdfText.text(content, font, SIZE, right, y, String.format("Ngày %02d tháng %02d năm %d",
                        at.getDayOfMonth(), at.getMonthValue(), at.getYear()));
                y -= LEADING;
                PdfText.text(content, font, SIZE, right, y, refusal.refusedByTitle() == null
                        || refusal.refusedByTitle().isBlank() ? (refusal.stage() == Refusal.Stage.INTAKE
                        ? "Người tiếp nhận" : "Người thực hiện chứng thực") : refusal.refusedByTitle());
                y -= 3 * LEADING;
                PdfText.text(content, font, SIZE, right, y, refusal.refusedByName());
            });
    }
}
