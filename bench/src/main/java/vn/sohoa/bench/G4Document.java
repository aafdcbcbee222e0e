package vn.sohoa.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A long bilevel document as an office's feeder scanner makes it: the clean corpus pages a01–a08 in turn, each at
 * 200 dpi, tilted by up to ±1°, thresholded to black and white and written as one multi-page CCITT G4 TIFF. Each
 * page is also written as a one-page G4 TIFF for the tools that read one page per process (raw tesseract).
 */
final class G4Document {

    private static final int DPI = 200;

    /** The document, its pages one per file, and each page's ground-truth page id (a01…a08). */
    record Made(Path tiff, List<Path> pages, List<String> pageIds) {
    }

    private G4Document() {
    }

    static Made make(Path cleanDir, int pageCount, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<BufferedImage> pages = new ArrayList<>();
        List<Path> pageFiles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        BufferedImage[] sources = new BufferedImage[8];
        for (int i = 0; i < pageCount; i++) {
            int source = i % 8;
            String id = String.format("a%02d", source + 1);
            if (sources[source] == null) {
                Path clean = cleanDir.resolve(id + ".png");
                sources[source] = ImageIO.read(Files.exists(clean) ? clean.toFile()
                        : cleanDir.resolve(id + ".jpg").toFile());
            }
            // a feeder's tilt varies from sheet to sheet; the same pattern every run
            double tilt = ((i * 37) % 21 - 10) / 10.0;
            BufferedImage page = bilevel(sources[source], tilt);
            pages.add(page);
            ids.add(id);
            Path single = dir.resolve(String.format("page-%02d.tif", i + 1));
            write(List.of(page), single);
            pageFiles.add(single);
        }
        Path tiff = dir.resolve(pageCount + "-pages-g4-200dpi.tif");
        write(pages, tiff);
        return new Made(tiff, pageFiles, ids);
    }

    /** The 300 dpi page at 200 dpi, tilted, thresholded at mid-grey. */
    private static BufferedImage bilevel(BufferedImage clean, double tiltDegrees) {
        int width = clean.getWidth() * DPI / 300;
        int height = clean.getHeight() * DPI / 300;
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.rotate(Math.toRadians(tiltDegrees), width / 2.0, height / 2.0);
        g.drawImage(clean, 0, 0, width, height, null);
        g.dispose();
        BufferedImage bilevel = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            grey.getRaster().getDataElements(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                bilevel.getRaster().setSample(x, y, 0, (row[x] & 0xff) < 150 ? 0 : 1);
            }
        }
        return bilevel;
    }

    private static void write(List<BufferedImage> pages, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("CCITT T.6");
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
                metadata.mergeTree("javax_imageio_1.0", resolution());
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** 200 dpi in the standard metadata tree (millimetres per pixel). */
    private static IIOMetadataNode resolution() {
        String mmPerPixel = Double.toString(25.4 / DPI);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", mmPerPixel);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", mmPerPixel);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        return root;
    }
}
