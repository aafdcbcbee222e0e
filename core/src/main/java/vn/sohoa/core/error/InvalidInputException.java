package vn.sohoa.core.error;

/** Input that breaks a rule or a limit; names the field so that an API answer can point at it. */
public class InvalidInputException extends SohoaException {

    private final String field;

    public InvalidInputException(String field, String message, String vietnameseMessage) {
        this(field, message, vietnameseMessage, null);
    }

    public InvalidInputException(String field, String message, String vietnameseMessage, Throwable cause) {
        super(message, vietnameseMessage, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
