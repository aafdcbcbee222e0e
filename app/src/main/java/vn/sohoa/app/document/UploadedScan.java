package vn.sohoa.app.document;

/** A file as received from a client, before checks: name for messages only, bytes as sent. */
public record UploadedScan(String name, byte[] content) {
}
