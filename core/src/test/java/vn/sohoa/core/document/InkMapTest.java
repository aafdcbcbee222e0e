package vn.sohoa.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class InkMapTest {

    /** An A4 page at 300 dpi, white, with one black bar across the top quarter. */
    static BufferedImage page(int type) {
        BufferedImage image = new BufferedImage(2480, 3508, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2480, 3508);
        g.setColor(Color.BLACK);
        g.fillRect(0, 400, 2480, 50);
        g.dispose();
        return image;
    }

    @Test
    void inkIsFoundWhereItIsOnGreyBilevelAndColourPages() {
        for (int type : new int[]{BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            InkMap ink = InkMap.of(page(type), 300);
            // A4 is 595 x 842 points: 298 x 421 cells of 2 points
            assertThat(ink.columns()).isEqualTo(298);
            assertThat(ink.rows()).isEqualTo(421);
            int barRow = (int) (420 / 300.0 * 72 / InkMap.CELL_POINTS);
            assertThat(ink.dark(100, barRow)).as("type %d", type).isPositive();
            assertThat(ink.dark(100, 300)).as("type %d", type).isZero();
        }
    }

    @Test
    void theStoredFormReadsBackAndADamagedOneIsRefused() {
        InkMap ink = InkMap.of(page(BufferedImage.TYPE_BYTE_GRAY), 300);
        byte[] encoded = ink.encoded();
        assertThat(encoded.length).isLessThan(ink.darkSamples().length / 20);
        InkMap back = InkMap.decode(encoded);
        assertThat(back.columns()).isEqualTo(ink.columns());
        assertThat(back.darkSamples()).isEqualTo(ink.darkSamples());
        byte[] cut = Arrays.copyOf(encoded, 20);
        assertThatThrownBy(() -> InkMap.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }
}
