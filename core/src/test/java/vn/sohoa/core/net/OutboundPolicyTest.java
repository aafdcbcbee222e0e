package vn.sohoa.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The policy's verdicts. Addresses are judged from their bytes ({@code InetAddress.getByName} of a literal makes no
 * lookup) and nothing here connects anywhere; the targets that resolve are loopback names only.
 */
class OutboundPolicyTest {

    static OutboundPolicy.AddressKind kind(String literal) throws Exception {
        return OutboundPolicy.kind(InetAddress.getByName(literal));
    }

    @Test
    void inwardAddressesAreNotPublic() throws Exception {
        assertThat(kind("10.0.0.1")).isEqualTo(OutboundPolicy.AddressKind.PRIVATE);
        assertThat(kind("172.16.0.1")).isEqualTo(OutboundPolicy.AddressKind.PRIVATE);
        assertThat(kind("192.168.1.1")).isEqualTo(OutboundPolicy.AddressKind.PRIVATE);
        assertThat(kind("169.254.169.254")).isEqualTo(OutboundPolicy.AddressKind.LINK_LOCAL);
        assertThat(kind("fd00::1")).isEqualTo(OutboundPolicy.AddressKind.UNIQUE_LOCAL);
        assertThat(kind("127.0.0.1")).isEqualTo(OutboundPolicy.AddressKind.LOOPBACK);
        assertThat(kind("::1")).isEqualTo(OutboundPolicy.AddressKind.LOOPBACK);
        assertThat(kind("100.64.0.1")).isEqualTo(OutboundPolicy.AddressKind.SHARED);
        assertThat(kind("0.0.0.0")).isEqualTo(OutboundPolicy.AddressKind.UNSPECIFIED);
        assertThat(kind("224.0.0.1")).isEqualTo(OutboundPolicy.AddressKind.MULTICAST);
        assertThat(kind("::ffff:10.0.0.1")).as("IPv4-mapped").isEqualTo(OutboundPolicy.AddressKind.PRIVATE);
        assertThat(kind("64:ff9b::a9fe:a9fe")).as("NAT64 of 169.254.169.254")
                .isEqualTo(OutboundPolicy.AddressKind.LINK_LOCAL);
        assertThat(kind("172.32.0.1")).isEqualTo(OutboundPolicy.AddressKind.PUBLIC);
        assertThat(kind("203.162.4.190")).isEqualTo(OutboundPolicy.AddressKind.PUBLIC);
        assertThat(kind("2001:db8::1")).isEqualTo(OutboundPolicy.AddressKind.PUBLIC);
    }

    @Test
    void targetsOnTheServicesOwnNetworkAreRefusedUnlessAllowed() {
        OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.1:9443"));
        for (String target : List.of("http://127.0.0.1:8080/hook", "http://localhost:9443/hook", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "ftp://127.0.0.1:9443/")) {
            assertThatThrownBy(() -> policy.check(URI.create(target))).as(target)
                    .isInstanceOf(OutboundPolicy.RefusedException.class);
        }
        assertThatThrownBy(() -> policy.check(URI.create("http://localhost:9443/hook")))
                .hasMessageContaining("loopback");
        assertThat(policy.check(URI.create("http://127.0.0.1:9443/hook")).isLoopbackAddress()).isTrue();
        assertThat(new OutboundPolicy(List.of("localhost")).check(URI.create("http://localhost:1234/")))
                .as("a host allowed on any port").isNotNull();
    }
}
