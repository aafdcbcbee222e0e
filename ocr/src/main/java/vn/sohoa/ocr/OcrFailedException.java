package vn.sohoa.ocr;

import vn.sohoa.core.error.SohoaException;

/** A page could not be recognised; the message names the page and the cause. */
public class OcrFailedException extends SohoaException {

    private final int page;

    public OcrFailedException(int page, String reason, Throwable cause) {
        super("page " + page + ": " + reason, "trang " + page + ": " + reason, cause);
        this.page = page;
    }

    public int page() {
        return page;
    }
}
