package vn.sohoa.app.quality;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.sohoa.ocr.quality.ScanQuality;

/** The scan-quality gate with the configured thresholds. */
@Configuration(proxyBeanMethods = false)
class QualityConfiguration {

    @Bean
    ScanQuality scanQuality(QualitySettings settings) {
        return new ScanQuality(settings.thresholds());
    }
}
