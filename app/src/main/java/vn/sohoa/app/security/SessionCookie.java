package vn.sohoa.app.security;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.sohoa.app.config.SohoaProperties;

/**
 * The session cookie is {@code Secure} whenever the service's public URL is https: behind a reverse proxy that ends
 * TLS the service itself sees plain HTTP, and would otherwise let the browser send the cookie over HTTP too.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    @Bean
    DefaultCookieSerializerCustomizer secureWhenPublicUrlIsHttps(SohoaProperties properties) {
        return customizer(properties.publicBaseUrl());
    }

    static DefaultCookieSerializerCustomizer customizer(String publicBaseUrl) {
        boolean https = publicBaseUrl != null && publicBaseUrl.regionMatches(true, 0, "https:", 0, 6);
        return serializer -> {
            if (https) {
                serializer.setUseSecureCookie(true);
            }
        };
    }
}
