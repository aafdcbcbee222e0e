package vn.sohoa.app.certify;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.ocr.pdfa.PdfAIdentity;
import vn.sohoa.signing.stamp.VectorQrCode;

/**
 * The requester's receipt (biên nhận), printable at the desk: one A4 page, PDF/A-2b, in Vietnamese — what was
 * certified, for whom, the number and book, each copy's fee line and the total, and each copy's verification code
 * with the QR code of its public page.
 */
final class CopyReceipt {

    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 16;
    private static final float QR = 72;

    private CopyReceipt() {
    }

    /**
     * @param copies         the copies made under one number, in copy order
     * @param publicBaseUrl  where the verification pages are reached
     */
    static byte[] pdf(List<Certification> copies, String paperTitle, String agencyName, String publicBaseUrl) {
        Certification first = copies.get(0);
        ZonedDateTime at = first.certifiedAt().atZoneSameInstant(VietnamTime.ZONE);
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        return PdfText.onePagePdfA(new PdfAIdentity.Description(
                "Biên nhận chứng thực số " + first.registerNumber() + " — " + paperTitle, first.certifierName(),
                "Receipt for certified copies / Biên nhận chứng thực bản sao điện tử, " + agencyName,
                agencyName + " (" + first.agencyCode() + ")", null, at), "receipt", (content, font) -> {
                float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
                float y = PDRectangle.A4.getHeight() - MARGIN;
                PdfText.centred(content, font, SIZE, y, agencyName.toUpperCase(Locale.forLanguageTag("vi")));
                y -= 2 * LEADING;
                PdfText.centred(content, font, 14, y, "BIÊN NHẬN");
                y -= LEADING;
                PdfText.centred(content, font, SIZE, y, "Chứng thực bản sao điện tử từ bản chính");
                y -= 2 * LEADING;
                Requester requester = first.requester();
                String[] lines = {
                    "Người yêu cầu: " + (requester == null ? "–" : requester.fullName() + ", " + requester.identityPaperInVietnamese()),
                    "Giấy tờ (bản chính): " + paperTitle,
                    "Hồ sơ: " + first.dossierCode(),
                    "Số chứng thực: " + first.registerNumber() + "   Quyển số: " + first.book(),
                    String.format("Ngày chứng thực: %02d/%02d/%d %02d:%02d", at.getDayOfMonth(), at.getMonthValue(),
                            at.getYear(), at.getHour(), at.getMinute()),
                    "Người thực hiện chứng thực: " + first.certifierName()
                            + (first.certifierTitle() == null ? "" : ", " + first.certifierTitle()),
                    "Số bản sao: " + copies.size()};
                for (String line : lines) {
                    for (String wrapped : PdfText.wrap(font, SIZE, line, width)) {
                        PdfText.text(content, font, SIZE, MARGIN, y, wrapped);
                        y -= LEADING;
                    }
                }
                y -= LEADING / 2;
                long total = 0;
                for (Certification copy : copies) {
                    total += copy.feeVnd();
                    float top = y;
                    String fee = "Bản " + copy.copyIndex() + " – lệ phí: " + (copy.feeLine() != null ? copy.feeLine()
                            : money.format(copy.feeVnd()) + " đ");
                    for (String wrapped : PdfText.wrap(font, SIZE, fee, width - QR - 12)) {
                        PdfText.text(content, font, SIZE, MARGIN, y, wrapped);
                        y -= LEADING;
                    }
                    if (copy.verificationCode() != null) {
                        // every line keeps clear of the QR code beside it: text over a code stops phones reading it
                        for (String wrapped : PdfText.wrap(font, SIZE, "Mã kiểm tra: " + copy.verificationCode(),
                                width - QR - 12)) {
                            PdfText.text(content, font, SIZE, MARGIN, y, wrapped);
                            y -= LEADING;
                        }
                        for (String wrapped : PdfText.wrap(font, 9, "Quét mã QR hoặc mở " + publicBaseUrl + "/v/"
                                + copy.id() + " và nhập mã kiểm tra để xem và tải bản sao.", width - QR - 12)) {
                            PdfText.text(content, font, 9, MARGIN, y, wrapped);
                            y -= 12;
                        }
                        VectorQrCode.draw(content, publicBaseUrl + "/v/" + copy.id() + "?h=" + copy.verificationHint(),
                                MARGIN + width - QR, top - QR + SIZE, QR);
                    }
                    y = Math.min(y, top - QR) - LEADING;
                }
                PdfText.text(content, font, 12, MARGIN, y, "Tổng lệ phí: " + money.format(total) + " đồng");
            });
    }
}
