package vn.sohoa.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * A corpus of 44 malformed or hostile files, made in code rather than stored (each is a few bytes changed in a valid
 * file, or a header that lies): empty and foreign files, truncated and damaged PNG, JPEG, TIFF and PDF, decompression
 * bombs and huge declared sizes, a 10 000-page TIFF, PDFs with JavaScript, launch actions, embedded files or XFA,
 * encrypted PDFs, and file names with paths or control characters. Each says why it must be refused.
 */
public final class HostileFiles {

    /**
     * One hostile file and the reason code it must be refused with: the name of scan-ingest's
     * {@code ScanRejectedException.Reason}, as the API shows it (the testkit depends on none of Sohoa's modules).
     */
    public record Hostile(String what, String name, byte[] content, String expected) {
    }

    private HostileFiles() {
    }

    /** Made once per JVM: the Flate bomb alone deflates 400 MB of zeros. */
    private static List<Hostile> made;

    /** The hostile files, made on first use; callers must not change their bytes. */
    public static synchronized List<Hostile> corpus() throws IOException {
        if (made == null) {
            made = List.copyOf(make());
        }
        return made;
    }

    private static List<Hostile> make() throws IOException {
        List<Hostile> c = new ArrayList<>();
        byte[] png = png(40, 30);
        byte[] jpeg = jpeg(40, 30);
        byte[] tiff = tiff(40, 30);
        byte[] pdf = pdf(document -> { });
        byte[] random = new byte[1024];
        new Random(1).nextBytes(random);

        c.add(new Hostile("empty file", "empty.png", new byte[0], "EMPTY"));
        c.add(new Hostile("one zero byte", "one.pdf", new byte[1], "UNSUPPORTED_TYPE"));
        c.add(new Hostile("random bytes", "noise.jpg", random, "UNSUPPORTED_TYPE"));
        c.add(new Hostile("text named as PNG", "scan.png", "hello".getBytes(StandardCharsets.UTF_8),
                "UNSUPPORTED_TYPE"));
        c.add(new Hostile("HTML named as JPEG", "scan.jpg", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8), "UNSUPPORTED_TYPE"));
        c.add(new Hostile("an executable named as PDF", "scan.pdf", concat(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1},
                random), "UNSUPPORTED_TYPE"));
        c.add(new Hostile("a ZIP named as TIFF", "scan.tif", concat(new byte[]{'P', 'K', 3, 4}, random),
                "UNSUPPORTED_TYPE"));
        c.add(new Hostile("larger than the limit", "big.png", concat(png, new byte[2000]), "TOO_LARGE"));

        c.add(new Hostile("PNG signature only", "sig.png", Arrays.copyOf(png, 8), "UNREADABLE"));
        c.add(new Hostile("PNG cut after its header", "cut1.png", Arrays.copyOf(png, 33), "UNREADABLE"));
        c.add(new Hostile("PNG cut in its image data", "cut2.png", Arrays.copyOf(png, png.length - 20),
                "UNREADABLE"));
        c.add(new Hostile("PNG with a damaged CRC", "crc.png", flip(png, png.length - 20), "UNREADABLE"));
        c.add(new Hostile("PNG without IEND", "noend.png", Arrays.copyOf(png, png.length - 12), "UNREADABLE"));
        c.add(new Hostile("PNG chunk length 2 GB", "len.png", pngWithChunkLength(png), "UNREADABLE"));
        c.add(new Hostile("PNG with IDAT before IHDR", "order.png", pngChunks(chunk("IDAT", new byte[4]),
                chunk("IEND", new byte[0])), "UNREADABLE"));
        c.add(new Hostile("PNG with no image data", "nodata.png", pngChunks(ihdr(10, 10), chunk("IEND", new byte[0])),
                "UNREADABLE"));
        c.add(new Hostile("PNG decompression bomb 50000×50000", "bomb.png", pngChunks(ihdr(50_000, 50_000),
                chunk("IDAT", deflate(new byte[4096])), chunk("IEND", new byte[0])), "TOO_MANY_PIXELS"));
        c.add(new Hostile("PNG 1×90000000", "tall.png", pngChunks(ihdr(1, 90_000_000), chunk("IDAT",
                deflate(new byte[64])), chunk("IEND", new byte[0])), "TOO_MANY_PIXELS"));

        c.add(new Hostile("JPEG start marker only", "soi.jpg", Arrays.copyOf(jpeg, 2), "UNSUPPORTED_TYPE"));
        c.add(new Hostile("JPEG cut in its header", "head.jpg", Arrays.copyOf(jpeg, 30), "UNREADABLE"));
        c.add(new Hostile("JPEG cut in its scan data", "scan-cut.jpg", Arrays.copyOf(jpeg, jpeg.length - 10),
                "UNREADABLE"));
        c.add(new Hostile("JPEG segment longer than the file", "seg.jpg", jpegSegmentTooLong(jpeg),
                "UNREADABLE"));
        c.add(new Hostile("JPEG declaring 65000×65000", "huge.jpg", jpegWithSize(jpeg, 65_000, 65_000),
                "TOO_MANY_PIXELS"));

        c.add(new Hostile("TIFF header only", "head.tif", Arrays.copyOf(tiff, 8), "UNREADABLE"));
        c.add(new Hostile("TIFF directory past the end", "ifd.tif", tiffFirstIfd(tiff, 1 << 30), "UNREADABLE"));
        c.add(new Hostile("TIFF directories in a loop", "loop.tif", tiffPages(2, true), "UNREADABLE"));
        c.add(new Hostile("TIFF cut in its image data", "cut.tif", tiffPages(1, false, 1 << 20), "UNREADABLE"));
        c.add(new Hostile("TIFF declaring 60000×60000", "huge.tif", tiffPages(1, false, 0, 60_000),
                "TOO_MANY_PIXELS"));
        c.add(new Hostile("TIFF of 10 000 pages", "pages.tif", tiffPages(10_000, false), "TOO_MANY_PAGES"));

        c.add(new Hostile("PDF header only", "head.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                "UNREADABLE"));
        c.add(new Hostile("PDF cut in half", "half.pdf", Arrays.copyOf(pdf, pdf.length / 2), "UNREADABLE"));
        c.add(new Hostile("PDF with JavaScript on opening", "js.pdf", pdf(document -> {
            PDActionJavaScript js = new PDActionJavaScript("app.alert('x')");
            document.getDocumentCatalog().setOpenAction(js);
        }), "ACTIVE_CONTENT"));
        c.add(new Hostile("PDF with a launch action on a link", "launch.pdf", pdf(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
        }), "ACTIVE_CONTENT"));
        c.add(new Hostile("PDF with an embedded file", "attach.pdf", pdf(document -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.exe");
            spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(random)));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        }), "ACTIVE_CONTENT"));
        c.add(new Hostile("PDF with JavaScript when a page opens", "aa.pdf", pdf(document -> {
            COSDictionary actions = new COSDictionary();
            actions.setItem(COSName.O, new PDActionJavaScript("this.print()"));
            document.getPage(0).getCOSObject().setItem(COSName.AA, actions);
        }), "ACTIVE_CONTENT"));
        c.add(new Hostile("PDF with an XFA form", "xfa.pdf", pdf(document -> {
            COSDictionary form = new COSDictionary();
            form.setItem(COSName.FIELDS, new COSArray());
            form.setItem(COSName.getPDFName("XFA"), new COSArray());
            document.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
        }), "ACTIVE_CONTENT"));
        c.add(new Hostile("encrypted PDF", "locked.pdf", pdf(document -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        }), "ENCRYPTED_PDF"));
        c.add(new Hostile("PDF of 400 pages", "pages.pdf", pdf(document -> {
            for (int i = 1; i < 400; i++) {
                document.addPage(new PDPage());
            }
        }), "TOO_MANY_PAGES"));
        c.add(new Hostile("PDF with a 60000×60000 image", "huge.pdf", pdfWithImageSize(60_000, 60_000),
                "TOO_MANY_PIXELS"));
        c.add(new Hostile("PDF whose 100×100 image carries a JPEG of 46000×46000", "jpeg-bomb.pdf",
                pdfWithJpegOfSize(46_000, 46_000), "TOO_MANY_PIXELS"));
        c.add(new Hostile("PDF whose 100×100 image's Flate data inflates to 400 MB", "flate-bomb.pdf",
                pdfWithEncodedImage(deflatedZeros(400L << 20), COSName.FLATE_DECODE, null), "TOO_MANY_PIXELS"));
        COSDictionary wide = new COSDictionary();
        wide.setInt(COSName.COLUMNS, 40_000_000);
        wide.setInt(COSName.K, -1);
        c.add(new Hostile("PDF whose 100×100 CCITT image has rows 40 000 000 columns wide", "ccitt-bomb.pdf",
                pdfWithEncodedImage(new byte[64], COSName.CCITTFAX_DECODE, wide), "TOO_MANY_PIXELS"));
        c.add(new Hostile("PDF with a JBIG2 image (no decoder here)", "jbig2.pdf",
                pdfWithEncodedImage(new byte[64], COSName.JBIG2_DECODE, null), "UNSUPPORTED_TYPE"));

        c.add(new Hostile("path traversal in the name", "../../etc/passwd.png", png, "BAD_NAME"));
        c.add(new Hostile("Windows path in the name", "C:\\scans\\a.png", png, "BAD_NAME"));
        c.add(new Hostile("NUL in the name", "a\u0000.png", png, "BAD_NAME"));
        c.add(new Hostile("a 300-character name", "x".repeat(296) + ".png", png, "BAD_NAME"));
        c.add(new Hostile("a line break in the name", "a\nb.png", png, "BAD_NAME"));
        return c;
    }

    // --- makers -------------------------------------------------------------------------------------------------

    interface DocumentChange {
        void apply(PDDocument document) throws IOException;
    }

    static byte[] pdf(DocumentChange change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF page drawing a 100×100 one-bit image of the given encoded data, filter and decode parameters. */
    static byte[] pdfWithEncodedImage(byte[] encoded, COSName filter, COSDictionary parameters) throws IOException {
        return pdf(document -> {
            var image = new PDImageXObject(document,
                    new ByteArrayInputStream(encoded), filter, 100, 100, 1,
                    PDDeviceGray.INSTANCE);
            if (parameters != null) {
                image.getCOSObject().setItem(COSName.DECODE_PARMS, parameters);
            }
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.drawImage(image, 0, 0, 100, 100);
            }
        });
    }

    /** {@code size} zero bytes deflated: a thousandth of that, made without holding it. */
    static byte[] deflatedZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(out,
                new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                deflated.write(zeros);
            }
        }
        return out.toByteArray();
    }

    /** A PDF page drawing a small image whose dictionary then claims a huge size. */
    static byte[] pdfWithImageSize(int width, int height) throws IOException {
        return pdf(document -> {
            var image = LosslessFactory.createFromImage(document, new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY));
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.drawImage(image, 0, 0, 100, 100);
            }
            image.getCOSObject().setInt(COSName.WIDTH, width);
            image.getCOSObject().setInt(COSName.HEIGHT, height);
        });
    }

    /**
     * A PDF page drawing a JPEG whose dictionary says 100×100 while the JPEG's own header (SOF) says {@code width} ×
     * {@code height}: a JPEG decoder allocates what the header says (a decompression bomb).
     */
    static byte[] pdfWithJpegOfSize(int width, int height) throws IOException {
        byte[] small = jpeg(16, 16);
        return pdf(document -> {
            var image = JPEGFactory.createFromByteArray(document, small);
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.drawImage(image, 0, 0, 100, 100);
            }
            try (OutputStream raw = image.getCOSObject().createRawOutputStream()) {
                raw.write(jpegWithSize(small, width, height));
            }
            image.getCOSObject().setItem(COSName.FILTER, COSName.DCT_DECODE);
            image.getCOSObject().setInt(COSName.WIDTH, 100);
            image.getCOSObject().setInt(COSName.HEIGHT, 100);
        });
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "jpeg", out);
        return out.toByteArray();
    }

    static byte[] tiff(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "tiff", out);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    static byte[] ihdr(int width, int height) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    static byte[] pngChunks(byte[]... chunks) {
        byte[] result = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        for (byte[] chunk : chunks) {
            result = concat(result, chunk);
        }
        return result;
    }

    static byte[] pngWithChunkLength(byte[] png) {
        byte[] copy = png.clone();
        // the first chunk after IHDR (8 + 25 bytes): its length becomes 0x7FFFFFFF
        ByteBuffer.wrap(copy).putInt(33, Integer.MAX_VALUE);
        return copy;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int length = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, length);
    }

    static byte[] jpegSegmentTooLong(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        // the first segment after SOI (APP0 or DQT): its length becomes 65535
        copy[4] = (byte) 0xFF;
        copy[5] = (byte) 0xFF;
        return Arrays.copyOf(copy, 200);
    }

    static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 8 < copy.length; i++) {
            if ((copy[i] & 0xFF) == 0xFF && (copy[i + 1] & 0xFF) == 0xC0) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalStateException("no baseline SOF in the JPEG");
    }

    static byte[] tiffFirstIfd(byte[] tiff, int offset) {
        byte[] copy = tiff.clone();
        ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).putInt(4, offset);
        return copy;
    }

    static byte[] tiffPages(int pages, boolean loop) {
        return tiffPages(pages, loop, 0, 1);
    }

    static byte[] tiffPages(int pages, boolean loop, int stripOverrun) {
        return tiffPages(pages, loop, stripOverrun, 1);
    }

    /**
     * A little-endian TIFF of {@code pages} grey pages of {@code side}×{@code side} sharing one 1-byte strip; the
     * last page's next-IFD link points back to the first when {@code loop}; the strip's byte count exceeds the file
     * by {@code stripOverrun}.
     */
    static byte[] tiffPages(int pages, boolean loop, int stripOverrun, int side) {
        int entries = 8;
        int ifdSize = 2 + 12 * entries + 4;
        ByteBuffer b = ByteBuffer.allocate(8 + pages * ifdSize + 1).order(ByteOrder.LITTLE_ENDIAN);
        int strip = 8 + pages * ifdSize;
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int p = 0; p < pages; p++) {
            int at = 8 + p * ifdSize;
            b.position(at);
            b.putShort((short) entries);
            entry(b, 256, 4, side);          // width
            entry(b, 257, 4, side);          // height
            entry(b, 258, 3, 8);             // bits per sample
            entry(b, 259, 3, 1);             // no compression
            entry(b, 262, 3, 1);             // black is zero
            entry(b, 273, 4, strip);         // strip offset
            entry(b, 278, 4, side);          // rows per strip
            entry(b, 279, 4, 1 + stripOverrun); // strip byte count
            int next = p + 1 < pages ? at + ifdSize : loop ? 8 : 0;
            b.putInt(next);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    static byte[] flip(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
