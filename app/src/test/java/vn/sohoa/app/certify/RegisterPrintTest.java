package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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
                "doc-" + number, "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở", "certifier", requester,
                2, status == RegisterEntryStatus.ISSUED ? 4_000 : 0, status, AT, AT, voidReason);
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
                .contains("Nguyễn Thị Yêu Cầu", "CCCD 048190000123", "Hộ chiếu C12345678")
                .contains("01/2026-SCTĐT/BS", "30/11/2026 10:15")
                .contains("Tổng cộng: 3 số, 2 số đã cấp (4 bản), 1 số hủy; lệ phí 8.000 đồng.");

        String csv = new String(RegisterPrint.csv(entries), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).contains(",Nguyễn Thị Yêu Cầu,CCCD,048190000123,certifier,2,4000,ISSUED,")
                .contains(",John Smith,PASSPORT,C12345678,certifier,2,0,VOID,SigningException: revoked")
                .contains(",,,,certifier,2,4000,ISSUED,");
    }
}
