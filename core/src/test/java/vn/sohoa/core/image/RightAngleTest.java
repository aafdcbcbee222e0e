package vn.sohoa.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

import org.junit.jupiter.api.Test;

class RightAngleTest {

    /** A 3×2 grey image whose pixels are all different: 0 1 2 / 3 4 5 (times 40). */
    static BufferedImage sample(int type) {
        BufferedImage image = new BufferedImage(3, 2, type);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int grey = (y * 3 + x) * 40;
                image.getRaster().setSample(x, y, 0, type == BufferedImage.TYPE_BYTE_BINARY ? (x + y) % 2 : grey);
            }
        }
        return image;
    }

    static int at(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    @Test
    void everyQuarterTurnMovesEachPixelExactly() {
        BufferedImage source = sample(BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage right = RightAngle.rotate(source, 90);
        assertThat(right.getWidth()).isEqualTo(2);
        assertThat(right.getHeight()).isEqualTo(3);
        // clockwise: the bottom-left pixel (3) comes to the top-left
        assertThat(at(right, 0, 0)).isEqualTo(120);
        assertThat(at(right, 1, 0)).isEqualTo(0);
        assertThat(at(right, 1, 2)).isEqualTo(80);

        BufferedImage half = RightAngle.rotate(source, 180);
        assertThat(at(half, 0, 0)).isEqualTo(200);
        assertThat(at(half, 2, 1)).isEqualTo(0);

        BufferedImage left = RightAngle.rotate(source, -90);
        assertThat(left).isNotNull();
        assertThat(at(left, 0, 0)).isEqualTo(80);
        assertThat(at(RightAngle.rotate(source, 270), 0, 0)).isEqualTo(80);
        assertThat(RightAngle.rotate(source, 360)).isSameAs(source);
    }

    @Test
    void bilevelAndSixteenBitImagesKeepTheirKindAndValues() {
        BufferedImage bilevel = sample(BufferedImage.TYPE_BYTE_BINARY);
        BufferedImage turned = RightAngle.rotate(bilevel, 180);
        assertThat(turned.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(at(turned, 0, 0)).isEqualTo(at(bilevel, 2, 1));

        // 16-bit RGB, a colour model Java has no image type for (as some scanners write PNGs)
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[]{16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 2);
        for (int i = 0; i < 6; i++) {
            raster.setSample(i % 3, i / 3, 0, 10_000 + i);
        }
        BufferedImage deep = new BufferedImage(model, raster, false, null);
        assertThat(deep.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        BufferedImage deepTurned = RightAngle.rotate(deep, 90);
        assertThat(deepTurned.getColorModel()).isSameAs(model);
        assertThat(at(deepTurned, 0, 0)).isEqualTo(10_003);
        assertThat(at(deepTurned, 1, 2)).isEqualTo(10_002);
    }

    @Test
    void onlyRightAnglesAreAccepted() {
        assertThatThrownBy(() -> RightAngle.rotate(sample(BufferedImage.TYPE_BYTE_GRAY), 45))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("45");
        assertThat(RightAngle.normalize(-180)).isEqualTo(180);
        assertThat(RightAngle.normalize(450)).isEqualTo(90);
    }
}
