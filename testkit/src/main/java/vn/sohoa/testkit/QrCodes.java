package vn.sohoa.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
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
     * detectors, the plain one on overlapping bands, and the plain one again with each code it read painted over
     * are asked and their findings joined: each of the first three has missed a code of several that another found.
     */
    public static List<String> readAll(BufferedImage page) {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        // the page's grey levels, computed once: the bands below are crops of them
        RGBLuminanceSource luminance = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(luminance));
        Set<String> found = new LinkedHashSet<>();
        try {
            Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)).map(Result::getText)
                    .forEach(found::add);
        } catch (NotFoundException none) {
            // the other detector may still find some
        }
        try {
            Arrays.stream(new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, HINTS))
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
                found.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        luminance.crop(0, top, page.getWidth(), height))), HINTS).getText());
            } catch (NotFoundException | ChecksumException | FormatException none) {
                // no code in this band
            }
            if (top + height >= page.getHeight()) {
                break;
            }
        }
        // last, one code at a time: each one read is painted over, so that the plain detector sees the next
        BufferedImage work = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        work.setRGB(0, 0, page.getWidth(), page.getHeight(), pixels, 0, page.getWidth());
        for (int round = 0; round < 10; round++) {
            Result next;
            try {
                int[] current = work.getRGB(0, 0, work.getWidth(), work.getHeight(), null, 0, work.getWidth());
                next = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                        work.getWidth(), work.getHeight(), current))), HINTS);
            } catch (NotFoundException | ChecksumException | FormatException none) {
                break;
            }
            found.add(next.getText());
            paintOver(work, next.getResultPoints());
        }
        return List.copyOf(found);
    }

    /**
     * Whitens the code whose finder-pattern centres are {@code points}: the centres lie 3.5 modules inside the
     * code's corners, a quarter or less of its side for the versions a page carries, so the box is widened by 40%.
     */
    private static void paintOver(BufferedImage image, ResultPoint[] points) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (ResultPoint point : points) {
            if (point != null) {
                minX = Math.min(minX, point.getX());
                maxX = Math.max(maxX, point.getX());
                minY = Math.min(minY, point.getY());
                maxY = Math.max(maxY, point.getY());
            }
        }
        float margin = 0.4f * Math.max(maxX - minX, maxY - minY) + 2;
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(Math.round(minX - margin), Math.round(minY - margin), Math.round(maxX - minX + 2 * margin),
                Math.round(maxY - minY + 2 * margin));
        graphics.dispose();
    }

    public static String read(BufferedImage page) throws NotFoundException {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, HINTS).getText();
        } catch (NotFoundException | ChecksumException | FormatException plain) {
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
