package vn.sohoa.ocr.engine;

import vn.sohoa.core.error.SohoaException;

/** The OCR engine could not start or failed on a page. */
public class OcrEngineException extends SohoaException {

    public OcrEngineException(String message, Throwable cause) {
        super(message, "Lỗi nhận dạng ký tự (OCR): " + message, cause);
    }
}
