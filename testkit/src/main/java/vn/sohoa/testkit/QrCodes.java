package vn.sohoa.testkit;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the QR code on a rendered page as a phone would find it among a scan's text: the plain detector first, then
 * the ones that look for several finder-pattern sets and in parts of the image (text and scan noise can mislead the
 * plain detector, depending on the code's own pattern).
 */
public final class QrCodes {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, true);

    private QrCodes() {
    }

    /**
     * Every QR code found on the page, in no particular order; none found is an empty list. Two multi-code
     * detectors and the plain one on overlapping bands are asked and their findings joined: each has missed a code
     * of several that another found.
     */
    public static java.util.List<String> readAll(BufferedImage page) {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        try {
            java.util.Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)).map(Result::getText)
                    .forEach(found::add);
        } catch (NotFoundException none) {
            // the other detector may still find some
        }
        try {
            java.util.Arrays.stream(new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, HINTS))
                    .map(Result::getText).forEach(found::add);
        } catch (NotFoundException none) {
            // the bands below may still find some
        }
        // and the plain detector on overlapping bands of the page, where each code stands nearly alone: both
        // multi-code detectors have missed one of a receipt's two codes now and then
        int band = Math.max(1, page.getHeight() / 3);
        for (int top = 0; top < page.getHeight(); top += Math.max(1, band / 2)) {
            int height = Math.min(band, page.getHeight() - top);
            try {
                found.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                        page.getWidth(), page.getHeight(), pixels).crop(0, top, page.getWidth(), height))), HINTS)
                        .getText());
            } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException none) {
                // no code in this band
            }
            if (top + height >= page.getHeight()) {
                break;
            }
        }
        return java.util.List.copyOf(found);
    }

    public static String read(BufferedImage page) throws NotFoundException {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, HINTS).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException plain) {
            try {
                Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap, HINTS);
                return found[0].getText();
            } catch (NotFoundException multi) {
                Result[] found = new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, HINTS);
                return found[0].getText();
            }
        }
    }
}
