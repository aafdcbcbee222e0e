package vn.sohoa.ingest;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * Reads the EXIF Orientation tag (0x0112) of a JPEG, which cameras and phone scanners use instead of turning the
 * pixels. ImageIO ignores it, so without this a photo taken upright would be decoded sideways (or mirrored).
 */
final class ExifOrientation {

    /** As stored: 1 upright, 2 mirrored, 3 turned 180°, 4 flipped, 5–8 the same turned by 90°. */
    static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The Orientation value of a JPEG's EXIF block, or {@link #UPRIGHT} when there is none or it is unreadable. */
    static int of(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                break; // start of scan: no more metadata segments
            }
            if (marker == 0xE1 && i + 10 <= jpeg.length && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x'
                    && jpeg[i + 6] == 'i' && jpeg[i + 7] == 'f') {
                int value = orientationInTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
            i += 2 + length;
        }
        return UPRIGHT;
    }

    /** The pixels as the camera meant them: turned and mirrored per the Orientation value, exactly (no resampling). */
    static BufferedImage apply(BufferedImage image, int orientation) {
        double w = image.getWidth();
        double h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        return new AffineTransformOp(transform, AffineTransformOp.TYPE_NEAREST_NEIGHBOR)
                .filter(image, null);
    }

    private static int orientationInTiff(byte[] data, int start, int end) {
        if (start + 8 > end) {
            return UPRIGHT;
        }
        boolean little = data[start] == 'I' && data[start + 1] == 'I';
        int ifd = start + read32(data, start + 4, little);
        if (ifd < start || ifd + 2 > end) {
            return UPRIGHT;
        }
        int entries = read16(data, ifd, little);
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + e * 12;
            if (entry + 12 > end) {
                break;
            }
            if (read16(data, entry, little) == 0x0112) {
                return read16(data, entry + 8, little);
            }
        }
        return UPRIGHT;
    }

    private static int read16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static int read32(byte[] data, int at, boolean little) {
        return little
                ? (read16(data, at + 2, true) << 16) | read16(data, at, true)
                : (read16(data, at, false) << 16) | read16(data, at + 2, false);
    }
}
