package vn.sohoa.ingest;

import java.util.Arrays;

/** An uploaded file whose type has been recognised from its content. */
public record ScanFile(String name, ScanFormat format, byte[] content) {

    /**
     * Refuses a file name sent by a client that is not a plain name: a path (which a browser never sends), control
     * characters, or more than 255 characters. Names are never part of a storage path; the check keeps them harmless
     * in logs, pages and downloads too. Command-line tools, which name files by their paths, do not call it.
     */
    public static void requirePlainName(String name) {
        String shown = name == null || name.isBlank() ? "(unnamed)" : name;
        if (shown.length() > 255 || shown.contains("/") || shown.contains("\\") || shown.equals("..")
                || shown.equals(".") || shown.chars().anyMatch(Character::isISOControl)) {
            String printable = shown.chars().limit(80).map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            throw new ScanRejectedException(ScanRejectedException.Reason.BAD_NAME, printable,
                    "a file name must be a plain name of at most 255 characters, without '/', '\\' or "
                            + "control characters", "tên tệp không được chứa đường dẫn, ký tự điều khiển, tối đa 255 "
                            + "ký tự");
        }
    }

    /**
     * Checks size and type. The name is used only in messages; it is never part of a storage path.
     *
     * @throws ScanRejectedException when the file is empty, too large or not a supported scan format
     */
    public static ScanFile accept(String name, byte[] content, IngestLimits limits) {
        String shown = name == null || name.isBlank() ? "(unnamed)" : name;
        if (content.length == 0) {
            throw new ScanRejectedException(ScanRejectedException.Reason.EMPTY, shown, "the file is empty",
                    "tệp rỗng");
        }
        if (content.length > limits.maxFileBytes()) {
            throw new ScanRejectedException(ScanRejectedException.Reason.TOO_LARGE, shown,
                    "the file has " + content.length + " bytes; the limit is " + limits.maxFileBytes(),
                    "tệp có " + content.length + " byte, vượt giới hạn " + limits.maxFileBytes());
        }
        ScanFormat format = ScanFormat.sniff(Arrays.copyOf(content, Math.min(16, content.length)))
                .orElseThrow(() -> new ScanRejectedException(ScanRejectedException.Reason.UNSUPPORTED_TYPE, shown,
                        "not a PNG, JPEG, TIFF or PDF file (recognised from its content)",
                        "không phải tệp PNG, JPEG, TIFF hoặc PDF (nhận diện theo nội dung)"));
        return new ScanFile(shown, format, content);
    }
}
