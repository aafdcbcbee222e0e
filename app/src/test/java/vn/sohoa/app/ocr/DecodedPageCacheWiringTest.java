package vn.sohoa.app.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.node.NodeRole;
import vn.sohoa.app.node.NodeSettings;
import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.TextPages;
import vn.sohoa.testkit.HandClock;

/** The pages the upload's gate decoded are kept only where a digitize job can take them. */
class DecodedPageCacheWiringTest {

    private static DecodedPageCache cacheOn(NodeRole role, SimpleMeterRegistry meters) {
        SohoaProperties properties = new SohoaProperties(Path.of("."), null, null,
                new SohoaProperties.Ingest(DataSize.ofMegabytes(64), 20, 300, 80_000_000L, 300, TextPages.KEEP_TEXT,
                        4, Duration.ofMinutes(2), DataSize.ofMegabytes(256), Duration.ofMinutes(5)),
                null, null, null, null, null);
        return new OcrConfiguration().decodedPageCache(properties, new NodeSettings(role, Duration.ofSeconds(30)),
                new HandClock(Instant.parse("2026-01-01T00:00:00Z")), meters);
    }

    private static PageImage page() {
        return new PageImage(1, new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY), 300, "a.png page 1");
    }

    @Test
    void aNodeThatRunsJobsKeepsThePagesAndCountsTheOnesTaken() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DecodedPageCache cache = cacheOn(NodeRole.BOTH, meters);
        cache.keep("doc", 0, 0, page());
        assertThat(meters.get("sohoa.ingest.decoded.kept").gauge().value()).isEqualTo(10_000);
        assertThat(cache.of("doc").take(0, 0)).isNotNull();
        assertThat(meters.get("sohoa.ingest.decoded.reused").functionCounter().count()).isEqualTo(1);
        DecodedPageCache worker = cacheOn(NodeRole.WORKER, new SimpleMeterRegistry());
        worker.keep("doc", 0, 0, page());
        assertThat(worker.bytes()).as("a worker node keeps them too").isEqualTo(10_000);
    }

    @Test
    void aWebNodeKeepsNothing() {
        DecodedPageCache cache = cacheOn(NodeRole.WEB, new SimpleMeterRegistry());
        cache.keep("doc", 0, 0, page());
        assertThat(cache.bytes()).isZero();
        assertThat(cache.of("doc").take(0, 0)).isNull();
    }
}
