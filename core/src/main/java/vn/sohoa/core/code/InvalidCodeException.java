package vn.sohoa.core.code;

import vn.sohoa.core.error.InvalidInputException;

/** A code (agency, dossier, procedure) does not match its national format. */
public class InvalidCodeException extends InvalidInputException {

    public InvalidCodeException(String field, String value, String expectedFormat) {
        super(field, "'" + value + "' is not a valid " + field + "; expected " + expectedFormat,
                "'" + value + "' không đúng định dạng " + field + "; định dạng: " + expectedFormat);
    }
}
