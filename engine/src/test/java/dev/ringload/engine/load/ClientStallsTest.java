package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.Engines;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import dev.ringload.engine.transport.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker that stops reading completions for a while is caught doing it, on the thread that did. */
@ParameterizedClass
@EnumSource(Engine.class)
class ClientStallsTest {

    private static final long STALL_NS = TimeUnit.MILLISECONDS.toNanos(60);

    @Parameter
    Engine engine;

    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    /** Sleeps once inside a data callback, half a second in: the worker's thread is held as a GC pause would. */
    static final class StallingTransport extends TransportWrappingTest.CountingTransport {
        private final long stallAfterNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
        private boolean stalled;

        StallingTransport(Transport inner) {
            super(inner);
        }

        @Override
        public boolean onData(int connection, MemorySegment segment, long offset, int length) {
            if (!stalled && System.nanoTime() > stallAfterNs) {
                stalled = true;
                try {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(STALL_NS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.onData(connection, segment, offset, length);
        }
    }

    @Test
    void aStalledWorkerReportsItsLongestTurnOnItsThread() throws Exception {
        try (TargetServer server = TargetServer.start(ServerConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Engines.usable())) {
            Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
            LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                    .connections(4).threads(2).pipelining(2).durationNs(TimeUnit.MILLISECONDS.toNanos(1500))
                    .warmupNs(TimeUnit.MILLISECONDS.toNanos(200)).build();
            int[] created = {0};
            RunResult r = new LoadRun(config, engine.label(), (route, connections, receiveBytes) -> {
                Transport inner = engine.transports().create(route, connections, receiveBytes);
                return created[0]++ == 1 ? new StallingTransport(inner) : new TransportWrappingTest.CountingTransport(inner);
            }).execute();
            ClientStalls stalls = r.client().stalls();
            assertThat(stalls.longestTurnNs()).hasSize(2);
            assertThat(stalls.longestNs()).isGreaterThanOrEqualTo(STALL_NS);
            assertThat(stalls.longestThread()).as("the second worker stalled").isEqualTo(1);
            assertThat(stalls.longestTurnNs()[1]).isLessThan(TimeUnit.SECONDS.toNanos(1));
            for (long ns : stalls.descheduledNs()) {
                assertThat(ns).as("Linux says how long each thread waited for a CPU").isGreaterThanOrEqualTo(0);
            }
            assertThat(stalls.mayExplain(stalls.longestNs())).isTrue();
            assertThat(stalls.mayExplain(stalls.longestNs() / 10)).as("far below the stall: not touched by it").isFalse();
            assertThat(stalls.mayExplain(10 * stalls.longestNs())).as("a tail far longer than the stall is not its doing")
                    .isFalse();
        }
    }

    @Test
    void onlyANotableStallExplainsATail() {
        ClientStalls short_ = new ClientStalls(new long[] {200_000, 500_000}, new long[] {0, 0}, 0, 0);
        assertThat(short_.longestNs()).isEqualTo(500_000);
        assertThat(short_.longestThread()).isEqualTo(1);
        assertThat(short_.mayExplain(600_000)).as("under a millisecond: not notable").isFalse();
        ClientStalls notable = new ClientStalls(new long[] {3_000_000}, new long[] {-1}, 5, 7);
        assertThat(notable.mayExplain(5_000_000)).isTrue();
        assertThat(notable.mayExplain(1_500_000)).isTrue();
        assertThat(notable.mayExplain(7_000_000)).isFalse();
        assertThat(notable.mayExplain(1_000_000)).isFalse();
        assertThat(notable.descheduledTotalNs()).isEqualTo(-1);
    }
}
