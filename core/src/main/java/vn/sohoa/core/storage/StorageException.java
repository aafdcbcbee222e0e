package vn.sohoa.core.storage;

import vn.sohoa.core.error.SohoaException;

/** Object storage failed in a way the caller should not retry blindly. */
public class StorageException extends SohoaException {

    public StorageException(String message, Throwable cause) {
        super(message, "Lỗi kho lưu trữ: " + message, cause);
    }
}
