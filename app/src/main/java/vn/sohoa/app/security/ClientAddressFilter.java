package vn.sohoa.app.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.core.net.AddressRange;

/**
 * The client's address behind trusted reverse proxies: when the connection comes from one, {@code X-Forwarded-For}
 * is read from the right, past every trusted proxy, and the first address that is not one is the client. An entry
 * that is not an IP literal ends the walk at the last trusted hop. Everything after this filter (sign-in throttling,
 * the audit log) sees that address as {@code getRemoteAddr()}.
 */
final class ClientAddressFilter extends OncePerRequestFilter {

    private final List<AddressRange> trusted;

    ClientAddressFilter(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        if (client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }

    /** The client's address given the connection's peer and the X-Forwarded-For headers, in order. */
    String clientAddress(String peer, Enumeration<String> forwardedHeaders) {
        if (trusted.isEmpty() || !isTrusted(AddressRange.literal(peer)) || forwardedHeaders == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedHeaders.hasMoreElements()) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(Optional<InetAddress> address) {
        return address.isPresent() && trusted.stream().anyMatch(range -> range.contains(address.get()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {
        /** Before Spring Security's filters (order -100), which read the address for throttling. */
        @Bean
        FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(ReverseProxy proxies) {
            FilterRegistrationBean<ClientAddressFilter> registration =
                    new FilterRegistrationBean<>(new ClientAddressFilter(proxies.ranges()));
            registration.setOrder(-200);
            return registration;
        }
    }
}
