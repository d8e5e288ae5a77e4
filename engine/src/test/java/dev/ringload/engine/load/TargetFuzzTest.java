package dev.ringload.engine.load;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the URL parsing of {@link Target} (names resolve to the loopback address here: no lookups leave the
 * machine). A URL is either refused with an {@link IllegalArgumentException} that has a message, or it yields a port
 * in range and a request-target and Host value that can go on the wire as they are.
 */
class TargetFuzzTest {

    private static final InetAddress[] LOOPBACK = {InetAddress.getLoopbackAddress()};

    @FuzzTest
    void parsesAnHttpUrlOrSaysWhy(byte[] input) {
        String url = new String(input, StandardCharsets.UTF_8);
        Target target;
        try {
            target = Target.parse(url, host -> LOOPBACK);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(target.port()).isBetween(1, 65535);
        assertThat(target.host()).isNotEmpty();
        assertThat(target.requestTarget()).startsWith("/");
        assertOnTheWire(target.requestTarget());
        assertOnTheWire(target.hostHeader());
    }

    /** No space, control character or DEL, which would break the request line or the Host header line. */
    private static void assertOnTheWire(String text) {
        assertThat(text.chars()).noneMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
