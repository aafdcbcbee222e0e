package vn.sohoa.app.certify;

/** Why an open signing session is cancelled; the register records it beside the void number. */
public enum CancelReason {
    /** The certifier read what was to be signed and said no at the token. */
    DECLINED("the certifier declined to sign / người thực hiện chứng thực không ký"),
    /** The signature could not be made (the token or its agent failed, the page lost the agent). */
    SIGNING_FAILED("the signature could not be made at the certifier's token / không ký được bằng thiết bị ký của "
            + "người thực hiện chứng thực");

    private final String registerNote;

    CancelReason(String registerNote) {
        this.registerNote = registerNote;
    }

    String registerNote() {
        return registerNote;
    }
}
