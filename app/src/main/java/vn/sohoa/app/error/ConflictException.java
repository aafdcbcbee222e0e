package vn.sohoa.app.error;

import vn.sohoa.core.error.SohoaException;

/** The request is valid but the resource is not in a state that allows it (HTTP 409). */
public class ConflictException extends SohoaException {

    public ConflictException(String message, String vietnameseMessage) {
        super(message, vietnameseMessage, null);
    }
}
