package vn.sohoa.ocr.engine;

import java.util.List;

/**
 * What one recognition pass found on a page.
 *
 * @param lines           text lines in the engine's reading order
 * @param meanConfidence  mean word confidence (0..100), weighted by word length; 0 without words
 * @param textOrientation the turn that would make the text upright, as the layout analysis saw the text blocks
 *                        (it reads sideways text, but not text upside down)
 */
public record Recognition(List<OcrLine> lines, float meanConfidence, Orientation textOrientation) {
}
