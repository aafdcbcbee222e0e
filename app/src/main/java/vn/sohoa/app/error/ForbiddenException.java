package vn.sohoa.app.error;

import vn.sohoa.core.error.SohoaException;

/** The caller can see the resource but their role or competence does not allow the action (HTTP 403). */
public class ForbiddenException extends SohoaException {

    public ForbiddenException(String message, String vietnameseMessage) {
        super(message, vietnameseMessage, null);
    }
}
