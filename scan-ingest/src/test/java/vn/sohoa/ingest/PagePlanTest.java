package vn.sohoa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.core.error.InvalidInputException;

class PagePlanTest {

    static PagePlan plan(String encoded) {
        return PagePlan.parse(encoded);
    }

    @Test
    void anArrangementReordersTurnsAndDropsTheCurrentPages() {
        PagePlan natural = plan("0:0:0,1:0:0,1:1:90");
        PagePlan arranged = natural.arranged(List.of(new PagePlan.Choice(3, 90), new PagePlan.Choice(1, -90)));
        assertThat(arranged.encoded()).isEqualTo("1:1:180,0:0:270");
        assertThat(PagePlan.parse(arranged.encoded())).isEqualTo(arranged);
        assertThat(PagePlan.parse(null)).isNull();
        assertThat(PagePlan.parse(" ")).isNull();
    }

    @Test
    void aBadArrangementNamesWhatIsWrong() {
        PagePlan natural = plan("0:0:0,0:1:0");
        assertThatThrownBy(() -> natural.arranged(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one page");
        assertThatThrownBy(() -> natural.arranged(List.of(new PagePlan.Choice(3, 0))))
                .hasMessageContaining("page 3 does not exist").hasMessageContaining("2 page(s)");
        assertThatThrownBy(() -> natural.arranged(List.of(new PagePlan.Choice(1, 0), new PagePlan.Choice(1, 0))))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> natural.arranged(List.of(new PagePlan.Choice(1, 45))))
                .hasMessageContaining("multiple of 90");
    }

    @Test
    void aRescannedPageIsReplacedByEveryPageOfTheNewFile() {
        PagePlan plan = plan("0:0:0,0:1:180,0:2:0");
        assertThat(plan.withPageReplaced(2, 1, 2).encoded()).isEqualTo("0:0:0,1:0:0,1:1:0,0:2:0");
        assertThatThrownBy(() -> plan.withPageReplaced(4, 1, 1)).hasMessageContaining("page 4 does not exist");
    }

    @Test
    void theDecoderAppliesThePlanToThePages() throws IOException {
        ScanFile first = png("first.png", 30, 10);
        ScanFile second = png("second.png", 20, 10);
        ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
        ScanPages pages = decoder.open(List.of(first, second), plan("1:0:90,0:0:0"));
        assertThat(pages.count()).isEqualTo(2);
        PageImage turned = pages.page(1);
        assertThat(turned.width()).isEqualTo(10);
        assertThat(turned.height()).isEqualTo(20);
        assertThat(turned.source()).isEqualTo("second.png page 1, turned 90°");
        assertThat(pages.page(2).width()).isEqualTo(30);
        assertThat(pages.plan().encoded()).isEqualTo("1:0:90,0:0:0");
        assertThat(decoder.open(List.of(first, second)).plan().encoded()).isEqualTo("0:0:0,1:0:0");
        assertThatThrownBy(() -> decoder.open(List.of(first), plan("0:1:0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("page 2 of file 1");
    }

    static ScanFile png(String name, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return ScanFile.accept(name, out.toByteArray(), IngestLimits.DEFAULTS);
    }
}
