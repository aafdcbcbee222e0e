package vn.sohoa.ocr;

import java.util.List;

import vn.sohoa.core.document.InkMap;

/**
 * The searchable PDF/A, what was recognised on each page, and where the last page has ink (where a certification
 * statement can go).
 */
public record DigitizedDocument(byte[] pdf, List<PageSummary> pages, InkMap lastPageInk) {

    /** What the pipeline did to one page and the text it found. */
    public record PageSummary(int number, int rotationDegrees, double deskewDegrees, String text) {
    }

    public String text() {
        StringBuilder all = new StringBuilder();
        for (PageSummary page : pages) {
            all.append(page.text()).append('\n');
        }
        return all.toString();
    }
}
