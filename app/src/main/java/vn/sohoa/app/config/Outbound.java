package vn.sohoa.app.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.sohoa.core.net.OutboundPolicy;

/**
 * Requests the service makes of its own accord, prefix {@code sohoa.outbound}: only public addresses unless
 * {@code allowed-hosts} names the host ({@code host} or {@code host:port}), e.g. a one-stop system inside the
 * agency's network.
 */
@ConfigurationProperties("sohoa.outbound")
public record Outbound(@DefaultValue List<String> allowedHosts) {

    @Configuration(proxyBeanMethods = false)
    static class Policy {
        @Bean
        OutboundPolicy outboundPolicy(Outbound outbound) {
            return new OutboundPolicy(outbound.allowedHosts());
        }
    }
}
