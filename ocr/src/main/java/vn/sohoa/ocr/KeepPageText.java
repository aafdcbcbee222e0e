package vn.sohoa.ocr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import vn.sohoa.core.document.PageText;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.OcrWord;
import vn.sohoa.ocr.engine.PixelBox;

/** A page's existing text in the shape of recognised lines, so it goes into the PDF/A like OCR output. */
final class KeepPageText {

    /** Text taken from the file is certain. */
    private static final float CERTAIN = 100f;

    private KeepPageText() {
    }

    static List<OcrLine> lines(PageText text) {
        List<OcrLine> lines = new ArrayList<>();
        for (PageText.Line line : text.lines()) {
            List<OcrWord> words = new ArrayList<>();
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = 0;
            int bottom = 0;
            for (PageText.Word word : line.words()) {
                words.add(new OcrWord(Normalizer.normalize(word.text(), Normalizer.Form.NFC),
                        new PixelBox(word.left(), word.top(), word.right(), word.bottom()), CERTAIN));
                left = Math.min(left, word.left());
                top = Math.min(top, word.top());
                right = Math.max(right, word.right());
                bottom = Math.max(bottom, word.bottom());
            }
            if (!words.isEmpty()) {
                lines.add(new OcrLine(new PixelBox(left, top, right, bottom), bottom, words));
            }
        }
        return lines;
    }
}
