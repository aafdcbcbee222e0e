package vn.sohoa.app.certify;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.sohoa.ocr.pdfa.PdfAIdentity;

/**
 * Text on the pages Sohoa prints itself (register, refusal notice, receipt): NFC Vietnamese in the embedded font, a
 * character the font lacks shown as '?' rather than failing the print, lines wrapped at spaces, centred titles.
 */
final class PdfText {

    private PdfText() {
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
