package vn.sohoa.app.quality;

import java.util.List;
import java.util.stream.Collectors;

import vn.sohoa.core.error.SohoaException;

/** An upload with {@code ?quality=strict} whose pages the gate asks to rescan: nothing was stored. */
public class QualityRefusedException extends SohoaException {

    private final transient List<PageQualityView> pages;

    public QualityRefusedException(List<PageQualityView> pages) {
        super("page(s) " + numbers(pages) + " must be scanned again (quality=strict): " + reasons(pages, false)
                        + "; nothing was stored",
                "trang " + numbers(pages) + " cần quét lại (quality=strict): " + reasons(pages, true)
                        + "; chưa lưu gì", null);
        this.pages = List.copyOf(pages);
    }

    /** The refused pages with their reasons. */
    public List<PageQualityView> pages() {
        return pages;
    }

    private static String numbers(List<PageQualityView> pages) {
        return pages.stream().map(page -> String.valueOf(page.page())).collect(Collectors.joining(", "));
    }

    private static String reasons(List<PageQualityView> pages, boolean vietnamese) {
        return pages.stream().map(page -> (vietnamese ? "trang " : "page ") + page.page() + " — "
                        + page.reasons().stream().map(reason -> vietnamese ? reason.message() : reason.messageEn())
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }
}
