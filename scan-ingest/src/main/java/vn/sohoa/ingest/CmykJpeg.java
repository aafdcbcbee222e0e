package vn.sohoa.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.NodeList;

/**
 * Four-channel JPEGs (CMYK, or YCCK with Adobe's APP14 marker) to RGB. A plain conversion without colour management:
 * enough for scanned papers, where what matters is dark ink on light paper.
 */
final class CmykJpeg {

    /** No Adobe marker: values as written (0 = no ink). */
    static final int NO_ADOBE_MARKER = -1;
    private static final int ADOBE_YCCK = 2;

    private CmykJpeg() {
    }

    /** The APP14 Adobe transform flag: 0 (CMYK, stored inverted), 2 (YCCK), or {@link #NO_ADOBE_MARKER}. */
    static int adobeTransform(IIOMetadata metadata) {
        if (metadata == null) {
            return NO_ADOBE_MARKER;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        NodeList adobe = root.getElementsByTagName("app14Adobe");
        if (adobe.getLength() == 0) {
            return NO_ADOBE_MARKER;
        }
        try {
            return Integer.parseInt(((IIOMetadataNode) adobe.item(0)).getAttribute("transform"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static BufferedImage toRgb(Raster cmyk, int adobeTransform) {
        int width = cmyk.getWidth();
        int height = cmyk.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        WritableRaster out = rgb.getRaster();
        int[] pixel = new int[4];
        int[] result = new int[3];
        boolean inverted = adobeTransform != NO_ADOBE_MARKER;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                cmyk.getPixel(x, y, pixel);
                int c = pixel[0];
                int m = pixel[1];
                int ye = pixel[2];
                if (adobeTransform == ADOBE_YCCK) {
                    // YCC of the inverted CMY: back to inverted CMY
                    double yy = pixel[0];
                    double cb = pixel[1] - 128.0;
                    double cr = pixel[2] - 128.0;
                    c = clamp(yy + 1.402 * cr);
                    m = clamp(yy - 0.344136 * cb - 0.714136 * cr);
                    ye = clamp(yy + 1.772 * cb);
                }
                int k = pixel[3];
                if (inverted) {
                    // Adobe stores ink inverted: 255 = no ink
                    result[0] = c * k / 255;
                    result[1] = m * k / 255;
                    result[2] = ye * k / 255;
                } else {
                    result[0] = (255 - c) * (255 - k) / 255;
                    result[1] = (255 - m) * (255 - k) / 255;
                    result[2] = (255 - ye) * (255 - k) / 255;
                }
                out.setPixel(x, y, result);
            }
        }
        return rgb;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
