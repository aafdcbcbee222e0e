package vn.sohoa.ocr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.recognition.software.jdeskew.ImageDeskew;

import vn.sohoa.testkit.SharedCorpus;

class ImagesTest {

    /** What Java2D's own bilinear transform draws: the reference the fast grey path must match. */
    static BufferedImage java2d(BufferedImage source, double degrees) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), source.getType());
        Graphics2D g = target.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, source.getWidth(), source.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), source.getWidth() / 2.0, source.getHeight() / 2.0);
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return target;
    }

    /** Mean absolute grey difference away from the frame (the last rows and columns differ in edge handling only). */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long count = 0;
        for (int y = 4; y < a.getHeight() - 4; y++) {
            for (int x = 4; x < a.getWidth() - 4; x++) {
                sum += Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0));
                count++;
            }
        }
        return (double) sum / count;
    }

    @Test
    void theFastGreyRotationDrawsWhatJava2dDraws() throws IOException {
        BufferedImage page = Images.toGrey(ImageIO.read(SharedCorpus.corpus("clean/a05.png").toFile()));
        for (double degrees : new double[]{2.3, -1.2, 0.5, -4.9}) {
            BufferedImage fast = Images.rotateSmall(page, degrees);
            BufferedImage reference = java2d(page, degrees);
            assertThat(fast.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(meanDifference(fast, reference)).as("%s°", degrees).isLessThan(1.0);
            // and it is a rotation: against the unturned page the difference is large
            assertThat(meanDifference(fast, page)).as("%s°", degrees)
                    .isGreaterThan(5 * meanDifference(fast, reference));
        }
        // outside the turned page is white paper
        BufferedImage turned = Images.rotateSmall(page, 4.9);
        assertThat(turned.getRaster().getSample(0, 0, 0)).isEqualTo(255);
    }

    @Test
    void aColourScanIsKeptAsItCameAndItsGreyIsWhatJava2dDraws() throws IOException {
        BufferedImage page = ImageIO.read(SharedCorpus.corpus("scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg")
                .toFile());
        assertThat(page.getType()).as("ImageIO's colour JPEGs: the type the fast path takes")
                .isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(Images.toOpaque(page, true)).as("a colour scan is kept as it came").isSameAs(page);
        assertThat(Images.rotateSmall(page, 0.9).getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);

        BufferedImage grey = Images.toGrey(page);
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(bytes(grey)).as("every grey level as Java2D draws it")
                .isEqualTo(bytes(drawnAs(page, BufferedImage.TYPE_BYTE_GRAY)));
    }

    @Test
    void aBilevelScanTurnsGreyAndBackAsJava2dDrawsIt() throws IOException {
        BufferedImage page = ImageIO.read(SharedCorpus.corpus("scans/s03_a03_skew+1.8_g4_200dpi.tif").toFile());
        assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        BufferedImage grey = Images.toGrey(page);
        assertThat(bytes(grey)).as("every grey level as Java2D draws it")
                .isEqualTo(bytes(drawnAs(page, BufferedImage.TYPE_BYTE_GRAY)));

        // back to one bit after levelling (grey levels between black and white from the interpolation)
        BufferedImage levelled = Images.rotateSmall(grey, 1.8);
        BufferedImage bits = Images.toBilevel(levelled);
        assertThat(bits.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(bytes(bits)).as("every bit as Java2D draws it")
                .isEqualTo(bytes(drawnAs(levelled, BufferedImage.TYPE_BYTE_BINARY)));
    }

    @Test
    void aTransparentPaletteEntryIsWhitePaperInTheGreyCopy() {
        // both entries black, the second transparent: Java2D draws it onto white, so the grey copy shows paper there
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[]{0, 0}, new byte[]{0, 0}, new byte[]{0, 0}, 1);
        BufferedImage bilevel = new BufferedImage(16, 2, BufferedImage.TYPE_BYTE_BINARY, palette);
        bilevel.getRaster().setSample(3, 0, 0, 1);
        BufferedImage grey = Images.toGrey(bilevel);
        assertThat(grey.getRaster().getSample(3, 0, 0)).isEqualTo(255);
        assertThat(grey.getRaster().getSample(4, 0, 0)).isZero();
    }

    /** What Java2D draws of {@code source} into a new image of {@code type}: the reference the fast paths match. */
    private static BufferedImage drawnAs(BufferedImage source, int type) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = target.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return target;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void theDarkMaskGivesImageDeskewTheSameAngleFaster() throws IOException {
        for (String file : new String[]{"scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg",
                "scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg", "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg"}) {
            BufferedImage page = Images.toGrey(ImageIO.read(SharedCorpus.corpus(file).toFile()));
            BufferedImage small = Images.stretchContrast(Images.downscaleGrey(page, 0.33));
            BufferedImage mask = Images.darkMask(small);
            assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
            double onGrey = new ImageDeskew(small).getSkewAngle();
            assertThat(new ImageDeskew(mask).getSkewAngle()).as(file).isEqualTo(onGrey);
            // a skewed page, so that the equality says something
            assertThat(Math.abs(onGrey)).as(file).isGreaterThan(0.5);
        }
    }

    @Test
    void shrinkingAveragesEachBlock() {
        BufferedImage grey = new BufferedImage(7, 7, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                grey.getRaster().setSample(x, y, 0, x * 30 + y);
            }
        }
        for (int block = 2; block <= 3; block++) {
            BufferedImage small = Images.shrinkGrey(grey, block);
            assertThat(small.getWidth()).isEqualTo(7 / block);
            for (int y = 0; y < small.getHeight(); y++) {
                for (int x = 0; x < small.getWidth(); x++) {
                    int sum = 0;
                    for (int dy = 0; dy < block; dy++) {
                        for (int dx = 0; dx < block; dx++) {
                            sum += grey.getRaster().getSample(x * block + dx, y * block + dy, 0);
                        }
                    }
                    assertThat(small.getRaster().getSample(x, y, 0)).as("block %d at %d,%d", block, x, y)
                            .isEqualTo(sum / (block * block));
                }
            }
        }
    }
}
