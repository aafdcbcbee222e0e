package vn.sohoa.app.certify;

/** Fee for certifying a copy (domain notes): 2,000 VND a page, 1,000 VND from page 3, at most 200,000 VND a copy. */
public final class CopyFee {

    static final long FIRST_PAGES = 2_000;
    static final long LATER_PAGES = 1_000;
    static final long CAP = 200_000;

    private CopyFee() {
    }

    public static long vnd(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a copy has at least one page");
        }
        long fee = Math.min(pages, 2) * FIRST_PAGES + Math.max(0, pages - 2) * LATER_PAGES;
        return Math.min(fee, CAP);
    }
}
