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

    /** The words' mean confidence (0–100), weighted by their length; -1 when the lines hold no word. */
    public static double meanConfidence(List<OcrLine> lines) {
        double sum = 0;
        long weight = 0;
        for (OcrLine line : lines) {
            for (OcrWord word : line.words()) {
                sum += (double) word.confidence() * word.text().length();
                weight += word.text().length();
            }
        }
        return weight == 0 ? -1 : sum / weight;
    }

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
