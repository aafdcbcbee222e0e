package vn.sohoa.ocr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.sohoa.testkit.SharedCorpus;

/**
 * The measured tilt against the angle each corpus scan was turned by when it was made (the corpus README's table:
 * ImageMagick's {@code -rotate}, positive clockwise, which tilts the lines down to the right: a positive tilt here).
 * The Hough transform alone (the scan-quality gate's measure) is off by up to 0.032° on these scans (s03; 0.026° on
 * the table s07, whose levelled rows Tesseract then read apart); levelling sharpens it with a projection profile.
 */
class DeskewTest {

    /** Within this of the angle the scan was made with (the profile's search step is 0.01°; measured ≤ 0.019°). */
    static final double LEVELLING_TOLERANCE = 0.025;
    /** The gate only asks whether a page is turned further than levelling corrects. */
    static final double GATE_TOLERANCE = 0.1;

    @ParameterizedTest(name = "{0} page {1}: {2}°")
    @CsvSource({
            "scans/s01_a01_skew+1.2_noise_jpeg75_300dpi.jpg, 0, 1.2",
            "scans/s02_a02_skew-0.7_blur2.2_300dpi.png, 0, -0.7",
            "scans/s03_a03_skew+1.8_g4_200dpi.tif, 0, 1.8",
            "scans/s05_a05_skew-2.3_lowcontrast_300dpi.jpg, 0, -2.3",
            "scans/s07_a07_skew+0.5_edge-shadow_300dpi.jpg, 0, 0.5",
            "scans/s08_a08_skew-0.9_colour_jpeg85_300dpi.jpg, 0, -0.9",
            "scans/s09_a02_jpeg-q10_200dpi.jpg, 0, 0.3",
            "scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif, 0, 0.8",
            "scans/s10_a05+a06_2pages_skew_lzw_300dpi.tif, 1, -1.4",
    })
    void measuresTheAngleTheScanWasTurnedBy(String corpusFile, int page, double madeWith) throws IOException {
        Scan scan = read(corpusFile, page);

        assertThat(Deskew.tilt(scan.grey(), scan.dpi())).isCloseTo(madeWith, within(GATE_TOLERANCE));
        assertThat(new Deskew(5, 0.1).measure(scan.grey(), scan.dpi()))
                .isCloseTo(-madeWith, within(LEVELLING_TOLERANCE));
    }

    record Scan(BufferedImage grey, int dpi) {
    }

    static Scan read(String corpusFile, int page) throws IOException {
        int dpi = corpusFile.endsWith("_200dpi.jpg") || corpusFile.endsWith("_200dpi.tif") ? 200 : 300;
        try (ImageInputStream in = ImageIO.createImageInputStream(SharedCorpus.corpus(corpusFile).toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Scan(Images.toGrey(reader.read(page)), dpi);
            } finally {
                reader.dispose();
            }
        }
    }
}
