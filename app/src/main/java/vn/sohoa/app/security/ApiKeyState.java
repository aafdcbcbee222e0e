package vn.sohoa.app.security;

/** Where an API key stands; only an {@link #ACTIVE} key signs a system in. */
public enum ApiKeyState {
    ACTIVE("", ""),
    /** Turned off by an administrator; can be turned on again. */
    DISABLED("This API key is disabled", "Khóa API đang bị tạm dừng"),
    /** Past its expiry date; a new key must be issued. */
    EXPIRED("This API key has expired", "Khóa API đã hết hạn"),
    /** Revoked for good. */
    REVOKED("This API key was revoked", "Khóa API đã bị thu hồi");

    private final String refusal;
    private final String vietnameseRefusal;

    ApiKeyState(String refusal, String vietnameseRefusal) {
        this.refusal = refusal;
        this.vietnameseRefusal = vietnameseRefusal;
    }

    /** The 401 detail for a key in this state, English and Vietnamese. */
    String refusal() {
        return refusal + " / " + vietnameseRefusal;
    }
}
