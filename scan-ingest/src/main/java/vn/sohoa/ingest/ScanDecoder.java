package vn.sohoa.ingest;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.NodeList;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.document.PageText;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.ingest.ScanRejectedException.Reason;

/**
 * Turns accepted scan files into page images, in upload order and page order. Page count and pixel dimensions are
 * checked from headers before any pixels are decoded.
 */
public final class ScanDecoder {

    static {
        // ImageIO would copy every stream it reads into a temporary file: the scans are in memory already, and a
        // crash would leave the copies of citizens' papers behind in /tmp
        ImageIO.setUseCache(false);
    }

    private static final float POINTS_PER_INCH = 72f;

    private final IngestLimits limits;
    private final TextPages textPages;

    public ScanDecoder(IngestLimits limits) {
        this(limits, TextPages.KEEP_TEXT);
    }

    public ScanDecoder(IngestLimits limits, TextPages textPages) {
        this.limits = limits;
        this.textPages = textPages;
    }

    /**
     * Reads what the files hold without decoding pixels: page counts, page sizes, encryption and signatures, all
     * checked against the limits. Pages are then decoded one at a time, when a worker needs them, so a document's
     * memory is bounded by the pages in work, not by its length.
     *
     * @throws ScanRejectedException when a file breaks a limit or cannot be read
     */
    public ScanPages open(List<ScanFile> files) {
        return open(files, null);
    }

    /**
     * As {@link #open(List)}, with the pages chosen, ordered and turned as {@code plan} says (null: every page as
     * uploaded).
     *
     * @throws InvalidInputException when the plan names a file or page the upload does not have
     */
    public ScanPages open(List<ScanFile> files, PagePlan plan) {
        List<Integer> pagesPerFile = new ArrayList<>();
        int total = 0;
        for (ScanFile file : files) {
            ScanStructure.check(file);
            int inFile = switch (file.format()) {
                case PNG, JPEG, TIFF -> indexRaster(file, total);
                case PDF -> indexPdf(file, total);
            };
            pagesPerFile.add(inFile);
            total += inFile;
        }
        if (plan == null) {
            List<PagePlan.Page> natural = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                for (int i = 0; i < pagesPerFile.get(f); i++) {
                    natural.add(new PagePlan.Page(f, i, 0));
                }
            }
            plan = new PagePlan(natural);
        }
        List<ScanPages.PageRef> pages = new ArrayList<>();
        for (PagePlan.Page page : plan.pages()) {
            if (page.file() >= files.size() || page.pageInFile() >= pagesPerFile.get(page.file())) {
                throw new InvalidInputException("pages", "the page plan names page " + (page.pageInFile() + 1)
                        + " of file " + (page.file() + 1) + ", which the upload does not have",
                        "kế hoạch trang nêu một trang không có trong tệp đã tải");
            }
            pages.add(new ScanPages.PageRef(files.get(page.file()), page.file(), page.pageInFile(), pages.size() + 1,
                    page.clockwiseDegrees()));
        }
        if (pages.isEmpty()) {
            throw new ScanRejectedException(Reason.EMPTY, "files", "no page in the upload", "không có trang nào");
        }
        return new ScanPages(this, pages);
    }

    /** Decodes every page at once: for small inputs and tools; documents go through {@link #open}. */
    public List<PageImage> decode(List<ScanFile> files) {
        ScanPages pages = open(files);
        List<PageImage> decoded = new ArrayList<>(pages.count());
        for (int number = 1; number <= pages.count(); number++) {
            decoded.add(pages.page(number));
        }
        return decoded;
    }

    private int indexRaster(ScanFile file, int pagesBefore) {
        return withReader(file, reader -> {
            int count = reader.getNumImages(true);
            for (int i = 0; i < count; i++) {
                checkPageBudget(file, pagesBefore + i + 1);
                checkPixels(file, i + 1, reader.getWidth(i), reader.getHeight(i));
            }
            return count;
        });
    }

    private int indexPdf(ScanFile file, int pagesBefore) {
        return withPdf(file, document -> {
            // checked once, when the upload is indexed (not again for every page decoded)
            Optional<String> active = ActivePdfContent.find(document);
            if (active.isPresent()) {
                throw new ScanRejectedException(Reason.ACTIVE_CONTENT, file.name(), "the PDF contains "
                        + active.get() + "; a scan has none: send the scan itself",
                        "tệp PDF chứa nội dung chủ động (" + active.get() + "); hãy gửi bản quét");
            }
            int number = 0;
            for (PDPage page : document.getPages()) {
                number++;
                checkPageBudget(file, pagesBefore + number);
                PDImageXObject largest = largestImage(page.getResources());
                if (largest != null) {
                    checkPixels(file, number, largest.getWidth(), largest.getHeight());
                }
                checkEncodedSizes(file, number, page.getResources());
            }
            return number;
        });
    }

    /** Decodes one page; called from worker threads, each call with its own reader. */
    PageImage decodePage(ScanPages.PageRef ref) {
        ScanFile file = ref.file();
        String source = file.name() + " page " + (ref.indexInFile() + 1);
        return switch (file.format()) {
            case PNG, JPEG, TIFF -> withReader(file, reader -> {
                IIOMetadata metadata = reader.getImageMetadata(ref.indexInFile());
                BufferedImage image = file.format() == ScanFormat.JPEG
                        ? readJpeg(reader, ref.indexInFile(), metadata, file) : reader.read(ref.indexInFile());
                int dpi = Resolution.of(dpiFrom(metadata), image.getWidth(), image.getHeight(),
                        limits.defaultDpi());
                return new PageImage(ref.number(), image, dpi, source, null, lossless(metadata));
            });
            case PDF -> withPdf(file, document -> decodePdfPage(file, document,
                    document.getPage(ref.indexInFile()), ref.indexInFile() + 1, ref.number()));
        };
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    @FunctionalInterface
    private interface PdfWork<T> {
        T apply(PDDocument document) throws IOException;
    }

    private static <T> T withReader(ScanFile file, ReaderWork<T> work) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file.content()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable(file, "no image reader for " + file.format(), null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (ScanRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e.getMessage(), e);
        }
    }

    private static <T> T withPdf(ScanFile file, PdfWork<T> work) {
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
            return work.apply(document);
        } catch (InvalidPasswordException e) {
            throw encrypted(file, e);
        } catch (ScanRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
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

    /**
     * A page of a scanner's PDF holds one image covering the page: take that image as it is (no re-rendering, no
     * resampling). A page without one is rendered at the default resolution.
     */
    private PageImage decodePdfPage(ScanFile file, PDDocument document, PDPage page, int pageNumber, int number)
            throws IOException {
        PDImageXObject largest = largestImage(page.getResources());
        PDRectangle media = page.getMediaBox();
        float widthInches = media.getWidth() / POINTS_PER_INCH;
        String source = file.name() + " page " + pageNumber;
        if (largest != null) {
            checkPixels(file, pageNumber, largest.getWidth(), largest.getHeight());
            int dpi = Math.max(1, Math.round(largest.getWidth() / widthInches));
            boolean rotated = page.getRotation() % 180 != 0;
            if (rotated) {
                dpi = Math.max(1, Math.round(largest.getWidth() / (media.getHeight() / POINTS_PER_INCH)));
            }
            boolean lossless = !List.of("jpg", "jpx").contains(String.valueOf(largest.getSuffix()));
            return new PageImage(number, pixels(largest), dpi, source,
                    existingText(document, pageNumber, largest.getWidth() / media.getWidth()), lossless);
        }
        int dpi = limits.defaultDpi();
        long pixels = (long) (widthInches * dpi) * (long) (media.getHeight() / POINTS_PER_INCH * dpi);
        if (pixels > limits.maxPagePixels()) {
            throw tooManyPixels(file, pageNumber, pixels);
        }
        // a born-digital page: its look is kept as an image at the default resolution, its text as it is
        BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, dpi, ImageType.RGB);
        return new PageImage(number, rendered, dpi, source, existingText(document, pageNumber, dpi / POINTS_PER_INCH),
                true);
    }

    /**
     * The image's pixels in its own colour space when Java can hold them so (8-bit grey, RGB): much faster than
     * PDFBox's conversion of every image to RGB, and a grey scan stays grey.
     */
    private static BufferedImage pixels(PDImageXObject image) throws IOException {
        BufferedImage jpeg = plainJpeg(image);
        if (jpeg != null) {
            return jpeg;
        }
        BufferedImage raw = image.getRawImage();
        return raw != null ? raw : image.getImage();
    }

    /**
     * A scanner's PDF page is mostly one JPEG (DCTDecode) in grey or RGB: decoded straight from its stream by the
     * JPEG reader, as a JPEG file is. PDFBox would decode it into a byte stream and then read that stream back sample
     * by sample into a raster, ten times slower (370 ms against 35 ms for an A4 page at 300 dpi). Anything else
     * (other filters, CMYK, a Decode array, other bit depths) goes the general way; null then.
     */
    static BufferedImage plainJpeg(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.size() != 1 || !COSName.DCT_DECODE.equals(filters.get(0)) || image.getBitsPerComponent() != 8
                || image.getDecode() != null || image.isStencil()) {
            return null;
        }
        int components;
        if (image.getColorSpace() == PDDeviceGray.INSTANCE) {
            components = 1;
        } else if (image.getColorSpace() == PDDeviceRGB.INSTANCE) {
            components = 3;
        } else {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (InputStream encoded = image.getCOSObject().createRawInputStream();
             ImageInputStream input = ImageIO.createImageInputStream(encoded)) {
            reader.setInput(input);
            BufferedImage decoded = reader.read(0);
            boolean matches = decoded.getWidth() == image.getWidth() && decoded.getHeight() == image.getHeight()
                    && decoded.getColorModel().getNumColorComponents() == components
                    && !decoded.getColorModel().hasAlpha();
            return matches ? decoded : null;
        } catch (IIOException unusual) {
            return null; // a JPEG the reader cannot take (CMYK in an RGB space, say): PDFBox's way copes
        } finally {
            reader.dispose();
        }
    }

    /** The text layer of a PDF page placed on its image, when it has one and it is to be kept. */
    private PageText existingText(PDDocument document, int pageNumber, double pixelsPerPoint) throws IOException {
        return textPages == TextPages.KEEP_TEXT ? ExtractPageText.of(document, pageNumber, pixelsPerPoint) : null;
    }

    /**
     * A JPEG's decoder allocates the size its own header (SOF) gives, whatever the PDF's image dictionary says: a
     * dictionary of 100×100 may carry a JPEG of 46 000×46 000. Each JPEG image of the page is measured from its
     * header (nothing decoded) and refused when that is over the pixel budget or larger than the dictionary says.
     */
    private void checkEncodedSizes(ScanFile file, int pageNumber, PDResources resources) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (!(resources.getXObject(name) instanceof PDImageXObject image)) {
                continue;
            }
            checkPixels(file, pageNumber, image.getWidth(), image.getHeight());
            List<COSName> filters = image.getStream().getFilters();
            if (filters.contains(COSName.JBIG2_DECODE) || filters.contains(COSName.JPX_DECODE)) {
                // no decoder for these is installed: refused here, with the reason, rather than failing in OCR
                throw new ScanRejectedException(Reason.UNSUPPORTED_TYPE, file.name(), "an image of page " + pageNumber
                        + " is compressed as " + (filters.contains(COSName.JBIG2_DECODE) ? "JBIG2" : "JPEG 2000")
                        + ", which this service does not read: scan to JPEG, PNG or TIFF",
                        "ảnh trong trang " + pageNumber + " nén theo chuẩn JBIG2/JPEG 2000, hệ thống không đọc được; "
                        + "hãy quét ra JPEG, PNG hoặc TIFF");
            }
            checkCcittColumns(file, pageNumber, image, filters);
            checkInflatedSize(file, pageNumber, image, filters);
            Dimension encoded = jpegHeaderSize(image);
            if (encoded == null) {
                continue;
            }
            long real = (long) encoded.width * encoded.height;
            checkPixels(file, pageNumber, encoded.width, encoded.height);
            if (real > (long) image.getWidth() * image.getHeight()) {
                throw new ScanRejectedException(Reason.TOO_MANY_PIXELS, file.name(), "an image of page " + pageNumber
                        + " says " + image.getWidth() + "×" + image.getHeight() + " but its JPEG data is "
                        + encoded.width + "×" + encoded.height, "ảnh trong trang " + pageNumber
                        + " khai báo kích thước nhỏ hơn dữ liệu JPEG của nó");
            }
        }
    }

    /**
     * A CCITT decoder allocates its rows at the width {@code /DecodeParms /Columns} gives, not the dictionary's
     * {@code /Width}: the two must agree.
     */
    private void checkCcittColumns(ScanFile file, int pageNumber, PDImageXObject image, List<COSName> filters) {
        int index = filters.indexOf(COSName.CCITTFAX_DECODE);
        if (index < 0) {
            return;
        }
        COSDictionary parameters = decodeParameters(image, index);
        int columns = parameters == null ? 1728 : parameters.getInt(COSName.COLUMNS, 1728);
        if (columns < 1 || columns != image.getWidth()) {
            throw new ScanRejectedException(Reason.TOO_MANY_PIXELS, file.name(), "an image of page " + pageNumber
                    + " says " + image.getWidth() + " pixels wide but its CCITT data " + columns,
                    "ảnh trong trang " + pageNumber + " khai báo độ rộng khác với dữ liệu CCITT của nó");
        }
    }

    private static COSDictionary decodeParameters(PDImageXObject image, int index) {
        COSBase parameters = image.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        if (parameters instanceof COSArray array) {
            return index < array.size() && array.getObject(index) instanceof COSDictionary d ? d : null;
        }
        return parameters instanceof COSDictionary dictionary ? dictionary : null;
    }

    /**
     * Flate data can inflate a thousandfold: PDFBox would inflate it whole into memory before reading a sample. The
     * raw data is inflated here first, counting and keeping nothing, up to what the image's samples need (plus a
     * margin for PNG predictors): an image of 100×100 whose data inflates to a gigabyte is refused after a few
     * kilobytes. Where Flate precedes another filter (a JPEG inside), the file size limit bounds it.
     */
    private void checkInflatedSize(ScanFile file, int pageNumber, PDImageXObject image, List<COSName> filters)
            throws IOException {
        if (filters.isEmpty() || !COSName.FLATE_DECODE.equals(filters.get(0))) {
            return;
        }
        long cap;
        if (filters.size() == 1) {
            int components = image.isStencil() || image.getColorSpace() == null ? 1
                    : image.getColorSpace().getNumberOfComponents();
            long row = ((long) image.getWidth() * components * Math.max(1, image.getBitsPerComponent()) + 7) / 8;
            cap = (row + 1) * image.getHeight() + 64 * 1024; // +1: the predictor's byte per row
        } else {
            cap = limits.maxFileBytes();
        }
        long inflated = 0;
        Inflater inflater = new Inflater();
        try (InputStream raw = image.getCOSObject().createRawInputStream();
             InputStream in = new InflaterInputStream(raw, inflater)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                inflated += n;
                if (inflated > cap) {
                    throw new ScanRejectedException(Reason.TOO_MANY_PIXELS, file.name(), "an image of page "
                            + pageNumber + " inflates to more than " + cap + " bytes, more than its "
                            + image.getWidth() + "×" + image.getHeight() + " samples need", "dữ liệu nén của ảnh "
                            + "trong trang " + pageNumber + " bung ra lớn hơn kích thước ảnh khai báo");
                }
            }
        } catch (ZipException | EOFException damaged) {
            // damaged data: the decoder will find it so too, without allocating more than it read
        } finally {
            inflater.end();
        }
    }

    /** The width and height in a DCTDecode image's own JPEG header, or null for an image of another kind. */
    static Dimension jpegHeaderSize(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.isEmpty() || !COSName.DCT_DECODE.equals(filters.get(filters.size() - 1))) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        // the filters before DCTDecode (Flate, say) are undone; the JPEG itself is only read up to its header
        try (InputStream encoded = image.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()));
             ImageInputStream input = ImageIO.createImageInputStream(encoded)) {
            reader.setInput(input, true, true);
            return new Dimension(reader.getWidth(0), reader.getHeight(0));
        } catch (IIOException unreadable) {
            return null; // no header to read: the decoder will fail on it too, with a small allocation
        } finally {
            reader.dispose();
        }
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

    /** The standard metadata's Compression/Lossless flag: false for JPEG and JPEG-in-TIFF. */
    private static boolean lossless(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return false;
        }
        NodeList flags = ((IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0")).getElementsByTagName("Lossless");
        return flags.getLength() == 0
                || "TRUE".equalsIgnoreCase(((IIOMetadataNode) flags.item(0)).getAttribute("value"));
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
    private static OptionalInt dpiFrom(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return OptionalInt.empty();
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return OptionalInt.empty();
        }
        try {
            float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            if (mmPerPixel <= 0) {
                return OptionalInt.empty();
            }
            int dpi = Math.round(25.4f / mmPerPixel);
            return dpi >= 50 && dpi <= 2400 ? OptionalInt.of(dpi) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
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
