package vn.sohoa.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ingest.ScanRejectedException;
import vn.sohoa.ingest.TextPages;
import vn.sohoa.ocr.engine.OcrEngine;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.OrientationGuess;
import vn.sohoa.ocr.engine.Recognition;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.pdfa.ImagePolicy;
import vn.sohoa.ocr.pdfa.PdfAFlavour;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * Every input kind a scanner, a phone or a one-stop system may send, made here from a clean corpus page (a06) in the
 * form under test: each must come out as a searchable PDF/A that veraPDF passes, with the page's text.
 */
class InputKindsTest {

    static final OcrOptions OPTIONS = OcrOptions.defaults();
    static final DigitizationMarker MARKER = new DigitizationMarker("Hợp đồng", "000.00.30.H42", "UBND xã Hòa Phong",
            "Trần Thị Lan", OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
    static OcrEnginePool pool;
    static OcrPipeline pipeline;
    static BufferedImage page;
    static String truth;

    @BeforeAll
    static void start() throws IOException {
        pool = new OcrEnginePool(OPTIONS.workers(),
                () -> new TesseractOcrEngine(OPTIONS.tessdata(), OPTIONS.languages()));
        pipeline = new OcrPipeline(pool, OPTIONS);
        page = ImageIO.read(SharedCorpus.corpus("clean/a06.png").toFile());
        truth = Files.readString(SharedCorpus.corpus("gt/a06.txt"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static List<PageImage> decode(String name, byte[] content) {
        return new ScanDecoder(IngestLimits.DEFAULTS).decode(List.of(ScanFile.accept(name, content,
                IngestLimits.DEFAULTS)));
    }

    /** Digitizes and judges: PDF/A-2B by veraPDF, and the text of every page against a06's ground truth. */
    static void digitizedWell(String name, byte[] content, int expectedPages) throws IOException {
        List<PageImage> pages = decode(name, content);
        assertThat(pages).as(name).hasSize(expectedPages);
        DigitizedDocument result = pipeline.digitize(pages, MARKER, ProgressListener.NONE);
        assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).as(name).isEmpty();
        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            for (int i = 1; i <= expectedPages; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                assertThat(Cer.of(truth, stripper.getText(document))).as("%s page %d", name, i)
                        .isLessThanOrEqualTo(0.02);
            }
        }
    }

    static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = target.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, source.getWidth(), source.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return target;
    }

    static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
        return out.toByteArray();
    }

    static byte[] tiff(String compression, BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage image : pages) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(image.getColorModel().getPixelSize() == 1 ? "CCITT T.6" : compression);
                writer.writeToSequence(new IIOImage(image, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void png16BitGrey() throws IOException {
        digitizedWell("page-16bit.png", write(convert(page, BufferedImage.TYPE_USHORT_GRAY), "png"), 1);
    }

    @Test
    void pngPaletteAndAlpha() throws IOException {
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) i;
        }
        BufferedImage palette = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, levels, levels, levels));
        Graphics2D g = palette.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        digitizedWell("page-palette.png", write(palette, "png"), 1);

        BufferedImage alpha = convert(page, BufferedImage.TYPE_INT_ARGB);
        digitizedWell("page-alpha.png", write(alpha, "png"), 1);
    }

    @Test
    void jpegCmyk() throws IOException {
        // ink only in the K channel, as a print workflow writes black text
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE,
                page.getWidth(), page.getHeight(), 4, null);
        var grey = page.getRaster();
        int[] pixel = new int[4];
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                pixel[3] = 255 - grey.getSample(x, y, 0);
                cmyk.setPixel(x, y, pixel);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        digitizedWell("page-cmyk.jpg", out.toByteArray(), 1);
    }

    @Test
    void jpegWithExifOrientationComesOutUpright() throws IOException {
        // a phone's capture: pixels stored sideways (turned 90° counter-clockwise), EXIF Orientation 6 says so
        AffineTransform counterClockwise = new AffineTransform(0, -1, 1, 0, 0, page.getWidth());
        BufferedImage sideways = new AffineTransformOp(counterClockwise, AffineTransformOp.TYPE_NEAREST_NEIGHBOR)
                .filter(page, null);
        byte[] jpeg = write(convert(sideways, BufferedImage.TYPE_BYTE_GRAY), "jpeg");
        byte[] withExif = insertExifOrientation(jpeg, 6);
        List<PageImage> decoded = decode("phone.jpg", withExif);
        assertThat(decoded.get(0).height()).as("upright after EXIF").isGreaterThan(decoded.get(0).width());
        digitizedWell("phone.jpg", withExif, 1);
    }

    /** An APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) after the JFIF APP0 segment. */
    static byte[] insertExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        int afterApp0 = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterApp0);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, afterApp0, jpeg.length - afterApp0);
        return out.toByteArray();
    }

    @Test
    void tiffWithJpegCompressionAndMixedPages() throws IOException {
        BufferedImage grey = convert(page, BufferedImage.TYPE_BYTE_GRAY);
        digitizedWell("page-jpeg.tif", tiff("JPEG", grey), 1);
        BufferedImage bilevel = convert(page, BufferedImage.TYPE_BYTE_BINARY);
        digitizedWell("mixed.tif", tiff("LZW", bilevel, grey), 2);
    }

    @Test
    void signedPdfIsRefusedWithAClearReason() throws IOException {
        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                content.drawImage(LosslessFactory.createFromImage(document, convert(page,
                        BufferedImage.TYPE_BYTE_GRAY)), 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(unsigned);
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(unsigned.toByteArray())) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            // the signature value does not matter here: any signature dictionary makes the file a signed one
            document.addSignature(signature, content -> new byte[]{0x30, 0x03, 0x02, 0x01, 0x01});
            document.saveIncremental(signed);
        }
        assertThatThrownBy(() -> decode("signed.pdf", signed.toByteArray()))
                .isInstanceOf(ScanRejectedException.class)
                .hasMessageContaining("digitally signed")
                .satisfies(e -> assertThat(((ScanRejectedException) e).reason())
                        .isEqualTo(ScanRejectedException.Reason.SIGNED_PDF));
    }

    @Test
    void pdfA2uAnd3bOnRequest() throws IOException {
        List<PageImage> pages = decode("a06.png", Files.readAllBytes(SharedCorpus.corpus("clean/a06.png")));
        byte[] twoU = new OcrPipeline(pool, OPTIONS.withPdfA(PdfAFlavour.PDF_A_2U))
                .digitize(pages, MARKER, ProgressListener.NONE).pdf();
        assertThat(VeraPdfJudge.failures(twoU, PDFAFlavour.PDFA_2_U)).isEmpty();
        byte[] threeB = new OcrPipeline(pool, OPTIONS.withPdfA(PdfAFlavour.PDF_A_3B))
                .digitize(pages, MARKER, ProgressListener.NONE).pdf();
        assertThat(VeraPdfJudge.failures(threeB, PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfAFlavour.parse("pdfa-2u")).isEqualTo(PdfAFlavour.PDF_A_2U);
        assertThatThrownBy(() -> PdfAFlavour.parse("pdfa-1b")).hasMessageContaining("pdfa-1b");
    }

    @Test
    void losslessInputsStayLosslessWhenAsked() throws IOException {
        List<PageImage> png = decode("a06.png", Files.readAllBytes(SharedCorpus.corpus("clean/a06.png")));
        assertThat(png.get(0).lossless()).isTrue();
        byte[] kept = new OcrPipeline(pool, OPTIONS.withImages(ImagePolicy.KEEP_LOSSLESS))
                .digitize(png, MARKER, ProgressListener.NONE).pdf();
        assertThat(VeraPdfJudge.pdfA2bFailures(kept)).isEmpty();
        assertThat(imageFilter(kept)).isEqualTo("FlateDecode");
        byte[] recompressed = pipeline.digitize(png, MARKER, ProgressListener.NONE).pdf();
        assertThat(imageFilter(recompressed)).isEqualTo("DCTDecode");

        List<PageImage> jpeg = decode("s01.jpg",
                Files.readAllBytes(SharedCorpus.corpus("scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg")));
        assertThat(jpeg.get(0).lossless()).isFalse();
    }

    static String imageFilter(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    return image.getCOSObject().getCOSName(COSName.FILTER).getName();
                }
            }
        }
        return null;
    }

    /** Fails any call: proves that a page was not sent to OCR. */
    static final class UnusedEngine implements OcrEngine {
        @Override
        public OrientationGuess detectOrientation(BufferedImage grey, int dpi) {
            throw new AssertionError("no orientation pass expected");
        }

        @Override
        public Recognition recognize(BufferedImage grey, int dpi) {
            throw new AssertionError("no recognition expected");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void pdfPagesThatAlreadyHaveTextKeepItWithoutOcrUnlessForced() throws IOException {
        byte[] bornDigital = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        List<PageImage> pages = decode("a06.pdf", bornDigital);
        assertThat(pages.get(0).text()).isNotNull();
        try (OcrEnginePool unused = new OcrEnginePool(1, UnusedEngine::new)) {
            DigitizedDocument result = new OcrPipeline(unused, OPTIONS).digitize(pages, MARKER, ProgressListener.NONE);
            assertThat(VeraPdfJudge.pdfA2bFailures(result.pdf())).isEmpty();
            try (PDDocument document = Loader.loadPDF(result.pdf())) {
                assertThat(Cer.of(truth, new PDFTextStripper().getText(document))).isLessThanOrEqualTo(0.01);
            }
        }
        List<PageImage> forced = new ScanDecoder(IngestLimits.DEFAULTS, TextPages.FORCE_OCR).decode(
                List.of(ScanFile.accept("a06.pdf", bornDigital, IngestLimits.DEFAULTS)));
        assertThat(forced.get(0).text()).isNull();
        List<PageImage> scanned = decode("s11.pdf",
                Files.readAllBytes(SharedCorpus.corpus("scans/s11_a05+a06_2pages_img2pdf_jpeg75_300dpi.pdf")));
        assertThat(scanned).allSatisfy(page -> assertThat(page.text()).isNull());
    }

    /** An engine that never answers: Tesseract cannot be made to hang on demand, so this stand-in sleeps. */
    static final class HangingEngine implements OcrEngine {
        @Override
        public OrientationGuess detectOrientation(BufferedImage grey, int dpi) {
            return recognizeForever();
        }

        @Override
        public Recognition recognize(BufferedImage grey, int dpi) {
            return recognizeForever();
        }

        private static <T> T recognizeForever() {
            try {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPageThatTimesOutFailsWithItsReasonAndNoOutput() throws IOException {
        List<PageImage> pages = decode("a06.png", Files.readAllBytes(SharedCorpus.corpus("clean/a06.png")));
        try (OcrEnginePool hanging = new OcrEnginePool(1, HangingEngine::new)) {
            OcrPipeline slow = new OcrPipeline(hanging, OPTIONS.withPageTimeout(Duration.ofSeconds(2)));
            assertThatThrownBy(() -> slow.digitize(pages, MARKER, ProgressListener.NONE))
                    .isInstanceOf(OcrFailedException.class)
                    .hasMessageContaining("page 1")
                    .hasMessageContaining("timed out after 2 s");
        }
    }
}
