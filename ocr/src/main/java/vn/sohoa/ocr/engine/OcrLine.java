package vn.sohoa.ocr.engine;

import java.util.List;

/**
 * A text line in reading order.
 *
 * @param box       the line's box in page pixels
 * @param baselineY the baseline's height in pixels at the line's left edge (after deskew the baseline is level)
 * @param words     the words from left to right
 */
public record OcrLine(PixelBox box, int baselineY, List<OcrWord> words) {

    public String text() {
        StringBuilder text = new StringBuilder();
        for (OcrWord word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word.text());
        }
        return text.toString();
    }
}
