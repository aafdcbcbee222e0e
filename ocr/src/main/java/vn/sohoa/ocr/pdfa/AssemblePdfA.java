package vn.sohoa.ocr.pdfa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

import vn.sohoa.core.document.DigitizationMarker;
import vn.sohoa.ocr.OcrPage;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.OcrWord;

/**
 * Builds a PDF/A (2b by default, 2u or 3b as chosen): each page is its scan image with an invisible text layer (rendering mode 3) placed word by word
 * on the image, in an embedded subset of Liberation Sans (it covers Vietnamese); XMP metadata with the PDF/A
 * identification and the "converted from paper" marker; an sRGB output intent.
 */
public final class AssemblePdfA {

    public static final String PRODUCER = PdfAIdentity.PRODUCER;
    private static final float POINTS_PER_INCH = 72f;
    /**
     * A line's height above its baseline (capitals with stacked Vietnamese marks) per point of font size. Text
     * extractors group words into lines and columns by font size: too large a size merges neighbouring lines and the
     * two columns of a header. Tuned on half the corpus (a01–a04) by {@code bench/ocr-tune}, reported on the other.
     */
    public static final float LINE_HEIGHT_PER_FONT_SIZE = 1.3f;

    private final PdfAFlavour flavour;
    private final float lineHeightPerFontSize;

    public AssemblePdfA(PdfAFlavour flavour) {
        this(flavour, LINE_HEIGHT_PER_FONT_SIZE);
    }

    /** With another line height per point of font size: for tuning that constant ({@code bench/ocr-tune}). */
    public AssemblePdfA(PdfAFlavour flavour, float lineHeightPerFontSize) {
        if (!(lineHeightPerFontSize > 0)) {
            throw new IllegalArgumentException("lineHeightPerFontSize must be positive: " + lineHeightPerFontSize);
        }
        this.flavour = flavour;
        this.lineHeightPerFontSize = lineHeightPerFontSize;
    }

    public byte[] apply(List<OcrPage> pages, DigitizationMarker marker) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = loadFont(document);
            Map<Integer, Boolean> encodable = new HashMap<>();
            for (OcrPage page : pages) {
                addPage(document, page, font, encodable);
            }
            writeMetadata(document, marker);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble the PDF/A", e);
        }
    }

    static PDType0Font loadFont(PDDocument document) throws IOException {
        return PdfAIdentity.font(document);
    }

    private void addPage(PDDocument document, OcrPage page, PDType0Font font, Map<Integer, Boolean> encodable)
            throws IOException {
        EncodedImage image = page.image();
        float scale = POINTS_PER_INCH / page.dpi();
        float width = image.width() * scale;
        float height = image.height() * scale;
        PDPage pdfPage = new PDPage(new PDRectangle(width, height));
        document.addPage(pdfPage);
        PDImageXObject xObject = switch (image.encoding()) {
            case CCITT_G4 -> groupFourImage(document, image);
            case JPEG -> JPEGFactory.createFromByteArray(document, image.data());
            case PNG -> LosslessFactory.createFromImage(document,
                    ImageIO.read(new ByteArrayInputStream(image.data())));
        };
        try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
            content.drawImage(xObject, 0, 0, width, height);
            content.beginText();
            content.setRenderingMode(RenderingMode.NEITHER);
            for (OcrLine line : page.lines()) {
                writeLine(content, line, font, encodable, scale, height);
            }
            content.endText();
        }
    }

    /** An image XObject around G4 data compressed on the worker (what CCITTFactory builds, without re-encoding). */
    private static PDImageXObject groupFourImage(PDDocument document, EncodedImage image) throws IOException {
        PDImageXObject xObject = new PDImageXObject(document, new ByteArrayInputStream(image.data()),
                COSName.CCITTFAX_DECODE, image.width(), image.height(), 1, PDDeviceGray.INSTANCE);
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.K, -1);
        parameters.setInt(COSName.COLUMNS, image.width());
        parameters.setInt(COSName.ROWS, image.height());
        parameters.setBoolean(COSName.BLACK_IS_1, image.blackIs1());
        xObject.getCOSObject().setItem(COSName.DECODE_PARMS, parameters);
        return xObject;
    }

    /**
     * Each word is stretched horizontally to its box so that selection and search highlights land on the printed
     * word, and the space after it is stretched to reach the next word, so that copied text has one space between
     * words. (Extractors still regroup words geometrically: pdftotext reads a two-column row such as the agency
     * header beside the national motto column by column; a no-break space bridge did not change that.)
     */
    private void writeLine(PDPageContentStream content, OcrLine line, PDType0Font font,
                                  Map<Integer, Boolean> encodable, float scale, float pageHeight) throws IOException {
        float fontSize = Math.max(1f, (line.baselineY() - line.box().top()) * scale / lineHeightPerFontSize);
        float baseline = pageHeight - line.baselineY() * scale;
        float spaceWidth = font.getStringWidth(" ") / 1000f * fontSize;
        content.setFont(font, fontSize);
        List<OcrWord> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            OcrWord word = words.get(i);
            String text = printable(word.text(), font, encodable);
            if (text.isEmpty()) {
                continue;
            }
            float left = word.box().left() * scale;
            float boxWidth = word.box().width() * scale;
            float natural = font.getStringWidth(text) / 1000f * fontSize;
            content.setTextMatrix(Matrix.getTranslateInstance(left, baseline));
            content.setHorizontalScaling(stretch(boxWidth, natural));
            content.showText(text);
            if (i < words.size() - 1) {
                float gap = words.get(i + 1).box().left() * scale - (left + boxWidth);
                content.setHorizontalScaling(stretch(gap, spaceWidth));
                content.showText(" ");
            }
        }
    }

    /** Horizontal scaling (percent) that makes text of the natural width fill the wanted width. */
    private static float stretch(float wanted, float natural) {
        if (natural <= 0 || wanted <= 0) {
            return 1f;
        }
        return Math.max(1f, Math.min(100_000f, wanted / natural * 100f));
    }

    /** NFC text with the code points the font cannot show left out (they would make showText fail). */
    private static String printable(String text, PDType0Font font, Map<Integer, Boolean> encodable) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (encodable.computeIfAbsent(cp, c -> PdfAIdentity.canShow(font, c))) {
                kept.appendCodePoint(cp);
            }
        });
        return kept.toString();
    }

    private void writeMetadata(PDDocument document, DigitizationMarker marker) throws IOException {
        String description = "Converted from paper / Số hóa từ bản giấy: " + marker.agencyName() + " ("
                + marker.agencyCode() + "), " + marker.clerk() + ", " + marker.convertedAt();
        PdfAIdentity.declare(document, flavour, new PdfAIdentity.Description(marker.title(), marker.clerk(),
                description, marker.agencyName() + " (" + marker.agencyCode() + ")", "paper original / bản giấy",
                marker.convertedAt().toZonedDateTime(), marker.paperType()));
    }
}
