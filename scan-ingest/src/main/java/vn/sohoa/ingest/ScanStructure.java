package vn.sohoa.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Checks, without decoding pixels, that a file is whole: every PNG chunk inside the file with its CRC, IDAT and IEND
 * present; a JPEG's end-of-image marker after its scan data; every TIFF strip or tile inside the file and no IFD
 * loop; a PDF's end-of-file marker. So that a truncated or damaged file is refused at the desk, while the clerk still
 * has the paper, instead of failing later in the OCR job. Costs a CRC pass over a PNG and a walk over headers.
 */
final class ScanStructure {

    private static final int TIFF_STRIP_OFFSETS = 273;
    private static final int TIFF_STRIP_BYTE_COUNTS = 279;
    private static final int TIFF_TILE_OFFSETS = 324;
    private static final int TIFF_TILE_BYTE_COUNTS = 325;

    private ScanStructure() {
    }

    static void check(ScanFile file) {
        String problem = switch (file.format()) {
            case PNG -> png(file.content());
            case JPEG -> jpeg(file.content());
            case TIFF -> tiff(file.content());
            case PDF -> pdf(file.content());
        };
        if (problem != null) {
            throw new ScanRejectedException(ScanRejectedException.Reason.UNREADABLE, file.name(),
                    "the " + file.format() + " file is damaged or incomplete: " + problem,
                    "tệp " + file.format() + " bị hỏng hoặc không đầy đủ: " + problem);
        }
    }

    private static String png(byte[] data) {
        int at = 8;
        boolean header = false;
        boolean pixels = false;
        while (at + 8 <= data.length) {
            long length = ((data[at] & 0xFFL) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                    | (data[at + 3] & 0xFF);
            String type = new String(data, at + 4, 4, StandardCharsets.US_ASCII);
            if (length > data.length - at - 12L) {
                return "chunk " + type + " runs past the end of the file (truncated)";
            }
            CRC32 crc = new CRC32();
            crc.update(data, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            long stored = ((data[end] & 0xFFL) << 24) | ((data[end + 1] & 0xFF) << 16) | ((data[end + 2] & 0xFF) << 8)
                    | (data[end + 3] & 0xFF);
            if (crc.getValue() != stored) {
                return "chunk " + type + " fails its CRC";
            }
            if (!header && !type.equals("IHDR")) {
                return "the first chunk is " + type + ", not IHDR";
            }
            header = true;
            pixels |= type.equals("IDAT") && length > 0;
            if (type.equals("IEND")) {
                return pixels ? null : "no image data (IDAT)";
            }
            at = end + 4;
        }
        return "no IEND chunk (truncated)";
    }

    private static String jpeg(byte[] data) {
        int at = 2;
        while (at + 4 <= data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return "no marker at byte " + at;
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            int length = ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > data.length) {
                return "segment 0x" + Integer.toHexString(marker) + " runs past the end of the file (truncated)";
            }
            if (marker == 0xDA) {
                // entropy-coded data follows; inside it 0xFF is always followed by 0x00 or a restart marker, so
                // the first FF D9 is the end of the image (cameras may append data after it)
                for (int i = at + 2 + length; i + 1 < data.length; i++) {
                    if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD9) {
                        return null;
                    }
                }
                return "no end-of-image marker after the scan data (truncated)";
            }
            at += 2 + length;
        }
        return "no scan data (truncated header)";
    }

    private static String tiff(byte[] data) {
        if (data.length < 8) {
            return "shorter than a TIFF header";
        }
        ByteBuffer buffer = ByteBuffer.wrap(data).order(data[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long ifd = buffer.getInt(4) & 0xFFFFFFFFL;
        Set<Long> seen = new HashSet<>();
        while (ifd != 0) {
            if (!seen.add(ifd)) {
                return "its directories (IFDs) form a loop";
            }
            if (ifd + 2 > data.length) {
                return "a directory (IFD) lies past the end of the file (truncated)";
            }
            int entries = buffer.getShort((int) ifd) & 0xFFFF;
            long next = ifd + 2 + 12L * entries;
            if (next + 4 > data.length) {
                return "a directory (IFD) runs past the end of the file (truncated)";
            }
            long[] offsets = null;
            long[] counts = null;
            for (int i = 0; i < entries; i++) {
                int entry = (int) (ifd + 2 + 12L * i);
                int tag = buffer.getShort(entry) & 0xFFFF;
                if (tag == TIFF_STRIP_OFFSETS || tag == TIFF_TILE_OFFSETS) {
                    offsets = values(buffer, entry, data.length);
                } else if (tag == TIFF_STRIP_BYTE_COUNTS || tag == TIFF_TILE_BYTE_COUNTS) {
                    counts = values(buffer, entry, data.length);
                }
            }
            if (offsets == null || counts == null || offsets.length != counts.length) {
                return "a page has no consistent strip or tile table";
            }
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > data.length) {
                    return "image data lies past the end of the file (truncated)";
                }
            }
            ifd = buffer.getInt((int) next) & 0xFFFFFFFFL;
        }
        return seen.isEmpty() ? "no image directory" : null;
    }

    /** The SHORT or LONG values of a TIFF entry, or a one-element {-1} when they lie outside the file. */
    private static long[] values(ByteBuffer buffer, int entry, int fileLength) {
        int type = buffer.getShort(entry + 2) & 0xFFFF;
        long count = buffer.getInt(entry + 4) & 0xFFFFFFFFL;
        int size = type == 3 ? 2 : 4;
        if (count > fileLength / size + 1) {
            return new long[]{-1};
        }
        long start = count * size <= 4 ? entry + 8 : buffer.getInt(entry + 8) & 0xFFFFFFFFL;
        if (start + count * size > fileLength) {
            return new long[]{-1};
        }
        long[] values = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int at = (int) (start + (long) i * size);
            values[i] = size == 2 ? buffer.getShort(at) & 0xFFFF : buffer.getInt(at) & 0xFFFFFFFFL;
        }
        return values;
    }

    private static String pdf(byte[] data) {
        int from = Math.max(0, data.length - 1024);
        String tail = new String(data, from, data.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF") ? null : "no %%EOF at its end (truncated)";
    }
}
