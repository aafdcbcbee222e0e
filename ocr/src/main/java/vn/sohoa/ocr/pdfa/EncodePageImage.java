package vn.sohoa.ocr.pdfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

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
    private static EncodedImage groupFour(BufferedImage image) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject encoded = CCITTFactory.createFromImage(scratch, image);
            byte[] data;
            try (InputStream raw = encoded.getCOSObject().createRawInputStream()) {
                data = raw.readAllBytes();
            }
            COSDictionary parameters = encoded.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS);
            boolean blackIs1 = parameters != null && parameters.getBoolean(COSName.BLACK_IS_1, false);
            return new EncodedImage(EncodedImage.Encoding.CCITT_G4, data, image.getWidth(), image.getHeight(),
                    blackIs1);
        }
    }
}
