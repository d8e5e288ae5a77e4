package dev.ringload.engine.transport;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAddressesTest {

    private static String[] text(SourceAddresses s) {
        return s.addresses().stream().map(InetAddress::getHostAddress).toArray(String[]::new);
    }

    @Test
    void addressesRangesAndPrefixes() {
        assertThat(text(SourceAddresses.parse("127.0.0.2-127.0.0.4"))).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4");
        assertThat(text(SourceAddresses.parse("10.0.0.255-10.0.1.1"))).containsExactly("10.0.0.255", "10.0.1.0", "10.0.1.1");
        assertThat(text(SourceAddresses.parse("10.1.0.0/29"))).as("hosts only").containsExactly("10.1.0.1", "10.1.0.2",
                "10.1.0.3", "10.1.0.4", "10.1.0.5", "10.1.0.6");
        assertThat(text(SourceAddresses.parse("10.1.0.7/31"))).containsExactly("10.1.0.6", "10.1.0.7");
        assertThat(text(SourceAddresses.parse("10.1.0.7/32"))).containsExactly("10.1.0.7");
        assertThat(text(SourceAddresses.parse(" 10.0.0.5, 10.0.0.7 "))).containsExactly("10.0.0.5", "10.0.0.7");
        assertThat(text(SourceAddresses.parse("fd00::fe-fd00::101"))).hasSize(4).startsWith("fd00:0:0:0:0:0:0:fe")
                .endsWith("fd00:0:0:0:0:0:0:101");
        assertThat(text(SourceAddresses.parse("[::1]"))).containsExactly("0:0:0:0:0:0:0:1");
        assertThat(SourceAddresses.parse("10.0.0.0/16").size()).isEqualTo(65534);
    }

    @Test
    void connectionsGoRoundTheAddressesFromTheWorkersFirst() {
        SourceAddresses s = SourceAddresses.parse("127.0.0.2-127.0.0.4");
        Route route = new Route(new InetSocketAddress("127.0.0.1", 80), s, 5);
        assertThat(route.sourceOf(0).getHostAddress()).isEqualTo("127.0.0.4"); // connection 5 of the run
        assertThat(route.sourceOf(1).getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(Route.to(new InetSocketAddress("127.0.0.1", 80)).sourceOf(3)).isNull();
    }

    @Test
    void badListsAreOneLineReasons() {
        assertThatThrownBy(() -> SourceAddresses.parse("127.0.0.9-127.0.0.2")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> SourceAddresses.parse("127.0.0.1-::1")).hasMessageContaining("mixes IPv4 and IPv6");
        assertThatThrownBy(() -> SourceAddresses.parse("127.0.0.1,::1")).hasMessageContaining("mix IPv4 and IPv6");
        assertThatThrownBy(() -> SourceAddresses.parse("localhost")).hasMessageContaining("'localhost' is not an IP address");
        assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.256")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.0/33")).hasMessageContaining("prefix length must be 0 to 32");
        assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.0/8")).hasMessageContaining("more than 65536");
        assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.1,,10.0.0.2")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.1-")).hasMessageContaining("is not an IP address");
    }
}
