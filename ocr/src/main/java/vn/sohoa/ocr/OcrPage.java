package vn.sohoa.ocr;

import java.util.List;

import vn.sohoa.core.document.InkMap;
import java.util.stream.Collectors;

import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.Orientation;
import vn.sohoa.ocr.pdfa.EncodedImage;

/**
 * A page after preprocessing and recognition.
 *
 * @param number           1-based page number
 * @param image            the upright, deskewed page image, compressed for the PDF
 * @param dpi              its resolution
 * @param lines            recognised lines, coordinates in {@code image} pixels
 * @param orientation      the right-angle turn that was applied
 * @param deskewDegrees    the small clockwise rotation that was applied
 * @param ink              where the page image has ink (for placing a certification statement later)
 */
public record OcrPage(int number, EncodedImage image, int dpi, List<OcrLine> lines, Orientation orientation,
                      double deskewDegrees, InkMap ink) {

    public String text() {
        return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
    }
}
