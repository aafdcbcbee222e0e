package vn.sohoa.signing.stamp;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import vn.sohoa.signing.keys.SigningException;

/**
 * A QR code drawn as filled squares (vector, so it prints sharp at any size), inside its own quiet zone of four
 * modules (ISO/IEC 18004): text and scans around must not touch the finder patterns, or phones (and decoders) miss
 * the code. Used by the statement on each copy and by the requester's receipt.
 */
public final class VectorQrCode {

    private VectorQrCode() {
    }

    /** Draws the code of {@code url}, {@code size} points square with its quiet zone, lower-left at (left, bottom). */
    public static void draw(PDPageContentStream content, String url, float left, float bottom, float size)
            throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new SigningException("the verification link is too long for a QR code: " + url, e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(left + column * module, bottom + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
