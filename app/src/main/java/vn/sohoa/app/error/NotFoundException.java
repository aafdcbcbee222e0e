package vn.sohoa.app.error;

import vn.sohoa.core.error.SohoaException;

/** Nothing the caller may see has this identifier. */
public class NotFoundException extends SohoaException {

    public NotFoundException(String what) {
        super(what + " not found", "Không tìm thấy " + what, null);
    }
}
