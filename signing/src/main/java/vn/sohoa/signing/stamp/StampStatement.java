package vn.sohoa.signing.stamp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

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

    /** Read once: inside the service's nested jar every resource lookup costs a jar search. */
    private static final byte[] FONT = readFont();

    private final StatementTemplate template;

    public StampStatement(StatementTemplate template) {
        this.template = template;
    }

    public byte[] apply(byte[] pdf, CertificationStatement statement) {
        List<String> lines = template.render(statement);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                throw new SigningException("the document has no page to carry the statement");
            }
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
            float width = 0;
            for (String line : lines) {
                width = Math.max(width, font.getStringWidth(line) / 1000f * FONT_SIZE);
            }
            float boxWidth = width + 2 * PADDING;
            float boxHeight = lines.size() * LEADING + 2 * PADDING;

            int lastIndex = document.getNumberOfPages() - 1;
            PDPage page = document.getPage(lastIndex);
            PDRectangle media = page.getMediaBox();
            Float bottom = page.getRotation() == 0
                    ? lowestBlankBand(document, lastIndex, media, boxWidth, boxHeight) : null;
            if (bottom == null) {
                page = new PDPage(new PDRectangle(media.getWidth(), media.getHeight()));
                document.addPage(page);
                bottom = media.getHeight() - MARGIN - boxHeight;
            }
            float left = media.getWidth() - MARGIN - boxWidth;
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setNonStrokingColor(0f, 0f, 0f);
                content.newLineAtOffset(left + PADDING, bottom + boxHeight - PADDING - FONT_SIZE);
                for (String line : lines) {
                    float lineWidth = font.getStringWidth(line) / 1000f * FONT_SIZE;
                    float indent = (width - lineWidth) / 2f;
                    content.newLineAtOffset(indent, 0);
                    content.showText(line);
                    content.newLineAtOffset(-indent, -LEADING);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("cannot write the certification statement: " + e.getMessage(), e);
        }
    }

    private static byte[] readFont() {
        try (InputStream in = StampStatement.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from PDFBox: " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + FONT_RESOURCE, e);
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
