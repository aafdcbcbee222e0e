package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.testkit.VeraPdfJudge;

/** The register's print and CSV: every column readable in full where it matters (numbers, identity papers). */
class RegisterPrintTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 10, 15, 0, 0, VietnamTime.OFFSET);

    static Register.Entry entry(long number, Requester requester, RegisterEntryStatus status, String voidReason) {
        return new Register.Entry("000.00.30.H42", RegisterKind.ELECTRONIC_COPY, 2026, number, "01/2026-SCTĐT/BS",
                "doc-" + number, "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở", "certifier", "Nguyễn Văn An",
                "Phó Chủ tịch UBND xã", requester,
                2, status == RegisterEntryStatus.ISSUED ? 4_000 : 0, status, AT, AT, voidReason);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aYearsPrintTotalsEachMonthAndTheYearOnAPageOfItsOwnWhenTheLastIsFull() throws IOException {
        Requester citizen = Requester.of("requester", "Nguyễn Thị Yêu Cầu", "CCCD", "048190000123", null, null);
        List<Register.Entry> entries = new ArrayList<>();
        // 62 lines fill two pages exactly (31 a page), so the totals need a third
        for (int n = 1; n <= 62; n++) {
            Register.Entry e = entry(n, citizen, n % 10 == 0 ? RegisterEntryStatus.VOID : RegisterEntryStatus.ISSUED,
                    n % 10 == 0 ? "interrupted" : null);
            // numbers 1 to 40 in November, 41 to 62 in December (23:30 on the 31st in Vietnam is still December)
            OffsetDateTime at = n <= 40 ? AT : OffsetDateTime.of(2026, 12, 31, 23, 30, 0, 0, VietnamTime.OFFSET);
            entries.add(new Register.Entry(e.agencyCode(), e.kind(), e.year(), e.number(), e.book(), e.documentId(),
                    e.documentTitle(), e.certifier(), e.certifierName(), e.certifierTitle(), e.requester(), e.copies(), e.feeVnd(), e.status(), at, at,
                    e.voidReason()));
        }
        assertThat(RegisterPrint.byMonth(entries)).extracting(RegisterPrint.MonthTotals::month).containsExactly(11, 12);

        byte[] pdf = RegisterPrint.pdf("UBND xã Hòa Phong", "000.00.30.H42", RegisterKind.ELECTRONIC_COPY, "Năm 2026",
                entries, ZonedDateTime.of(2027, 1, 2, 8, 0, 0, 0, VietnamTime.ZONE));
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();
        String printed = text(pdf);
        assertThat(printed).contains("Tháng 11: 40 số, 36 số đã cấp (72 bản), 4 số hủy; lệ phí 144.000 đồng.")
                .contains("Tháng 12: 22 số, 20 số đã cấp (40 bản), 2 số hủy; lệ phí 80.000 đồng.")
                .contains("Tổng cộng: 62 số, 56 số đã cấp (112 bản), 6 số hủy; lệ phí 224.000 đồng.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            lastPage.setEndPage(document.getNumberOfPages());
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(lastPage.getText(document)).contains("Tổng cộng: 62 số").contains("Trang 3/3")
                    .as("no line left for the last page").doesNotContain("Quyển số", "Nguyễn Thị Yêu Cầu");
        }
        // a month's print has no month lines, only its total
        assertThat(text(RegisterPrint.pdf("UBND xã Hòa Phong", "000.00.30.H42", RegisterKind.ELECTRONIC_COPY,
                "Tháng 11 năm 2026", entries.subList(0, 40), ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0,
                        VietnamTime.ZONE)))).doesNotContain("Tháng 11:").contains("Tổng cộng: 40 số");
    }

    @Test
    void theRequestersNameAndWholeIdentityNumberArePrintedOnTheRegistersLine() throws IOException {
        Requester citizen = Requester.of("requester", "Nguyễn Thị Yêu Cầu", "CCCD", "048190000123", null, null);
        Requester foreigner = Requester.of("requester", "John Smith", "PASSPORT", "C12345678", null, null);
        List<Register.Entry> entries = List.of(entry(1, citizen, RegisterEntryStatus.ISSUED, null),
                entry(2, foreigner, RegisterEntryStatus.VOID, "SigningException: revoked"),
                entry(3, null, RegisterEntryStatus.ISSUED, null));

        byte[] pdf = RegisterPrint.pdf("UBND xã Hòa Phong", "000.00.30.H42", RegisterKind.ELECTRONIC_COPY,
                "Tháng 11 năm 2026", entries, ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, VietnamTime.ZONE));
        assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();
        String printed;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            printed = new PDFTextStripper().getText(document);
        }
        assertThat(printed).contains("Người yêu cầu", "Giấy tờ tùy thân", "Số bản")
                .contains("Nguyễn Thị Yêu Cầu", "CCCD 048190000123", "Hộ chiếu C12345678", "Nguyễn Văn An")
                .contains("01/2026-SCTĐT/BS", "30/11/2026 10:15")
                .contains("Tổng cộng: 3 số, 2 số đã cấp (4 bản), 1 số hủy; lệ phí 8.000 đồng.");

        String csv = new String(RegisterPrint.csv(entries), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).contains(",Nguyễn Thị Yêu Cầu,CCCD,048190000123,certifier,Nguyễn Văn An,Phó Chủ tịch UBND xã,2,4000,ISSUED,")
                .contains(",John Smith,PASSPORT,C12345678,certifier,Nguyễn Văn An,Phó Chủ tịch UBND xã,2,0,VOID,SigningException: revoked")
                .contains(",,,,certifier,Nguyễn Văn An,Phó Chủ tịch UBND xã,2,4000,ISSUED,");

        // a title typed as a formula opens as text in a spreadsheet (OWASP CSV injection)
        Register.Entry formula = new Register.Entry("000.00.30.H42", RegisterKind.ELECTRONIC_COPY, 2026, 4,
                "01/2026-SCTĐT/BS", "doc-4", "=HYPERLINK(\"http://evil.example\",\"Xem\")", "certifier",
                "Nguyễn Văn An", "@admin", null, 1, 2_000, RegisterEntryStatus.ISSUED, AT, AT, null);
        String injected = new String(RegisterPrint.csv(List.of(formula)), StandardCharsets.UTF_8);
        assertThat(injected).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Xem\"\")\",")
                .contains(",'@admin,").doesNotContain(",=HYPERLINK").doesNotContain(",@admin");
    }
}
