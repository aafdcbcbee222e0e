package vn.sohoa.core.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.AffineTransformOp;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/** Exact turns by multiples of 90 degrees: no resampling, every pixel kept. */
public final class RightAngle {

    private RightAngle() {
    }

    /** Normalizes any multiple of 90 degrees (negative: counter-clockwise) to 0, 90, 180 or 270. */
    public static int normalize(int clockwiseDegrees) {
        if (clockwiseDegrees % 90 != 0) {
            throw new IllegalArgumentException("not a multiple of 90 degrees: " + clockwiseDegrees);
        }
        return ((clockwiseDegrees % 360) + 360) % 360;
    }

    /** Turns the image clockwise by a multiple of 90 degrees; the result has the source's colour model. */
    public static BufferedImage rotate(BufferedImage source, int clockwiseDegrees) {
        int quarterTurns = normalize(clockwiseDegrees) / 90;
        if (quarterTurns == 0) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = quarterTurns % 2 == 1;
        int targetWidth = swap ? h : w;
        int targetHeight = swap ? w : h;
        AffineTransform transform = new AffineTransform();
        switch (quarterTurns) {
            case 1 -> {
                transform.translate(h, 0);
                transform.quadrantRotate(1);
            }
            case 2 -> {
                transform.translate(w, h);
                transform.quadrantRotate(2);
            }
            default -> {
                transform.translate(0, w);
                transform.quadrantRotate(3);
            }
        }
        ColorModel model = source.getColorModel();
        int type = source.getType();
        if (type == BufferedImage.TYPE_CUSTOM) {
            // scans decode to any colour model (CMYK, 16-bit palettes…): turn the samples themselves, keep the model
            WritableRaster raster = model.createCompatibleWritableRaster(targetWidth, targetHeight);
            new AffineTransformOp(transform, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(source.getRaster(), raster);
            return new BufferedImage(model, raster, model.isAlphaPremultiplied(), null);
        }
        BufferedImage target = model instanceof IndexColorModel palette
                && (type == BufferedImage.TYPE_BYTE_BINARY || type == BufferedImage.TYPE_BYTE_INDEXED)
                ? new BufferedImage(targetWidth, targetHeight, type, palette)
                : new BufferedImage(targetWidth, targetHeight, type);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
