package vn.sohoa.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Address ranges of trusted proxies; nothing here resolves a name or connects anywhere. */
class AddressRangeTest {

    @Test
    void blocksAndSingleAddressesContainWhatTheySay() {
        AddressRange block = AddressRange.parse("10.0.0.0/8");
        assertThat(block.contains(AddressRange.literal("10.200.3.4").orElseThrow())).isTrue();
        assertThat(block.contains(AddressRange.literal("11.0.0.1").orElseThrow())).isFalse();
        AddressRange odd = AddressRange.parse("172.16.0.0/12");
        assertThat(odd.contains(AddressRange.literal("172.31.255.255").orElseThrow())).isTrue();
        assertThat(odd.contains(AddressRange.literal("172.32.0.0").orElseThrow())).isFalse();
        AddressRange one = AddressRange.parse("192.0.2.7");
        assertThat(one.contains(AddressRange.literal("192.0.2.7").orElseThrow())).isTrue();
        assertThat(one.contains(AddressRange.literal("192.0.2.8").orElseThrow())).isFalse();
        AddressRange v6 = AddressRange.parse("fd00::/8");
        assertThat(v6.contains(AddressRange.literal("fd12:3456::1").orElseThrow())).isTrue();
        assertThat(v6.contains(AddressRange.literal("10.0.0.1").orElseThrow())).isFalse();
        assertThat(AddressRange.parse("::1").contains(AddressRange.literal("[::1]").orElseThrow())).isTrue();
    }

    @Test
    void onlyIpLiteralsAreAddresses() {
        assertThat(AddressRange.literal("example.org")).isEmpty();
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.literal("999.1.1.1")).isEmpty();
        assertThat(AddressRange.literal("1.2.3")).isEmpty();
        assertThat(AddressRange.literal("unknown")).isEmpty();
        assertThat(AddressRange.literal("fe80::1%eth0")).isEmpty();
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
    }
}
