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

    /**
     * Finds the text lines of an 8-bit grey page without reading them. An engine may keep the layout for the next
     * {@link #recognize} of the same image object, which then does not lay the page out again (for Tesseract the
     * layout is about a third of a recognition). The default knows nothing: {@link PageLayout#UNKNOWN}.
     */
    default PageLayout analyseLayout(BufferedImage grey, int dpi) {
        return PageLayout.UNKNOWN;
    }

    @Override
    void close();
}
