package vn.sohoa.signing;

import java.time.Duration;
import java.util.List;

import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;

/**
 * The outbound policy of these tests: their responders, authorities and signing services listen on this machine's
 * loopback, which the policy reaches only because it is named here (and tests never send anything elsewhere).
 */
public final class LoopbackOutbound {

    private LoopbackOutbound() {
    }

    public static OutboundHttp http() {
        return new OutboundHttp(new OutboundPolicy(List.of("127.0.0.1", "localhost")), Duration.ofSeconds(10),
                1024 * 1024);
    }
}
