package vn.sohoa.ocr.pdfa;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

import vn.sohoa.core.image.Luma;
import vn.sohoa.ocr.preprocess.Images;

/**
 * Compresses a finished page image as suits it: bilevel pages as CCITT Group 4 (lossless, smallest for black and
 * white), grey and colour pages as JPEG at the configured quality, or lossless when the policy keeps lossless inputs
 * lossless. Runs on the OCR worker, in parallel.
 */
public final class EncodePageImage {

    private final float jpegQuality;
    private final ImagePolicy policy;

    public EncodePageImage(float jpegQuality, ImagePolicy policy) {
        this.jpegQuality = jpegQuality;
        this.policy = policy;
    }

    /** @param losslessSource whether the page arrived without lossy compression */
    public EncodedImage apply(BufferedImage image, boolean losslessSource) {
        try {
            if (Images.isBilevel(image)) {
                return groupFour(image);
            }
            return policy == ImagePolicy.KEEP_LOSSLESS && losslessSource ? png(image) : jpeg(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress the page image", e);
        }
    }

    private static EncodedImage png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new EncodedImage(EncodedImage.Encoding.PNG, out.toByteArray(), image.getWidth(), image.getHeight(),
                false);
    }

    private EncodedImage jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return new EncodedImage(EncodedImage.Encoding.JPEG, out.toByteArray(), image.getWidth(), image.getHeight(),
                false);
    }

    /** PDFBox's G4 encoder, run on a scratch document; only the compressed data is kept. */
    /**
     * CCITT G4 through PDFBox's encoder. The 1-bit rows are handed to it as they lie in the image's raster (inverted
     * when the palette's first entry is black: the encoder codes 1 as black) rather than through
     * {@code CCITTFactory.createFromImage}, which reads every pixel with {@code getRGB} and writes it bit by bit: on a
     * 42-page G4 document that took most of the workers' Java time. The data is the same (EncodePageImageTest).
     */
    static EncodedImage groupFour(BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rows = blackIsOneRows(image);
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.COLUMNS, width);
        parameters.setInt(COSName.ROWS, height);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(Math.max(4096, rows.length / 10));
        FilterFactory.INSTANCE.getFilter(COSName.CCITTFAX_DECODE).encode(new ByteArrayInputStream(rows), encoded,
                parameters, 0);
        return new EncodedImage(EncodedImage.Encoding.CCITT_G4, encoded.toByteArray(), width, height, false);
    }

    /** The image's rows, one bit a pixel from the most significant, 1 for black, each row padded to a byte with 0. */
    static byte[] blackIsOneRows(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int stride = (width + 7) / 8;
        byte[] rows = new byte[stride * height];
        if (Images.packedBilevel(image)) {
            IndexColorModel palette = (IndexColorModel) image.getColorModel();
            DataBufferByte buffer = (DataBufferByte) image.getRaster().getDataBuffer();
            System.arraycopy(buffer.getData(), buffer.getOffset(), rows, 0, rows.length);
            boolean firstIsBlack = Luma.ofRgb(palette.getRGB(0)) < Luma.ofRgb(palette.getRGB(1));
            int lastBits = width % 8;
            byte padding = (byte) (lastBits == 0 ? 0xFF : (0xFF << (8 - lastBits)));
            for (int y = 0; y < height; y++) {
                int end = y * stride + stride;
                if (firstIsBlack) {
                    for (int i = y * stride; i < end; i++) {
                        rows[i] = (byte) ~rows[i];
                    }
                }
                rows[end - 1] &= padding;
            }
            return rows;
        }
        // any other 1-bit image: pixel by pixel, black where the colour is black (as CCITTFactory decides)
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    rows[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return rows;
    }
}
