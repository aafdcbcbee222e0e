package vn.sohoa.ocr.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;

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
}
