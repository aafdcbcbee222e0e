package vn.sohoa.ingest;

import java.util.Arrays;

/** An uploaded file whose type has been recognised from its content. */
public record ScanFile(String name, ScanFormat format, byte[] content) {

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
