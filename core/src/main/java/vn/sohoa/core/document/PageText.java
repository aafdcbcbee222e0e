package vn.sohoa.core.document;

import java.util.List;

/**
 * Text a page already carries (a born-digital PDF, or one OCRed before), placed on the page image: lines of words
 * with their boxes in image pixels, origin top-left. When a page has it, Sohoa keeps it instead of recognising the
 * page again.
 */
public record PageText(List<Line> lines) {

    public PageText {
        lines = List.copyOf(lines);
    }

    /** A line of words, left to right. */
    public record Line(List<Word> words) {

        public Line {
            words = List.copyOf(words);
        }
    }

    /** A word and its box; {@code bottom} is its baseline. */
    public record Word(String text, int left, int top, int right, int bottom) {
    }

    public int characters() {
        return lines.stream().flatMap(l -> l.words().stream()).mapToInt(w -> w.text().length()).sum();
    }
}
