package vn.sohoa.signing.stamp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import vn.sohoa.core.document.InkMap;
import vn.sohoa.signing.keys.SigningException;

/**
 * Writes the certification statement onto the last page of a copy, in the lowest blank area of the page's right
 * half (where a signature block stands); when the page has no room, on a page appended after it. The font is
 * embedded, so a PDF/A stays PDF/A. Signing comes after this step, so the statement is covered by both signatures.
 */
public final class StampStatement {

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float FONT_SIZE = 9.5f;
    private static final float LEADING = 12.5f;
    private static final float MARGIN = 28f;
    private static final float PADDING = 6f;
    /** Resolution of the blank-space search; coarse is enough to find a free box of a few centimetres. */
    private static final float ANALYSIS_DPI = 36f;
    /** A row counts as blank when fewer than this share of its pixels is dark. */
    private static final double INK_TOLERANCE = 0.004;

    /**
     * Parsed once per thread: parsing the 400 KB font took longer than the rest of the stamp. A parsed font reads
     * its glyphs from a shared buffer while subsetting, so threads do not share one. Glyph substitution is off:
     * PDFBox's Latin GSUB worker compiles regular expressions on every {@code showText} (a third of a whole
     * certification's time), and the statement's NFC Vietnamese needs no substitution.
     */
    private static final byte[] FONT_FILE = readFont();
    private static final ThreadLocal<TrueTypeFont> FONT = ThreadLocal.withInitial(() -> {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILE));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + FONT_RESOURCE, e);
        }
    });

    /** Side of the verification QR code with its quiet zone: 2.6 cm (the code itself about 2.1 cm), readable by any
     * phone from the printed page. */
    private static final float QR_SIZE = 74f;
    private static final float QR_CAPTION_SIZE = 6.5f;
    private static final float GAP = 8f;

    private final List<StatementTemplate> versions;

    /** Stamps with the version of {@code versions} in force on each copy's certification date. */
    public StampStatement(List<StatementTemplate> versions) {
        this.versions = List.copyOf(versions);
    }

    public StampStatement(StatementTemplate template) {
        this(List.of(template));
    }

    public byte[] apply(byte[] pdf, CertificationStatement statement) {
        return apply(pdf, statement, StampImages.NONE);
    }

    public byte[] apply(byte[] pdf, CertificationStatement statement, StampImages images) {
        return apply(pdf, statement, images, null);
    }

    /**
     * @param lastPageInk where the last page has ink, measured when it was digitized; null to find out by
     *                    rendering the page (slower, and slowest for scanned pages)
     */
    public byte[] apply(byte[] pdf, CertificationStatement statement, StampImages images, InkMap lastPageInk) {
        StatementTemplate template = StatementTemplate.inForce(versions, statement.date());
        List<String> lines = template.render(statement).stream()
                .filter(line -> !line.equals(StatementTemplate.SIGNATURE_LINE) || images.any())
                .toList();
        float signatureRoom = images.any() ? images.heightPoints() : 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                throw new SigningException("the document has no page to carry the statement");
            }
            PDType0Font font = PDType0Font.load(document, FONT.get(), true);
            requireShowable(font, lines);
            float width = 0;
            for (String line : lines) {
                if (!line.equals(StatementTemplate.SIGNATURE_LINE)) {
                    width = Math.max(width, font.getStringWidth(line) / 1000f * FONT_SIZE);
                }
            }
            boolean qr = statement.verificationUrl() != null;
            float textHeight = (float) lines.stream().mapToDouble(line ->
                    line.equals(StatementTemplate.SIGNATURE_LINE) ? signatureRoom : LEADING).sum();
            float boxWidth = width + 2 * PADDING + (qr ? GAP + QR_SIZE : 0);
            float boxHeight = Math.max(textHeight, qr ? QR_SIZE + QR_CAPTION_SIZE + 4 : 0) + 2 * PADDING;

            int lastIndex = document.getNumberOfPages() - 1;
            PDPage page = document.getPage(lastIndex);
            PDRectangle media = page.getMediaBox();
            Float bottom = page.getRotation() != 0 ? null
                    : fits(lastPageInk, media) ? lowestBlankBand(lastPageInk, media, boxWidth, boxHeight)
                    : lowestBlankBand(document, lastIndex, media, boxWidth, boxHeight);
            if (bottom == null) {
                page = new PDPage(new PDRectangle(media.getWidth(), media.getHeight()));
                document.addPage(page);
                bottom = media.getHeight() - MARGIN - boxHeight;
            }
            float left = media.getWidth() - MARGIN - boxWidth;
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.setNonStrokingColor(0f, 0f, 0f);
                float y = bottom + boxHeight - PADDING;
                for (String line : lines) {
                    if (line.equals(StatementTemplate.SIGNATURE_LINE)) {
                        drawImages(document, content, images, left + PADDING, width, y - signatureRoom);
                        y -= signatureRoom;
                        continue;
                    }
                    float lineWidth = font.getStringWidth(line) / 1000f * FONT_SIZE;
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.newLineAtOffset(left + PADDING + (width - lineWidth) / 2f, y - FONT_SIZE);
                    content.showText(line);
                    content.endText();
                    y -= LEADING;
                }
                if (qr) {
                    float qrLeft = left + PADDING + width + GAP;
                    float qrBottom = bottom + boxHeight - PADDING - QR_SIZE;
                    VectorQrCode.draw(content, statement.verificationUrl(), qrLeft, qrBottom, QR_SIZE);
                    String caption = "Quét để kiểm tra / Verify";
                    float captionWidth = font.getStringWidth(caption) / 1000f * QR_CAPTION_SIZE;
                    content.beginText();
                    content.setFont(font, QR_CAPTION_SIZE);
                    content.newLineAtOffset(qrLeft + (QR_SIZE - captionWidth) / 2f, qrBottom - QR_CAPTION_SIZE - 2);
                    content.showText(caption);
                    content.endText();
                }
            }
            // an incremental update: the digitized file stays byte for byte in front, and only the statement's
            // objects are written (a scan's page image is not copied again)
            Set<COSDictionary> changed = new HashSet<>();
            changed.add(page.getCOSObject());
            changed.add(document.getPages().getCOSObject());
            if (page.getCOSObject().getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary resources) {
                changed.add(resources);
                for (COSName kind : new COSName[]{COSName.FONT, COSName.XOBJECT}) {
                    if (resources.getDictionaryObject(kind) instanceof COSDictionary named) {
                        changed.add(named);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.saveIncremental(out, changed);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("cannot write the certification statement: " + e.getMessage(), e);
        }
    }

    /**
     * A statement is a legal text: a name with a character the font lacks is refused with the character named,
     * rather than printed with a substitute.
     */
    private static void requireShowable(PDType0Font font, List<String> lines) {
        for (String line : lines) {
            line.codePoints().forEach(cp -> {
                try {
                    font.encode(new String(Character.toChars(cp)));
                } catch (IllegalArgumentException | IOException e) {
                    throw new SigningException(String.format("the statement cannot show '%s' (U+%04X) in \"%s\": "
                            + "the statement font has no glyph for it", new String(Character.toChars(cp)), cp, line));
                }
            });
        }
    }

    /** The signature image centred in the column, the seal over its left third, both {@code height} high. */
    private static void drawImages(PDDocument document, PDPageContentStream content, StampImages images,
                                   float columnLeft, float columnWidth, float bottom) throws IOException {
        float height = images.heightPoints();
        float signatureLeft = columnLeft + columnWidth / 2f;
        if (images.certifierSignaturePng() != null) {
            PDImageXObject signature = png(document, images.certifierSignaturePng(), "certifier's signature");
            float signatureWidth = height * signature.getWidth() / signature.getHeight();
            signatureLeft = columnLeft + (columnWidth - signatureWidth) / 2f;
            content.drawImage(signature, signatureLeft, bottom, signatureWidth, height);
        }
        if (images.agencySealPng() != null) {
            PDImageXObject seal = png(document, images.agencySealPng(), "agency seal");
            float sealWidth = height * seal.getWidth() / seal.getHeight();
            content.drawImage(seal, Math.max(columnLeft, signatureLeft - sealWidth * 2f / 3f), bottom, sealWidth,
                    height);
        }
    }

    private static PDImageXObject png(PDDocument document, byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new SigningException("the " + what + " image is not a PNG this service can read");
        }
        return LosslessFactory.createFromImage(document, image);
    }

    private static byte[] readFont() {
        try (InputStream in = StampStatement.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from PDFBox: " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FONT_RESOURCE, e);
        }
    }

    /**
     * The y (PDF units, from the bottom) of the lowest band in the right half of the page that is free of ink and
     * tall enough for the statement, or null when there is none.
     */
    private static Float lowestBlankBand(PDDocument document, int pageIndex, PDRectangle media, float boxWidth,
                                         float boxHeight) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, ANALYSIS_DPI, ImageType.GRAY);
        float scale = ANALYSIS_DPI / 72f;
        int x0 = Math.max(0, (int) ((media.getWidth() - MARGIN - boxWidth) * scale));
        int x1 = Math.min(image.getWidth(), (int) ((media.getWidth() - MARGIN) * scale));
        int needed = (int) Math.ceil(boxHeight * scale);
        int bottomRow = image.getHeight() - 1 - (int) (MARGIN * scale);
        int topRow = (int) (MARGIN * scale);
        int run = 0;
        for (int y = bottomRow; y >= topRow; y--) {
            run = isBlankRow(image, y, x0, x1) ? run + 1 : 0;
            if (run >= needed) {
                int lowestRowOfBand = y + needed - 1;
                return media.getHeight() - (lowestRowOfBand + 1) / scale;
            }
        }
        return null;
    }

    /** The ink map describes this page: same size, to the cell. */
    private static boolean fits(InkMap ink, PDRectangle media) {
        return ink != null && ink.columns() == (int) Math.ceil(media.getWidth() / InkMap.CELL_POINTS - 0.01)
                && ink.rows() == (int) Math.ceil(media.getHeight() / InkMap.CELL_POINTS - 0.01);
    }

    /** As {@link #lowestBlankBand(PDDocument, int, PDRectangle, float, float)}, from the page's ink map. */
    private static Float lowestBlankBand(InkMap ink, PDRectangle media, float boxWidth, float boxHeight) {
        float cell = InkMap.CELL_POINTS;
        int c0 = Math.max(0, (int) ((media.getWidth() - MARGIN - boxWidth) / cell));
        int c1 = Math.min(ink.columns(), (int) Math.ceil((media.getWidth() - MARGIN) / cell));
        int needed = (int) Math.ceil(boxHeight / cell);
        int bottomRow = ink.rows() - 1 - (int) (MARGIN / cell);
        int topRow = (int) (MARGIN / cell);
        double tolerance = Math.max(0, (c1 - c0) * ink.samplesPerCell() * INK_TOLERANCE);
        int run = 0;
        for (int row = bottomRow; row >= topRow; row--) {
            int dark = 0;
            for (int column = c0; column < c1; column++) {
                dark += ink.dark(column, row);
            }
            run = dark <= tolerance ? run + 1 : 0;
            if (run >= needed) {
                int lowestRowOfBand = row + needed - 1;
                return media.getHeight() - (lowestRowOfBand + 1) * cell;
            }
        }
        return null;
    }

    private static boolean isBlankRow(BufferedImage image, int y, int x0, int x1) {
        int dark = 0;
        for (int x = x0; x < x1; x++) {
            if ((image.getRaster().getSample(x, y, 0)) < 160) {
                dark++;
            }
        }
        return dark <= Math.max(0, (x1 - x0) * INK_TOLERANCE);
    }
}
