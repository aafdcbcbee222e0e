package vn.sohoa.ingest;

import vn.sohoa.core.error.InvalidInputException;

/** A scan that Sohoa will not take, with the reason as an enum and the file it concerns. */
public class ScanRejectedException extends InvalidInputException {

    /** Why a scan was refused. */
    public enum Reason {
        EMPTY, UNSUPPORTED_TYPE, TOO_LARGE, TOO_MANY_PAGES, TOO_MANY_PIXELS, ENCRYPTED_PDF, SIGNED_PDF, UNREADABLE,
        /** A PDF that would run code or open something when viewed: JavaScript, launch, embedded files. */
        ACTIVE_CONTENT,
        /** A file name with a path, control characters or of excessive length. */
        BAD_NAME
    }

    private final Reason reason;

    public ScanRejectedException(Reason reason, String fileName, String detail, String vietnameseDetail) {
        this(reason, fileName, detail, vietnameseDetail, null);
    }

    public ScanRejectedException(Reason reason, String fileName, String detail, String vietnameseDetail,
                                 Throwable cause) {
        super("files", fileName + ": " + detail, fileName + ": " + vietnameseDetail, cause);
        this.reason = reason;
    }

    private ScanRejectedException(ScanRejectedException refused, String field) {
        super(field, refused.getMessage(), refused.vietnameseMessage(), refused);
        this.reason = refused.reason;
    }

    /**
     * The same refusal naming the request part the file came in ({@code files} unless said otherwise): an endpoint
     * that takes one scan as {@code file} points its problem there.
     */
    public ScanRejectedException inPart(String field) {
        return new ScanRejectedException(this, field);
    }

    public Reason reason() {
        return reason;
    }
}
