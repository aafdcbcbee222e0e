package vn.sohoa.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the service may send a request of its own (webhooks now; revocation, time-stamping and remote signing next):
 * http(s) only, and only to public addresses unless an allow-list names the host. A name is resolved and every address
 * it has is checked, so that a name pointing at the service's own network (or at a cloud's metadata address) is
 * refused like the address itself. Refusals name the kind of address, never what answered there.
 */
public final class OutboundPolicy {

    /** What kind of address a target is; only {@link #PUBLIC} is reachable without the allow-list. */
    public enum AddressKind {
        PUBLIC, LOOPBACK, LINK_LOCAL, PRIVATE, SHARED, UNIQUE_LOCAL, MULTICAST, UNSPECIFIED
    }

    /** A target the policy refuses, with the reason in words for the caller. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final Set<String> allowed;

    /**
     * @param allowedHosts hosts reachable whatever their address, as {@code host} (any port) or {@code host:port},
     *                     e.g. the development PKI's own address or a one-stop system inside the agency's network
     */
    public OutboundPolicy(Collection<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The kind of {@code address}, decided from its bytes alone (no connection, no lookup). */
    public static AddressKind kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return AddressKind.UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return AddressKind.LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return AddressKind.LINK_LOCAL; // 169.254/16 (cloud metadata among them), fe80::/10
        }
        if (address.isMulticastAddress()) {
            return AddressKind.MULTICAST;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (address.isSiteLocalAddress()) {
                return AddressKind.PRIVATE; // 10/8, 172.16/12, 192.168/16
            }
            if (first == 100 && second >= 64 && second < 128) {
                return AddressKind.SHARED; // 100.64/10, carrier-grade NAT
            }
            if (first == 0 || first >= 240 || first == 255) {
                return AddressKind.UNSPECIFIED;
            }
            return AddressKind.PUBLIC;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return AddressKind.UNIQUE_LOCAL; // fc00::/7
            }
            if (address.isSiteLocalAddress()) {
                return AddressKind.PRIVATE; // fec0::/10, deprecated but routable inside
            }
            if (isIpv4Embedded(bytes)) {
                try {
                    return kind(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return AddressKind.PUBLIC;
    }

    /** ::ffff:a.b.c.d and the NAT64 prefix 64:ff9b::/96 carry an IPv4 address, judged as that address. */
    private static boolean isIpv4Embedded(byte[] bytes) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        mapped &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean nat64 = (bytes[0] & 0xff) == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        return mapped || nat64;
    }

    /**
     * Checks {@code target} and returns the address it resolved to.
     *
     * @throws RefusedException when it is not http(s), has no host, does not resolve, or resolves to an address that is
     *                          not public and the host is not allowed
     */
    public InetAddress check(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException("only http and https targets are allowed");
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedException("the target has no host");
        }
        int port = target.getPort() >= 0 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        String name = host.toLowerCase(Locale.ROOT);
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        boolean listed = allowed.contains(name) || allowed.contains(name + ":" + port) || allowed.contains(bare)
                || allowed.contains(bare + ":" + port);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedException("the host " + host + " does not resolve");
        }
        if (!listed) {
            for (InetAddress address : addresses) {
                AddressKind kind = kind(address);
                if (kind != AddressKind.PUBLIC) {
                    throw new RefusedException("the host " + host + " is a " + kind.name().toLowerCase(Locale.ROOT)
                            .replace('_', '-') + " address, which outbound requests may not reach (allow it with "
                            + "sohoa.outbound.allowed-hosts if it is meant)");
                }
            }
        }
        return addresses[0];
    }
}
