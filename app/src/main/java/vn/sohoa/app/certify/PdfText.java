package vn.sohoa.app.certify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.sohoa.ocr.pdfa.PdfAFlavour;
import vn.sohoa.ocr.pdfa.PdfAIdentity;

/**
 * Text on the pages Sohoa prints itself (register, refusal notice, receipt): NFC Vietnamese in the embedded font, a
 * character the font lacks shown as '?' rather than failing the print, lines wrapped at spaces, centred titles.
 */
final class PdfText {

    private PdfText() {
    }

    /** What goes on a one-page print: drawn with the embedded font on an A4 portrait page. */
    @FunctionalInterface
    interface Page {
        void draw(PDPageContentStream content, PDType0Font font) throws IOException;
    }

    /** A one-page A4 PDF/A-2b declared with {@code about}; {@code what} names it in an error. */
    static byte[] onePagePdfA(PdfAIdentity.Description about, String what, Page page) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PdfAIdentity.font(document);
            PDPage a4 = new PDPage(PDRectangle.A4);
            document.addPage(a4);
            try (PDPageContentStream content = new PDPageContentStream(document, a4)) {
                page.draw(content, font);
            }
            PdfAIdentity.declare(document, PdfAFlavour.PDF_A_2B, about);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what, e);
        }
    }

    /** The text as the font can show it: NFC, runs of white space as one space, missing characters as '?'. */
    static String shown(PDType0Font font, String text) {
        return PdfAIdentity.showable(font, Normalizer.normalize(text.replaceAll("\\s+", " "), Normalizer.Form.NFC),
                "?");
    }

    static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(shown(font, text));
        content.endText();
    }

    /** A line centred on an A4 portrait page. */
    static void centred(PDPageContentStream content, PDType0Font font, float size, float y, String text)
            throws IOException {
        String shown = shown(font, text);
        text(content, font, size, (PDRectangle.A4.getWidth() - font.getStringWidth(shown) / 1000 * size) / 2, y,
                shown);
    }

    /** Splits a paragraph into lines no wider than {@code width} at {@code size}, at spaces. */
    static List<String> wrap(PDType0Font font, float size, String paragraph, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : shown(font, paragraph).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
