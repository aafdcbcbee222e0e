package vn.sohoa.signer;

/** A refusal or failure of the agent, with the kind the page shows a message for. */
public final class SignerException extends RuntimeException {

    /** What went wrong, each with the HTTP status the agent answers. */
    public enum Kind {
        BAD_REQUEST(400), NOT_PAIRED(401), FORBIDDEN_ORIGIN(403), REFUSED_BY_USER(403), NO_SUCH_CERTIFICATE(404),
        WRONG_PIN(423), TOKEN_ABSENT(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public SignerException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SignerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
