package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import vn.sohoa.app.citizen.IdType;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.testkit.QrCodes;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * The requester's receipt: each copy's QR code stands clear of the text beside it, so that it reads whatever the
 * copy's address (the line that names the address once ran over the code, and some codes then could not be read).
 */
class CopyReceiptTest {

    @Test
    void everyCopysCodeReadsOnReceiptsOfManyAddresses() throws Exception {
        Random random = new Random(20261206);
        for (int receipt = 0; receipt < 20; receipt++) {
            List<Certification> copies = new ArrayList<>();
            for (int index = 1; index <= 2; index++) {
                byte[] code = new byte[16];
                random.nextBytes(code);
                copies.add(new Certification(new UUID(random.nextLong(), random.nextLong()).toString(), "document",
                        "000.00.30.H42-261123-0007", "000.00.30.H42", RegisterKind.ELECTRONIC_COPY, 2026, 12, index,
                        "01/2026-SCTĐT/BS", "certifier", "Nguyễn Văn An", "Phó Chủ tịch UBND xã",
                        OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(7)), "key", "sha", 1, 2, 4000,
                        "4.000 đồng", HexFormat.of().withUpperCase().formatHex(code), null,
                        new Requester("Nguyễn Thị Yêu Cầu", IdType.CCCD, "048190000123", null, null)));
            }
            byte[] pdf = CopyReceipt.pdf(copies, "Giấy khai sinh", "UBND xã Hòa Vang (demo)",
                    "https://chungthuc.example.vn:" + (8000 + receipt * 37));
            if (receipt == 0) {
                assertThat(VeraPdfJudge.pdfA2bFailures(pdf)).isEmpty();
            }
            try (PDDocument printed = Loader.loadPDF(pdf)) {
                List<String> read = QrCodes.readAll(new PDFRenderer(printed).renderImageWithDPI(0, 150));
                assertThat(read).as("receipt %d", receipt)
                        .containsExactlyInAnyOrder(expected(copies, 8000 + receipt * 37));
            }
        }
    }

    private static String[] expected(List<Certification> copies, int port) {
        return copies.stream().map(copy -> "https://chungthuc.example.vn:" + port + "/v/" + copy.id() + "?h="
                + copy.verificationHint()).toArray(String[]::new);
    }
}
