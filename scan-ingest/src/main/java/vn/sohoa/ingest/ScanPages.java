package vn.sohoa.ingest;

import java.util.List;

import vn.sohoa.core.document.PageImage;

/**
 * The pages of an upload, indexed but not decoded: each page is decoded when it is asked for, by whichever thread
 * asks, so that only the pages in work occupy memory.
 */
public final class ScanPages {

    /** Where page {@code number} of the document is: which file, which page of it. */
    record PageRef(ScanFile file, int indexInFile, int number) {
    }

    private final ScanDecoder decoder;
    private final List<PageRef> pages;

    ScanPages(ScanDecoder decoder, List<PageRef> pages) {
        this.decoder = decoder;
        this.pages = List.copyOf(pages);
    }

    public int count() {
        return pages.size();
    }

    /**
     * Decodes page {@code number} (1-based) now.
     *
     * @throws ScanRejectedException when the page cannot be decoded
     */
    public PageImage page(int number) {
        if (number < 1 || number > pages.size()) {
            throw new IndexOutOfBoundsException("page " + number + " of " + pages.size());
        }
        return decoder.decodePage(pages.get(number - 1));
    }

    /** Which uploaded file and page a document page comes from, for messages. */
    public String source(int number) {
        PageRef ref = pages.get(number - 1);
        return ref.file().name() + " page " + (ref.indexInFile() + 1);
    }
}
