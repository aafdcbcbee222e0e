package vn.sohoa.ocr;

import java.util.List;

/** The searchable PDF/A and what was recognised on each page. */
public record DigitizedDocument(byte[] pdf, List<PageSummary> pages) {

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
