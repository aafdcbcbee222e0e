package vn.sohoa.ocr.pdfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import vn.sohoa.ocr.preprocess.Images;
import vn.sohoa.testkit.SharedCorpus;

class EncodePageImageTest {

    /** What PDFBox's own factory encodes: the reference the fast path must equal byte for byte. */
    private static byte[] pdfboxGroupFour(BufferedImage image) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject encoded = CCITTFactory.createFromImage(scratch, image);
            try (InputStream raw = encoded.getCOSObject().createRawInputStream()) {
                return raw.readAllBytes();
            }
        }
    }

    @Test
    void groupFourFromTheRasterEqualsPdfboxsPixelByPixelEncoding() throws IOException {
        BufferedImage page = Images.toBilevel(Images.toGrey(ImageIO.read(SharedCorpus.corpus("clean/a03.png")
                .toFile())));
        // an odd width, so that every row ends in padding bits
        BufferedImage odd = page.getSubimage(0, 0, 2477, 3001);
        BufferedImage copy = new BufferedImage(odd.getWidth(), odd.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        copy.getGraphics().drawImage(odd, 0, 0, null);
        for (BufferedImage image : new BufferedImage[]{page, copy}) {
            EncodedImage fast = EncodePageImage.groupFour(image);
            assertThat(fast.encoding()).isEqualTo(EncodedImage.Encoding.CCITT_G4);
            assertThat(fast.data()).isEqualTo(pdfboxGroupFour(image));
            assertThat(fast.data().length).isLessThan(image.getWidth() * image.getHeight() / 8 / 4);
        }
    }

    @Test
    void aPaletteWithWhiteFirstIsReadTheRightWayRound() throws IOException {
        IndexColorModel whiteFirst = new IndexColorModel(1, 2, new byte[]{(byte) 255, 0}, new byte[]{(byte) 255, 0},
                new byte[]{(byte) 255, 0});
        BufferedImage image = new BufferedImage(333, 200, BufferedImage.TYPE_BYTE_BINARY, whiteFirst);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 333, 200);
        g.setColor(Color.BLACK);
        g.fillRect(40, 30, 120, 50);
        g.drawString("Số định danh 049191004527", 20, 150);
        g.dispose();
        assertThat(EncodePageImage.groupFour(image).data()).isEqualTo(pdfboxGroupFour(image));
    }
}
