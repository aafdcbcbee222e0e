package vn.sohoa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.testkit.SharedCorpus;

class ScanDecoderTest {

    private final ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);

    private static ScanFile corpus(String file) throws IOException {
        return ScanFile.accept(file, Files.readAllBytes(SharedCorpus.corpus(file)), IngestLimits.DEFAULTS);
    }

    /** A one-page PDF holding the JPEG as it is (DCTDecode), as scanners and img2pdf write them. */
    static byte[] pdfWithJpeg(byte[] jpeg, boolean invertedDecode) throws IOException {
        try (PDDocument document = new PDDocument()) {
            var image = JPEGFactory.createFromByteArray(document, jpeg);
            if (invertedDecode) {
                COSArray decode = new COSArray();
                for (int i = 0; i < image.getColorSpace().getNumberOfComponents(); i++) {
                    decode.add(COSInteger.ONE);
                    decode.add(COSInteger.ZERO);
                }
                image.getCOSObject().setItem(COSName.DECODE, decode);
            }
            var page = new PDPage(new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300));
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aJpegInAPdfIsDecodedAsTheJpegFileItselfIs() throws IOException {
        ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
        for (String name : List.of("scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg",
                "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg")) {
            byte[] jpeg = Files.readAllBytes(SharedCorpus.corpus(name));
            BufferedImage expected = ImageIO.read(new ByteArrayInputStream(jpeg));
            byte[] pdf = pdfWithJpeg(jpeg, false);
            try (var document = Loader.loadPDF(pdf)) {
                var image = (PDImageXObject) document.getPage(0)
                        .getResources().getXObject(document.getPage(0).getResources().getXObjectNames().iterator().next());
                assertThat(ScanDecoder.plainJpeg(image)).as(name + ": the direct way").isNotNull();
            }
            var page = decoder.decode(List.of(ScanFile.accept("scan.pdf", pdf, IngestLimits.DEFAULTS))).get(0);
            assertThat(page.width()).isEqualTo(expected.getWidth());
            assertThat(page.dpi()).isEqualTo(300);
            for (int y = 0; y < expected.getHeight(); y += 97) {
                for (int x = 0; x < expected.getWidth(); x += 89) {
                    assertThat(page.image().getRGB(x, y)).as("%s at %d,%d", name, x, y).isEqualTo(expected.getRGB(x, y));
                }
            }
            // a Decode array is not the JPEG's to apply: the direct way steps aside for PDFBox's
            try (var document = Loader.loadPDF(pdfWithJpeg(jpeg, true))) {
                var image = (PDImageXObject) document.getPage(0)
                        .getResources().getXObject(document.getPage(0).getResources().getXObjectNames().iterator().next());
                assertThat(ScanDecoder.plainJpeg(image)).as(name + " with a Decode array").isNull();
            }
        }
    }

    @Test
    void sniffsByContentNotByName() throws IOException {
        byte[] png = Files.readAllBytes(SharedCorpus.corpus("clean/a01.png"));
        assertThat(ScanFile.accept("scan.pdf", png, IngestLimits.DEFAULTS).format()).isEqualTo(ScanFormat.PNG);
        assertThatThrownBy(() -> ScanFile.accept("scan.png", "GIF89a....".getBytes(), IngestLimits.DEFAULTS))
                .isInstanceOf(ScanRejectedException.class)
                .satisfies(e -> assertThat(((ScanRejectedException) e).reason())
                        .isEqualTo(ScanRejectedException.Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> ScanFile.accept("empty.png", new byte[0], IngestLimits.DEFAULTS))
                .hasMessageContaining("empty");
    }

    @Test
    void readsResolutionAndPagesOfEveryCorpusFormat() throws IOException {
        List<PageImage> pages = decoder.decode(List.of(
                corpus("scans/s03_a03_skew+1.8_g4_200dpi.tif"),
                corpus("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif"),
                corpus("scans/s11_a05+a06_2pages_img2pdf_jpeg75_300dpi.pdf"),
                corpus("clean/a08.jpg")));

        assertThat(pages).extracting(PageImage::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(pages.get(0).dpi()).isEqualTo(200);
        assertThat(pages.get(0).image().getColorModel().getPixelSize()).isEqualTo(1);
        assertThat(pages.get(1).dpi()).isEqualTo(300);
        assertThat(pages.get(3).dpi()).isEqualTo(300);
        assertThat(pages.get(3).width()).isEqualTo(2481);
        assertThat(pages.get(5).dpi()).isEqualTo(300);
    }

    @Test
    void refusesTooManyPixelsBeforeDecoding() throws IOException {
        ScanDecoder strict = new ScanDecoder(new IngestLimits(1 << 26, 10, 1_000_000, 300));
        assertThatThrownBy(() -> strict.decode(List.of(corpus("clean/a01.png"))))
                .isInstanceOf(ScanRejectedException.class)
                .hasMessageContaining("limit is 1000000");
    }

    @Test
    void refusesTooManyPages() throws IOException {
        ScanDecoder strict = new ScanDecoder(new IngestLimits(1 << 26, 1, 80_000_000, 300));
        assertThatThrownBy(() -> strict.decode(List.of(corpus("scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif"))))
                .isInstanceOf(ScanRejectedException.class)
                .satisfies(e -> assertThat(((ScanRejectedException) e).reason())
                        .isEqualTo(ScanRejectedException.Reason.TOO_MANY_PAGES));
    }

    @Test
    void refusesEncryptedAndTruncatedFiles() throws IOException {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(encrypted);
        }
        ScanFile pdf = ScanFile.accept("locked.pdf", encrypted.toByteArray(), IngestLimits.DEFAULTS);
        assertThatThrownBy(() -> decoder.decode(List.of(pdf)))
                .isInstanceOf(ScanRejectedException.class)
                .satisfies(e -> assertThat(((ScanRejectedException) e).reason())
                        .isEqualTo(ScanRejectedException.Reason.ENCRYPTED_PDF));

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] truncated = Arrays.copyOf(png.toByteArray(), 60);
        ScanFile broken = ScanFile.accept("cut.png", truncated, IngestLimits.DEFAULTS);
        assertThatThrownBy(() -> decoder.decode(List.of(broken)))
                .isInstanceOf(ScanRejectedException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void resolutionIsEstimatedWhenMissingOrImplausible() throws IOException {
        // an A4 page at 200 dpi written without any resolution (ImageIO's PNG writer adds no pHYs)
        BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        List<PageImage> decoded = decoder.decode(List.of(ScanFile.accept("no-dpi.png", png.toByteArray(),
                IngestLimits.DEFAULTS)));
        assertThat(decoded.get(0).dpi()).isEqualTo(200);

        assertThat(Resolution.of(OptionalInt.of(72), 2481, 3508, 300)).as("72 dpi would be a 49-inch page")
                .isEqualTo(300);
        assertThat(Resolution.of(OptionalInt.of(300), 2481, 3508, 150)).isEqualTo(300);
        assertThat(Resolution.estimate(2550, 3300)).hasValue(300); // Letter
        assertThat(Resolution.estimate(1000, 200)).isEmpty(); // a strip, not a paper
    }
}
