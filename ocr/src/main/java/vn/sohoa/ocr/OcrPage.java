package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.Orientation;

/**
 * A page after preprocessing and recognition.
 *
 * @param number           1-based page number
 * @param image            the upright, deskewed page image that goes into the PDF (colour, grey or bilevel)
 * @param dpi              its resolution
 * @param lines            recognised lines, coordinates in {@code image} pixels
 * @param orientation      the right-angle turn that was applied
 * @param deskewDegrees    the small clockwise rotation that was applied
 */
public record OcrPage(int number, BufferedImage image, int dpi, List<OcrLine> lines, Orientation orientation,
                      double deskewDegrees) {

    public String text() {
        return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
    }
}
