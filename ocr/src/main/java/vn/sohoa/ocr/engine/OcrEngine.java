package vn.sohoa.ocr.engine;

import java.awt.image.BufferedImage;
/**
 * An OCR engine bound to one thread. It holds native state: create one per worker thread, never share one, and
 * close it when the worker ends.
 */
public interface OcrEngine extends AutoCloseable {

    /** Detects the right-angle turn that makes an 8-bit grey page upright. */
    OrientationGuess detectOrientation(BufferedImage grey, int dpi);

    /** Recognises the text lines of an 8-bit grey page, with the confidence and text orientation it saw. */
    Recognition recognize(BufferedImage grey, int dpi);

    @Override
    void close();
}
