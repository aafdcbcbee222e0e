package vn.sohoa.app.ocr;

import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.node.NodeSettings;
import vn.sohoa.ingest.DecodedPageCache;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ocr.OcrOptions;
import vn.sohoa.ocr.OcrPipeline;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.TesseractOcrEngine;

/** The OCR engine pool (one Tesseract per worker thread) and the pipeline, shared by every job. */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    @Bean
    OcrOptions ocrOptions(SohoaProperties properties) {
        OcrOptions defaults = OcrOptions.defaults();
        SohoaProperties.Ocr ocr = properties.ocr();
        int workers = ocr.workers() > 0 ? ocr.workers() : defaults.workers();
        return new OcrOptions(ocr.tessdata() != null ? ocr.tessdata() : defaults.tessdata(), ocr.languages(),
                workers, ocr.jpegQuality(), defaults.minOrientationConfidence(), defaults.maxDeskewDegrees(),
                ocr.pageTimeout(), ocr.pdfa(), ocr.images());
    }

    @Bean(destroyMethod = "close")
    OcrEnginePool ocrEnginePool(OcrOptions options) {
        return new OcrEnginePool(options.workers(),
                () -> new TesseractOcrEngine(options.tessdata(), options.languages()));
    }

    @Bean
    OcrPipeline ocrPipeline(OcrEnginePool pool, OcrOptions options) {
        return new OcrPipeline(pool, options);
    }

    @Bean
    IngestLimits ingestLimits(SohoaProperties properties) {
        SohoaProperties.Ingest ingest = properties.ingest();
        return new IngestLimits(ingest.maxFileSize().toBytes(), ingest.maxPages(), ingest.maxPagePixels(),
                ingest.defaultDpi());
    }

    @Bean
    ScanDecoder scanDecoder(IngestLimits limits, SohoaProperties properties) {
        return new ScanDecoder(limits, properties.ingest().textPages());
    }

    @Bean
    DecodedPageCache decodedPageCache(SohoaProperties properties, NodeSettings node, Clock clock,
                                      MeterRegistry meters) {
        SohoaProperties.Ingest ingest = properties.ingest();
        // a web node runs no digitize job: what it kept would only wait out its age
        long budget = node.role().runsJobs() ? ingest.keepDecoded().toBytes() : 0;
        DecodedPageCache cache = new DecodedPageCache(budget, ingest.keepDecodedFor(), clock);
        FunctionCounter.builder("sohoa.ingest.decoded.reused", cache, DecodedPageCache::reused)
                .description("pages the digitize job took as the upload's quality gate decoded them").register(meters);
        Gauge.builder("sohoa.ingest.decoded.kept", cache, DecodedPageCache::bytes).baseUnit("bytes")
                .description("pixels of decoded pages waiting for their digitize job").register(meters);
        return cache;
    }
}
