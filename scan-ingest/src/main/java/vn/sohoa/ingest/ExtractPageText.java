package vn.sohoa.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import vn.sohoa.core.document.PageText;

/** The words of one PDF page with their boxes, scaled from PDF points to the pixels of the page image. */
final class ExtractPageText extends PDFTextStripper {

    /** Fewer visible characters than this is no text layer (a stray page number, a scanner's stamp). */
    static final int MIN_CHARACTERS = 20;

    private final double scale;
    private final List<PageText.Line> lines = new ArrayList<>();
    private List<PageText.Word> words = new ArrayList<>();

    private ExtractPageText(double scale) {
        this.scale = scale;
        setSortByPosition(true);
    }

    /** The page's text, or null when it carries (almost) none. */
    static PageText of(PDDocument document, int pageNumber, double pixelsPerPoint) throws IOException {
        ExtractPageText extractor = new ExtractPageText(pixelsPerPoint);
        extractor.setStartPage(pageNumber);
        extractor.setEndPage(pageNumber);
        extractor.writeText(document, new StringWriter());
        extractor.endLine();
        PageText text = new PageText(extractor.lines);
        return text.characters() >= MIN_CHARACTERS ? text : null;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (text.isBlank() || positions.isEmpty()) {
            return;
        }
        double left = Double.MAX_VALUE;
        double right = 0;
        double top = Double.MAX_VALUE;
        double baseline = 0;
        for (TextPosition position : positions) {
            left = Math.min(left, position.getXDirAdj());
            right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
            top = Math.min(top, position.getYDirAdj() - position.getHeightDir());
            baseline = Math.max(baseline, position.getYDirAdj());
        }
        words.add(new PageText.Word(text.strip(), (int) Math.round(left * scale), (int) Math.round(top * scale),
                (int) Math.round(right * scale), (int) Math.round(baseline * scale)));
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (!words.isEmpty()) {
            lines.add(new PageText.Line(words));
            words = new ArrayList<>();
        }
    }
}
