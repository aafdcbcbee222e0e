package vn.sohoa.app.webhook;

/** What other systems can be told about, and the name the payload and the X-Sohoa-Event header carry. */
public enum WebhookEvent {
    DOCUMENT_DIGITIZED("document.digitized"),
    COPY_CERTIFIED("copy.certified");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
