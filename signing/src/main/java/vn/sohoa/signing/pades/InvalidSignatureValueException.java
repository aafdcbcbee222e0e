package vn.sohoa.signing.pades;

import vn.sohoa.signing.keys.SigningException;

/** A signature value returned from outside the service does not sign what was prepared. */
public final class InvalidSignatureValueException extends SigningException {

    public InvalidSignatureValueException(String message) {
        super(message, "Giá trị chữ ký không khớp với dữ liệu cần ký: " + message, null);
    }
}
