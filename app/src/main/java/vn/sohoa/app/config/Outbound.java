package vn.sohoa.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;

/**
 * Requests the service makes of its own accord (webhooks, revocation, time-stamping, remote signing, the citizen's
 * data store), prefix {@code sohoa.outbound}: only public addresses unless {@code allowed-hosts} names the host ({@code host} or {@code host:port}), e.g. a one-stop system inside the
 * agency's network.
 */
@ConfigurationProperties("sohoa.outbound")
public record Outbound(@DefaultValue List<String> allowedHosts) {

    @Configuration(proxyBeanMethods = false)
    static class Policy {
        /**
         * The allow-list, plus the service's own address while it runs on the development PKI: the development
         * certificates name this service's OCSP responder and CRL, which revocation checks then ask.
         */
        @Bean
        OutboundPolicy outboundPolicy(Outbound outbound, SohoaProperties properties, PublicBaseUrl base) {
            List<String> allowed = new ArrayList<>(outbound.allowedHosts());
            if (properties.signing().keys() == SohoaProperties.KeySource.DEVELOPMENT) {
                URI own = URI.create(base.value());
                allowed.add(own.getHost() + ":" + (own.getPort() >= 0 ? own.getPort()
                        : "https".equalsIgnoreCase(own.getScheme()) ? 443 : 80));
            }
            return new OutboundPolicy(allowed);
        }

        /** Every outbound request's client, timed per purpose and outcome; each use sets its own deadline and answer cap. */
        @Bean
        OutboundHttp outboundHttp(OutboundPolicy policy, MeterRegistry registry) {
            return new OutboundHttp(policy, Duration.ofSeconds(10), 1024 * 1024,
                    OutboundHttp.Purpose.OTHER, (purpose, took, outcome) -> Timer
                    .builder("sohoa.outbound.requests").description("requests the service makes of its own accord "
                            + "(revocation, time-stamping, remote signing, webhooks, the citizen's data store)")
                    .tag("purpose", purpose.name().toLowerCase()).tag("outcome", outcome.name().toLowerCase())
                    .register(registry).record(took));
        }
    }
}
