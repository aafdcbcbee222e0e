package vn.sohoa.app.certify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.util.Csv;
import vn.sohoa.ocr.pdfa.PdfAFlavour;
import vn.sohoa.ocr.pdfa.PdfAIdentity;

/**
 * The register as it is printed and bound each month, and merged at year end (domain notes): a PDF/A-2b on A4
 * landscape with one row per number — void numbers included, with their reason — and the totals; and the same
 * rows as CSV (UTF-8 with a byte-order mark, which spreadsheet programs need to read Vietnamese).
 */
final class RegisterPrint {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final float MARGIN = 36;
    private static final float ROW = 14;
    private static final float FONT_SIZE = 8;
    private static final String[] HEADERS = {"Số", "Quyển số", "Ngày giờ", "Giấy tờ (bản chính)", "Người yêu cầu",
        "Giấy tờ tùy thân", "Người thực hiện", "Số bản", "Lệ phí (đ)", "Tình trạng / Ghi chú"};
    private static final float[] WIDTHS = {30, 84, 80, 106, 100, 104, 76, 34, 48, 108};

    /** Totals of the rows printed. */
    record Totals(long numbers, long issued, long voided, long copies, long fees) {
        static Totals of(List<Register.Entry> entries) {
            return new Totals(entries.size(),
                    entries.stream().filter(e -> e.status() == RegisterEntryStatus.ISSUED).count(),
                    entries.stream().filter(e -> e.status() == RegisterEntryStatus.VOID).count(),
                    entries.stream().filter(e -> e.status() == RegisterEntryStatus.ISSUED)
                            .mapToLong(Register.Entry::copies).sum(),
                    entries.stream().mapToLong(Register.Entry::feeVnd).sum());
        }
    }

    /** The totals of one month of a year's register. */
    record MonthTotals(int month, Totals totals) {
    }

    /** The totals of each month that has entries (by the month a number was given, Vietnam time), in order. */
    static List<MonthTotals> byMonth(List<Register.Entry> entries) {
        SortedMap<Integer, List<Register.Entry>> months = new TreeMap<>();
        for (Register.Entry e : entries) {
            months.computeIfAbsent(e.reservedAt().atZoneSameInstant(VietnamTime.ZONE).getMonthValue(),
                    month -> new ArrayList<>()).add(e);
        }
        return months.entrySet().stream().map(m -> new MonthTotals(m.getKey(), Totals.of(m.getValue()))).toList();
    }

    private RegisterPrint() {
    }

    static byte[] csv(List<Register.Entry> entries) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("so_chung_thuc,quyen_so,thoi_diem,giay_to,ma_tai_lieu,nguoi_yeu_cau,loai_giay_to_tuy_than,"
                + "so_giay_to_tuy_than,nguoi_thuc_hien,ho_ten_nguoi_thuc_hien,chuc_danh,so_ban,le_phi_dong,tinh_trang,ly_do_huy\r\n");
        for (Register.Entry e : entries) {
            Requester requester = e.requester();
            out.append(e.number()).append(',').append(cell(e.book())).append(',')
                    .append(e.reservedAt()).append(',').append(cell(e.documentTitle())).append(',')
                    .append(e.documentId()).append(',')
                    .append(requester == null ? "" : cell(requester.fullName())).append(',')
                    .append(requester == null ? "" : requester.idType().name()).append(',')
                    .append(requester == null ? "" : cell(requester.idNumber())).append(',')
                    .append(cell(e.certifier())).append(',').append(cell(e.certifierName())).append(',')
                    .append(cell(e.certifierTitle() == null ? "" : e.certifierTitle())).append(',')
                    .append(e.copies()).append(',').append(e.feeVnd()).append(',').append(e.status()).append(',')
                    .append(cell(e.voidReason() == null ? "" : e.voidReason())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        return Csv.cell(value);
    }

    /**
     * @param agencyName the agency keeping the register
     * @param period     e.g. "Tháng 11 năm 2026" or "Năm 2026"
     */
    static byte[] pdf(String agencyName, String agencyCode, RegisterKind kind, String period,
                      List<Register.Entry> entries, ZonedDateTime printedAt) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PdfAIdentity.font(document);
            List<List<String>> rows = new ArrayList<>();
            NumberFormat money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
            for (Register.Entry e : entries) {
                String state = switch (e.status()) {
                    case ISSUED -> "Đã cấp";
                    case PENDING -> "Đang xử lý";
                    case VOID -> "Hủy: " + e.voidReason();
                };
                Requester requester = e.requester();
                rows.add(List.of(String.valueOf(e.number()), e.book(), DATE_TIME.format(e.reservedAt()),
                        e.documentTitle(), requester == null ? "" : requester.fullName(),
                        requester == null ? "" : identityPaper(requester), e.certifierName(),
                        String.valueOf(e.copies()), money.format(e.feeVnd()), state));
            }
            // the totals close the print: each month's when the print covers more than one, then the whole
            List<String> summary = new ArrayList<>();
            List<MonthTotals> months = byMonth(entries);
            if (months.size() > 1) {
                for (MonthTotals month : months) {
                    summary.add("Tháng " + month.month() + ": " + totalsText(month.totals(), money));
                }
            }
            summary.add("Tổng cộng: " + totalsText(Totals.of(entries), money));
            PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float usable = landscape.getHeight() - 2 * MARGIN - 70;
            int perPage = Math.max(1, (int) (usable / ROW) - 1);
            int rowPages = Math.max(1, (rows.size() + perPage - 1) / perPage);
            int onLastPage = rows.size() - (rowPages - 1) * perPage;
            // the summary goes under the last rows when it fits there, else on a page of its own
            boolean summaryPage = (onLastPage + 1) * ROW + 10 + summary.size() * ROW > usable;
            int pageCount = rowPages + (summaryPage ? 1 : 0);
            for (int p = 0; p < pageCount; p++) {
                PDPage page = new PDPage(landscape);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = landscape.getHeight() - MARGIN;
                    text(content, font, 13, MARGIN, y, "SỔ CHỨNG THỰC BẢN SAO ĐIỆN TỬ TỪ BẢN CHÍNH (" + kind.code()
                            + ")");
                    y -= 18;
                    text(content, font, 10, MARGIN, y, agencyName + " (" + agencyCode + ") — " + period);
                    y -= 24;
                    if (p < rowPages) {
                        y = row(content, font, y, List.of(HEADERS));
                        for (List<String> row : rows.subList(Math.min(rows.size(), p * perPage),
                                Math.min(rows.size(), (p + 1) * perPage))) {
                            y = row(content, font, y, row);
                        }
                    }
                    if (p == pageCount - 1) {
                        y -= 10;
                        for (String line : summary) {
                            text(content, font, 10, MARGIN, y, line);
                            y -= ROW;
                        }
                    }
                    text(content, font, 8, MARGIN, MARGIN / 2, "In lúc " + DATE_TIME.format(printedAt)
                            + " — Trang " + (p + 1) + "/" + pageCount + " — Sohoa");
                }
            }
            PdfAIdentity.declare(document, PdfAFlavour.PDF_A_2B, new PdfAIdentity.Description(
                    "Sổ chứng thực " + kind.code() + " — " + period, agencyName,
                    "Certification register / Sổ chứng thực, " + agencyName + ", " + period,
                    agencyName + " (" + agencyCode + ")", null, printedAt));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print the register", e);
        }
    }

    private static String totalsText(Totals totals, NumberFormat money) {
        return totals.numbers() + " số, " + totals.issued() + " số đã cấp (" + totals.copies() + " bản), "
                + totals.voided() + " số hủy; lệ phí " + money.format(totals.fees()) + " đồng.";
    }

    /** The identity paper as the printed register shows it, in Vietnamese: "CCCD 0481…", "Hộ chiếu C123…". */
    private static String identityPaper(Requester requester) {
        String kind = switch (requester.idType()) {
            case CCCD -> "CCCD";
            case PASSPORT -> "Hộ chiếu";
            case OTHER -> "Giấy tờ";
        };
        return kind + " " + requester.idNumber();
    }

    private static float row(PDPageContentStream content, PDType0Font font, float y, List<String> cells)
            throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            text(content, font, FONT_SIZE, x + 2, y, fit(cells.get(i), font, WIDTHS[i] - 4));
            x += WIDTHS[i];
        }
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y - 4);
        content.lineTo(x, y - 4);
        content.stroke();
        return y - ROW;
    }

    /** Cuts a cell's text to its column, with an ellipsis: a register row is one line. */
    private static String fit(String text, PDType0Font font, float width) throws IOException {
        String value = text == null ? "" : PdfAIdentity.showable(font, Normalizer.normalize(
                text.replaceAll("\\s+", " "), Normalizer.Form.NFC), "?");
        if (font.getStringWidth(value) / 1000 * FONT_SIZE <= width) {
            return value;
        }
        while (!value.isEmpty() && font.getStringWidth(value + "…") / 1000 * FONT_SIZE > width) {
            value = value.substring(0, value.length() - 1);
        }
        return value + "…";
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        // a void reason or a title may hold characters the font lacks: shown as '?' rather than failing the print
        content.showText(PdfAIdentity.showable(font, Normalizer.normalize(text, Normalizer.Form.NFC), "?"));
        content.endText();
    }
}
