package vn.sohoa.ingest;

import java.util.Optional;

/** The scan formats Sohoa accepts, recognised by their first bytes, never by file name or declared type. */
public enum ScanFormat {
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    PDF("application/pdf");

    private final String mediaType;

    ScanFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Recognises a format from the magic bytes at the start of a file. */
    public static Optional<ScanFormat> sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
