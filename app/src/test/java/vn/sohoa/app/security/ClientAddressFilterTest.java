package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.sohoa.core.net.AddressRange;

/** The client address behind reverse proxies: X-Forwarded-For counts only when a trusted proxy sent it. */
class ClientAddressFilterTest {

    private final ClientAddressFilter filter = new ClientAddressFilter(
            List.of(AddressRange.parse("127.0.0.1"), AddressRange.parse("10.0.5.0/24")));

    private String client(String peer, String... forwarded) {
        return filter.clientAddress(peer, Collections.enumeration(List.of(forwarded)));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(client("127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        // a client that sends its own X-Forwarded-For cannot hide behind the address it made up
        assertThat(client("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.5.3")).isEqualTo("203.0.113.9");
        assertThat(client("127.0.0.1", "198.51.100.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(client("127.0.0.1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void fromAnyoneElseTheHeaderIsIgnored() {
        assertThat(client("203.0.113.50", "127.0.0.1")).isEqualTo("203.0.113.50");
        assertThat(client("10.0.6.1", "198.51.100.1")).as("outside the trusted block").isEqualTo("10.0.6.1");
        assertThat(new ClientAddressFilter(List.of()).clientAddress("127.0.0.1",
                Collections.enumeration(List.of("203.0.113.9")))).as("no proxy configured").isEqualTo("127.0.0.1");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheLastTrustedProxy() {
        assertThat(client("127.0.0.1", "attacker.example, 10.0.5.3")).isEqualTo("10.0.5.3");
        assertThat(client("127.0.0.1", "unknown")).isEqualTo("127.0.0.1");
    }
}
