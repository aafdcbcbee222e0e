package vn.sohoa.ingest;

import java.util.List;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.document.PageSource;
import vn.sohoa.core.image.RightAngle;

/**
 * The pages of an upload, indexed but not decoded: each page is decoded when it is asked for, by whichever thread
 * asks, so that only the pages in work occupy memory.
 */
public final class ScanPages implements PageSource {

    /** Where page {@code number} of the document is: which file, which page of it, turned how. */
    record PageRef(ScanFile file, int fileIndex, int indexInFile, int number, int clockwiseDegrees) {
    }

    private final ScanDecoder decoder;
    private final List<PageRef> pages;
    private final DecodedPages decodedBefore;

    ScanPages(ScanDecoder decoder, List<PageRef> pages) {
        this(decoder, pages, DecodedPages.NONE);
    }

    private ScanPages(ScanDecoder decoder, List<PageRef> pages, DecodedPages decodedBefore) {
        this.decoder = decoder;
        this.pages = List.copyOf(pages);
        this.decodedBefore = decodedBefore;
    }

    /** The same pages, taking each from {@code decodedBefore} when it has it rather than decoding it again. */
    public ScanPages reusing(DecodedPages decodedBefore) {
        return new ScanPages(decoder, pages, decodedBefore);
    }

    @Override
    public int count() {
        return pages.size();
    }

    /**
     * Decodes page {@code number} (1-based) now.
     *
     * @throws ScanRejectedException when the page cannot be decoded
     */
    @Override
    public PageImage page(int number) {
        if (number < 1 || number > pages.size()) {
            throw new IndexOutOfBoundsException("page " + number + " of " + pages.size());
        }
        PageRef ref = pages.get(number - 1);
        PageImage page = decoded(ref);
        if (ref.clockwiseDegrees() == 0) {
            return page;
        }
        // a page's own text layer is placed on the unturned image: a turned page is recognised afresh
        return new PageImage(page.number(), RightAngle.rotate(page.image(), ref.clockwiseDegrees()), page.dpi(),
                page.source() + ", turned " + ref.clockwiseDegrees() + "°", null, page.lossless());
    }

    /** Page {@code ref} as decoded, not yet turned: taken from the pages decoded before, or decoded now. */
    private PageImage decoded(PageRef ref) {
        PageImage before = decodedBefore.take(ref.fileIndex(), ref.indexInFile());
        if (before == null) {
            return decoder.decodePage(ref);
        }
        return new PageImage(ref.number(), before.image(), before.dpi(), before.source(), before.text(),
                before.lossless());
    }

    /** The pages as a plan: which file and page each one is, turned how. */
    public PagePlan plan() {
        return new PagePlan(pages.stream()
                .map(ref -> new PagePlan.Page(ref.fileIndex(), ref.indexInFile(), ref.clockwiseDegrees())).toList());
    }

    /** Which uploaded file and page a document page comes from, for messages. */
    @Override
    public String source(int number) {
        PageRef ref = pages.get(number - 1);
        return ref.file().name() + " page " + (ref.indexInFile() + 1);
    }
}
