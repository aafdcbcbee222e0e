package vn.sohoa.ocr.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.Random;
import java.util.function.IntBinaryOperator;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.sohoa.ocr.preprocess.Images;
import vn.sohoa.testkit.SharedCorpus;

class GreyCopyTest {

    /** The same page as 8-bit grey: the reference for the 1-bit path, which reads the packed bits itself. */
    private static BufferedImage asGrey(BufferedImage bilevel) {
        BufferedImage grey = new BufferedImage(bilevel.getWidth(), bilevel.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(bilevel, 0, 0, null);
        return grey;
    }

    @Test
    void aBilevelPageGivesTheGreyCopyOfItsGreyVersion() throws IOException {
        BufferedImage bilevel = Images.toBilevel(Images.toGrey(ImageIO.read(SharedCorpus.corpus("clean/a01.png")
                .toFile())));
        // an odd width and an offset sub-image: rows that do not start or end on a byte
        BufferedImage cropped = bilevel.getSubimage(3, 5, 2001, 2501);
        IndexColorModel whiteFirst = new IndexColorModel(1, 2, new byte[]{(byte) 255, 0}, new byte[]{(byte) 255, 0},
                new byte[]{(byte) 255, 0});
        BufferedImage inverted = new BufferedImage(2001, 2501, BufferedImage.TYPE_BYTE_BINARY, whiteFirst);
        inverted.getGraphics().drawImage(cropped, 0, 0, null);
        for (BufferedImage page : new BufferedImage[]{bilevel, cropped, inverted}) {
            for (int factor : new int[]{1, 2}) {
                GreyCopy fast = GreyCopy.of(page, 300, factor);
                GreyCopy reference = GreyCopy.of(asGrey(page), 300, factor);
                assertThat(fast.pixels).isEqualTo(reference.pixels);
            }
        }
        // and it is a page: paper white, ink black
        int[] histogram = GreyCopy.of(bilevel, 300, 1).histogram();
        assertThat(histogram[255]).isGreaterThan(histogram[0]).isGreaterThan(0);
    }

    /** Each cell the mean of its k×k block of {@code level(x, y)}: the definition, written out. */
    private static int[] blockMeans(int width, int height, int factor, IntBinaryOperator level) {
        int columns = width / factor;
        int rows = height / factor;
        int[] means = new int[columns * rows];
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < columns; cx++) {
                int sum = 0;
                for (int y = cy * factor; y < cy * factor + factor; y++) {
                    for (int x = cx * factor; x < cx * factor + factor; x++) {
                        sum += level.applyAsInt(x, y);
                    }
                }
                means[cy * columns + cx] = sum / (factor * factor);
            }
        }
        return means;
    }

    @Test
    void colourAndGreyPagesAreReadFromTheirBytesAsTheDefinitionSays() {
        Random random = new Random(7);
        BufferedImage colour = new BufferedImage(307, 251, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage grey = new BufferedImage(307, 251, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 251; y++) {
            for (int x = 0; x < 307; x++) {
                colour.setRGB(x, y, random.nextInt(0x1000000));
                grey.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        // sub-images: rows that start inside the buffer, as a cropped page's do
        for (BufferedImage page : new BufferedImage[]{colour, colour.getSubimage(3, 5, 201, 199)}) {
            for (int factor : new int[]{1, 2, 3}) {
                int rgbFactor = factor;
                assertThat(GreyCopy.of(page, 300, factor).pixels).isEqualTo(blockMeans(page.getWidth(),
                        page.getHeight(), rgbFactor, (x, y) -> {
                            int rgb = page.getRGB(x, y);
                            return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                        }));
            }
        }
        for (BufferedImage page : new BufferedImage[]{grey, grey.getSubimage(3, 5, 201, 199)}) {
            for (int factor : new int[]{1, 2, 3}) {
                assertThat(GreyCopy.of(page, 300, factor).pixels).isEqualTo(blockMeans(page.getWidth(),
                        page.getHeight(), factor, (x, y) -> page.getRaster().getSample(x, y, 0)));
            }
        }
    }
}
