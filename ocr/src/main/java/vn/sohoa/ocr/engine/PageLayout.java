package vn.sohoa.ocr.engine;

import java.util.List;

/**
 * The text lines a layout analysis found on a page, before any of them is read.
 *
 * @param textLines the bounding box of each text line, in image pixels
 */
public record PageLayout(List<PixelBox> textLines) {

    /** What an engine that cannot lay a page out reports: nothing is known, so nothing is decided from it. */
    public static final PageLayout UNKNOWN = new PageLayout(List.of());

    public PageLayout {
        textLines = List.copyOf(textLines);
    }
}
