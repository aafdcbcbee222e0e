package vn.sohoa.signing.remote;

import vn.sohoa.signing.keys.SigningException;

/** The remote signing service answered, and said no (a wrong PIN, an unknown credential, an expired token). */
public final class RemoteSigningRefusedException extends SigningException {

    private final int httpStatus;

    public RemoteSigningRefusedException(String method, int httpStatus, String description) {
        super("the remote signing service refused " + method + " (HTTP " + httpStatus + " " + description + ")",
                "Dịch vụ ký số từ xa từ chối " + method + ": " + description, null);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
