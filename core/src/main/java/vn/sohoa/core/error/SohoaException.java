package vn.sohoa.core.error;

/**
 * Root of Sohoa's typed errors. Each carries a message in English (logs, API detail) and one in Vietnamese
 * (what a clerk reads).
 */
public abstract class SohoaException extends RuntimeException {

    private final String vietnameseMessage;

    protected SohoaException(String message, String vietnameseMessage, Throwable cause) {
        super(message, cause);
        this.vietnameseMessage = vietnameseMessage;
    }

    public String vietnameseMessage() {
        return vietnameseMessage;
    }
}
