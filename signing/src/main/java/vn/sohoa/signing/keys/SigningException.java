package vn.sohoa.signing.keys;

import vn.sohoa.core.error.SohoaException;

/** Signing could not be completed (key, certificate, timestamp or PDF problem). */
public class SigningException extends SohoaException {

    public SigningException(String message) {
        this(message, null);
    }

    public SigningException(String message, Throwable cause) {
        super(message, "Không ký số được: " + message, cause);
    }

    protected SigningException(String message, String vietnameseMessage, Throwable cause) {
        super(message, vietnameseMessage, cause);
    }
}
