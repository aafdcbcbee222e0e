package vn.sohoa.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.sohoa.core.net.AddressRange;

/**
 * The reverse proxies in front of the service, prefix {@code sohoa.reverse-proxy}. Only a request that arrives from
 * one of them has its client address taken from {@code X-Forwarded-For}; from anywhere else the header is ignored,
 * so that nobody picks the address that sign-in throttling and the audit log see.
 *
 * @param trustedAddresses addresses or CIDR blocks of the proxies ({@code 10.0.5.2}, {@code 10.0.5.0/24}); none by
 *                         default
 */
@ConfigurationProperties("sohoa.reverse-proxy")
public record ReverseProxy(@DefaultValue List<String> trustedAddresses) {

    /** The parsed ranges; a setting that is not an IP address or CIDR block stops the start with its text. */
    public List<AddressRange> ranges() {
        return trustedAddresses.stream().map(text -> {
            try {
                return AddressRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sohoa.reverse-proxy.trusted-addresses: " + e.getMessage(), e);
            }
        }).toList();
    }
}
