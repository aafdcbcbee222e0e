package vn.sohoa.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.NodeList;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.ScanRejectedException.Reason;

/**
 * Turns accepted scan files into page images, in upload order and page order. Page count and pixel dimensions are
 * checked from headers before any pixels are decoded.
 */
public final class ScanDecoder {

    private static final float POINTS_PER_INCH = 72f;

    private final IngestLimits limits;

    public ScanDecoder(IngestLimits limits) {
        this.limits = limits;
    }

    public List<PageImage> decode(List<ScanFile> files) {
        List<PageImage> pages = new ArrayList<>();
        for (ScanFile file : files) {
            switch (file.format()) {
                case PNG, JPEG, TIFF -> decodeRaster(file, pages);
                case PDF -> decodePdf(file, pages);
            }
        }
        if (pages.isEmpty()) {
            throw new ScanRejectedException(Reason.EMPTY, "files", "no page in the upload", "không có trang nào");
        }
        return pages;
    }

    private void decodeRaster(ScanFile file, List<PageImage> pages) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file.content()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable(file, "no image reader for " + file.format(), null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int count = reader.getNumImages(true);
                for (int i = 0; i < count; i++) {
                    checkPageBudget(file, pages.size() + 1);
                    checkPixels(file, i + 1, reader.getWidth(i), reader.getHeight(i));
                    IIOMetadata metadata = reader.getImageMetadata(i);
                    BufferedImage image = file.format() == ScanFormat.JPEG ? readJpeg(reader, i, metadata, file)
                            : reader.read(i);
                    int dpi = dpiFrom(metadata).orElse(limits.defaultDpi());
                    pages.add(new PageImage(pages.size() + 1, image, dpi, file.name() + " page " + (i + 1)));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScanRejectedException rejected) {
                throw rejected;
            }
            throw unreadable(file, e.getMessage(), e);
        }
    }

    /**
     * JPEG pages: CMYK and YCCK JPEGs (print workflows, some scanners) are converted to RGB, which ImageIO does not
     * do, and the EXIF orientation of phone and camera captures is applied.
     */
    private static BufferedImage readJpeg(ImageReader reader, int index, IIOMetadata metadata, ScanFile file)
            throws IOException {
        // ImageIO reads four-channel JPEGs, but turns them black or wrong unless they follow Adobe's conventions
        BufferedImage image = channels(metadata) == 4
                ? CmykJpeg.toRgb(reader.readRaster(index, null), CmykJpeg.adobeTransform(metadata))
                : reader.read(index);
        return ExifOrientation.apply(image, ExifOrientation.of(file.content()));
    }

    private void decodePdf(ScanFile file, List<PageImage> pages) {
        try (PDDocument document = Loader.loadPDF(file.content())) {
            if (document.isEncrypted()) {
                throw encrypted(file, null);
            }
            if (!document.getSignatureDictionaries().isEmpty()) {
                // A new PDF/A built from its pages would silently drop the signature; the signed original is the
                // document of record and must be kept as it is, not digitized again.
                throw new ScanRejectedException(Reason.SIGNED_PDF, file.name(),
                        "the PDF is digitally signed; OCR would invalidate the signature. Keep the signed original "
                                + "(verify it with /api/v1/verifications) or upload an unsigned scan",
                        "tệp PDF đã được ký số; nhận dạng lại sẽ làm mất hiệu lực chữ ký. Hãy giữ nguyên bản đã ký "
                                + "hoặc tải lên bản quét chưa ký");
            }
            int pageNumber = 0;
            for (PDPage page : document.getPages()) {
                pageNumber++;
                checkPageBudget(file, pages.size() + 1);
                pages.add(decodePdfPage(file, document, page, pageNumber, pages.size() + 1));
            }
        } catch (InvalidPasswordException e) {
            throw encrypted(file, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScanRejectedException rejected) {
                throw rejected;
            }
            throw unreadable(file, e.getMessage(), e);
        }
    }

    /**
     * A page of a scanner's PDF holds one image covering the page: take that image as it is (no re-rendering, no
     * resampling). A page without one is rendered at the default resolution.
     */
    private PageImage decodePdfPage(ScanFile file, PDDocument document, PDPage page, int pageNumber, int number)
            throws IOException {
        PDImageXObject largest = largestImage(page.getResources());
        float widthInches = page.getMediaBox().getWidth() / POINTS_PER_INCH;
        String source = file.name() + " page " + pageNumber;
        if (largest != null) {
            checkPixels(file, pageNumber, largest.getWidth(), largest.getHeight());
            int dpi = Math.max(1, Math.round(largest.getWidth() / widthInches));
            boolean rotated = page.getRotation() % 180 != 0;
            if (rotated) {
                dpi = Math.max(1, Math.round(largest.getWidth() / (page.getMediaBox().getHeight() / POINTS_PER_INCH)));
            }
            return new PageImage(number, largest.getImage(), dpi, source);
        }
        int dpi = limits.defaultDpi();
        long pixels = (long) (widthInches * dpi) * (long) (page.getMediaBox().getHeight() / POINTS_PER_INCH * dpi);
        if (pixels > limits.maxPagePixels()) {
            throw tooManyPixels(file, pageNumber, pixels);
        }
        BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, dpi, ImageType.RGB);
        return new PageImage(number, rendered, dpi, source);
    }

    private static PDImageXObject largestImage(PDResources resources) throws IOException {
        if (resources == null) {
            return null;
        }
        PDImageXObject largest = null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image
                    && (largest == null || (long) image.getWidth() * image.getHeight()
                    > (long) largest.getWidth() * largest.getHeight())) {
                largest = image;
            }
        }
        return largest;
    }

    private static int channels(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        NodeList channels = ((IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0"))
                .getElementsByTagName("NumChannels");
        try {
            return channels.getLength() == 0 ? 0
                    : Integer.parseInt(((IIOMetadataNode) channels.item(0)).getAttribute("value"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Resolution from the standard image metadata (HorizontalPixelSize is millimetres per pixel). */
    private static java.util.OptionalInt dpiFrom(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return java.util.OptionalInt.empty();
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return java.util.OptionalInt.empty();
        }
        try {
            float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            if (mmPerPixel <= 0) {
                return java.util.OptionalInt.empty();
            }
            int dpi = Math.round(25.4f / mmPerPixel);
            return dpi >= 50 && dpi <= 2400 ? java.util.OptionalInt.of(dpi) : java.util.OptionalInt.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    private void checkPageBudget(ScanFile file, int pageCount) {
        if (pageCount > limits.maxPages()) {
            throw new ScanRejectedException(Reason.TOO_MANY_PAGES, file.name(),
                    "the document has more than " + limits.maxPages() + " pages",
                    "tài liệu có hơn " + limits.maxPages() + " trang");
        }
    }

    private void checkPixels(ScanFile file, int page, long width, long height) {
        if (width * height > limits.maxPagePixels()) {
            throw tooManyPixels(file, page, width * height);
        }
    }

    private ScanRejectedException tooManyPixels(ScanFile file, int page, long pixels) {
        return new ScanRejectedException(Reason.TOO_MANY_PIXELS, file.name(),
                "page " + page + " has " + pixels + " pixels; the limit is " + limits.maxPagePixels(),
                "trang " + page + " có " + pixels + " điểm ảnh, vượt giới hạn " + limits.maxPagePixels());
    }

    private static ScanRejectedException encrypted(ScanFile file, Throwable cause) {
        return new ScanRejectedException(Reason.ENCRYPTED_PDF, file.name(),
                "the PDF is encrypted; upload an unprotected scan",
                "tệp PDF đã được mã hóa; hãy tải lên bản quét không đặt mật khẩu", cause);
    }

    private static ScanRejectedException unreadable(ScanFile file, String detail, Throwable cause) {
        return new ScanRejectedException(Reason.UNREADABLE, file.name(),
                "the " + file.format() + " file cannot be read (" + detail + ")",
                "không đọc được tệp " + file.format() + " (" + detail + ")", cause);
    }
}
