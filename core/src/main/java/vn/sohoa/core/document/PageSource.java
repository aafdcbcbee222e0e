package vn.sohoa.core.document;

import java.util.List;

/**
 * The pages of a document to digitize, decoded one at a time when asked for, by whichever thread asks: the port
 * through which OCR reads pages without knowing where they came from (uploaded scans, a tool's files, a test's
 * images).
 */
public interface PageSource {

    int count();

    /** Page {@code number} (1-based), decoded now. */
    PageImage page(int number);

    /** Where page {@code number} comes from, for messages (e.g. {@code "scan.tif page 2"}). */
    String source(int number);

    /** Pages already decoded. */
    static PageSource of(List<PageImage> pages) {
        List<PageImage> copy = List.copyOf(pages);
        return new PageSource() {
            @Override
            public int count() {
                return copy.size();
            }

            @Override
            public PageImage page(int number) {
                return copy.get(number - 1);
            }

            @Override
            public String source(int number) {
                return copy.get(number - 1).source();
            }
        };
    }
}
