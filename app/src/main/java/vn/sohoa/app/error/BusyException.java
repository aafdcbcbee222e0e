package vn.sohoa.app.error;

import vn.sohoa.core.error.SohoaException;

/** The service is at its limit for this kind of work right now; the same request later will do (HTTP 503). */
public class BusyException extends SohoaException {

    private final int retryAfterSeconds;

    public BusyException(String message, String vietnameseMessage, int retryAfterSeconds) {
        super(message, vietnameseMessage, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
