package dev.ringload.engine.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which requests a --fault hits, and the bytes the faults that send their own are made of. */
class FaultPlanTest {

    private static long[] hits(FaultPlan plan, int requests) {
        return java.util.stream.LongStream.rangeClosed(1, requests).filter(n -> plan.faultOf(n) >= 0).toArray();
    }

    @Test
    void everyNthHitsExactlyTheMultiplesOfN() {
        FaultPlan plan = new FaultPlan(List.of(InjectedFault.parse("reset:3")), 1, 0);
        assertThat(hits(plan, 10)).containsExactly(3, 6, 9);
    }

    @Test
    void aProbabilityIsRepeatableForASeedAndNearItsRate() {
        List<InjectedFault> faults = List.of(InjectedFault.parse("garbage:10@5%"));
        long[] first = hits(new FaultPlan(faults, 7, 0), 100_000);
        assertThat(hits(new FaultPlan(faults, 7, 0), 100_000)).as("same seed, same requests").isEqualTo(first);
        assertThat(hits(new FaultPlan(faults, 8, 0), 100_000)).as("another seed").isNotEqualTo(first);
        assertThat(hits(new FaultPlan(faults, 7, 1), 100_000)).as("another worker").isNotEqualTo(first);
        assertThat(first.length).isBetween(4_700, 5_300);
    }

    @Test
    void theFirstListedFaultWinsARequestTwoWouldHit() {
        FaultPlan plan = new FaultPlan(List.of(InjectedFault.parse("reset@2"), InjectedFault.parse("stall:1ms@3")), 1, 0);
        assertThat(plan.faultOf(6)).isZero();
        assertThat(plan.faultOf(3)).isEqualTo(1);
        assertThat(plan.faultOf(5)).isEqualTo(-1);
    }

    @Test
    void specsParse() {
        InjectedFault trickle = InjectedFault.parse("trickle:10@5%");
        assertThat(trickle.kind()).isEqualTo(FaultKind.TRICKLE);
        assertThat(trickle.value()).isEqualTo(10);
        assertThat(trickle.probability()).isEqualTo(0.05);
        assertThat(InjectedFault.parse("stall:1.5s").everyN()).as("default: every request").isEqualTo(1);
        assertThat(InjectedFault.parse("stall:1.5s").value()).isEqualTo(1_500_000_000L);
        assertThat(InjectedFault.parse("huge-headers:2m@10").value()).isEqualTo(2 << 20);
        assertThat(InjectedFault.parse("no-response:7").everyN()).isEqualTo(7);
        assertThatThrownBy(() -> InjectedFault.parse("garbage:0")).hasMessageContaining("garbage takes 1 to");
        assertThatThrownBy(() -> InjectedFault.parse("reset:x")).hasMessageContaining("'x' is neither N");
    }

    @Test
    void hugeHeadersHaveAHeadOfExactlyTheSizeAsked() {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (int size : new int[]{1024, 4105, 4106, 4200, 100_000}) {
            String response = new String(FaultResponses.hugeHeaders(config, size), StandardCharsets.ISO_8859_1);
            assertThat(response.indexOf("\r\n\r\n") + 4).as("head of " + size).isEqualTo(size);
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n" + ServerConfig.DEFAULT_BODY);
        }
    }

    @Test
    void garbageNeverLooksLikeAStatusLine() {
        for (long seed = 0; seed < 2_000; seed++) {
            assertThat(FaultResponses.garbage(8, seed)[0]).isNotEqualTo((byte) 'H');
        }
    }
}
