package vn.sohoa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.testkit.HandClock;

class DecodedPageCacheTest {

    private static HandClock clock() {
        return new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A grey page of {@code side}² bytes of pixels. */
    private static PageImage page(int side) {
        return new PageImage(1, new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY), 300, "scan.png page 1");
    }

    @Test
    void aKeptPageIsGivenOnceToItsUploadOnly() {
        DecodedPageCache cache = new DecodedPageCache(1_000_000, Duration.ofMinutes(5), clock());
        PageImage page = page(100);
        cache.keep("doc-1", 0, 2, page);
        assertThat(cache.bytes()).isEqualTo(10_000);
        assertThat(cache.of("doc-2").take(0, 2)).as("another upload's page").isNull();
        assertThat(cache.of("doc-1").take(0, 1)).as("another page").isNull();
        assertThat(cache.of("doc-1").take(0, 2)).isSameAs(page);
        assertThat(cache.of("doc-1").take(0, 2)).as("given once").isNull();
        assertThat(cache.bytes()).isZero();
        assertThat(cache.reused()).isEqualTo(1);
    }

    @Test
    void theOldestPagesGoFirstWhenTheBudgetIsFullAndAPageLargerThanItIsNotKept() {
        DecodedPageCache cache = new DecodedPageCache(25_000, Duration.ofMinutes(5), clock());
        cache.keep("doc", 0, 0, page(100));
        cache.keep("doc", 0, 1, page(100));
        cache.keep("doc", 0, 2, page(100));
        assertThat(cache.bytes()).isEqualTo(20_000);
        assertThat(cache.of("doc").take(0, 0)).as("the oldest dropped").isNull();
        assertThat(cache.of("doc").take(0, 1)).isNotNull();
        cache.keep("doc", 1, 0, page(200));
        assertThat(cache.of("doc").take(1, 0)).as("40 000 bytes: larger than the budget").isNull();
        assertThat(cache.of("doc").take(0, 2)).as("and it evicted nothing").isNotNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void aPageThatWaitedLongerThanItsAgeIsDroppedAndForgetDropsAnUploadsPages() {
        HandClock clock = clock();
        DecodedPageCache cache = new DecodedPageCache(1_000_000, Duration.ofMinutes(5), clock);
        cache.keep("old", 0, 0, page(10));
        clock.advance(Duration.ofMinutes(4));
        cache.keep("young", 0, 0, page(10));
        cache.keep("refused", 0, 0, page(10));
        cache.keep("refused", 1, 0, page(10));
        cache.forget("refused");
        assertThat(cache.bytes()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.of("old").take(0, 0)).as("six minutes old").isNull();
        assertThat(cache.of("refused").take(1, 0)).isNull();
        assertThat(cache.of("young").take(0, 0)).as("two minutes old").isNotNull();
    }

    @Test
    void scanPagesTakeAKeptPageInsteadOfDecodingItNumberedAndTurnedAsThePlanSays() throws IOException {
        BufferedImage scanned = new BufferedImage(40, 60, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scanned, "png", png);
        List<ScanFile> files = List.of(ScanFile.accept("a.png", png.toByteArray(), IngestLimits.DEFAULTS),
                ScanFile.accept("b.png", png.toByteArray(), IngestLimits.DEFAULTS));
        // the clerk put file b first, turned a quarter clockwise
        PagePlan plan = new PagePlan(List.of(new PagePlan.Page(1, 0, 90), new PagePlan.Page(0, 0, 0)));
        DecodedPageCache cache = new DecodedPageCache(1_000_000, Duration.ofMinutes(5), clock());
        BufferedImage keptImage = new BufferedImage(40, 60, BufferedImage.TYPE_BYTE_GRAY);
        keptImage.getRaster().setSample(0, 0, 0, 77); // tells the kept page from a decoded one
        cache.keep("doc", 1, 0, new PageImage(1, keptImage, 300, "b.png page 1"));
        ScanPages pages = new ScanDecoder(IngestLimits.DEFAULTS).open(files, plan).reusing(cache.of("doc"));

        PageImage first = pages.page(1);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.width()).as("turned a quarter").isEqualTo(60);
        assertThat(first.image().getRaster().getSample(59, 0, 0)).as("the kept pixels, turned").isEqualTo(77);
        PageImage second = pages.page(2);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.image().getRaster().getSample(0, 0, 0)).as("decoded: nothing kept for file a").isZero();
        assertThat(pages.page(1).image().getRaster().getSample(59, 0, 0)).as("a second read decodes").isZero();
        assertThat(cache.reused()).isEqualTo(1);
    }
}
