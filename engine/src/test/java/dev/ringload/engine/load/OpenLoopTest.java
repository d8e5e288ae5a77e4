package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Open-loop runs against the built-in server over real sockets: the rate is held, and latency counts from each
 * request's intended send time, so a server that freezes shows in the corrected histogram with the shape the
 * arithmetic predicts, pipelined or not. Each run is bounded (seconds) and stops by itself.
 */
class OpenLoopTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    private TargetServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Target serve(ServerConfig.Faults faults) throws Exception {
        server = TargetServer.start(ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withFaults(faults), Engine.NIO); // the NIO server: the same target whatever the client's engine
        return Target.parse("http://127.0.0.1:" + server.port() + "/");
    }

    private static RunResult run(Engine engine, Target target, OpenLoopRate rate, int connections, int pipelining,
                                 long warmupNs, long durationNs) throws Exception {
        EngineAssumptions.assumeUsable(engine);
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(connections).pipelining(pipelining).rate(rate).warmupNs(warmupNs)
                .durationNs(durationNs).build();
        return new LoadRun(config, engine.label(), engine.transports()).execute();
    }

    private void assertHeld(Engine engine, double perSecond, int connections, int pipelining) throws Exception {
        Target target = serve(ServerConfig.Faults.NONE);
        RunResult r = run(engine, target, OpenLoopRate.constant(perSecond, Arrival.UNIFORM), connections, pipelining,
                S, 10 * S);
        assumeFalse(r.client().clientBound(), "the client was the bound on this machine: the rate is its limit");
        assertThat(r.errors()).isZero();
        assertThat(r.requestsPerSecond()).as("%s at %.0f/s", engine, perSecond)
                .isCloseTo(perSecond, within(perSecond / 100));
        assertThat(r.openLoop().shortfall(r)).isEqualTo(OpenLoopResult.Shortfall.NONE);
        assertThat(r.openLoop().scheduleLag().count()).as("a lag for every request sent (give or take those in "
                + "flight at the phase switch and the stop)").isCloseTo(r.responses(), within(2L * connections * pipelining));
    }

    @Test
    void holdsAThousandRequestsPerSecondOnIoUring() throws Exception {
        assertHeld(Engine.IO_URING, 1_000, 10, 1);
    }

    @Test
    void holdsTenThousandRequestsPerSecondOnIoUring() throws Exception {
        assertHeld(Engine.IO_URING, 10_000, 50, 1);
    }

    @Test
    void holdsAHundredThousandRequestsPerSecondPipelinedOnIoUring() throws Exception {
        assertHeld(Engine.IO_URING, 100_000, 100, 4);
    }

    @Test
    void holdsTenThousandRequestsPerSecondOnNio() throws Exception {
        assertHeld(Engine.NIO, 10_000, 50, 1);
    }

    /**
     * The server freezes for the first second of every five. At 1000 requests per second, the 20% of requests
     * meant to go during a freeze wait for its end: their latencies are spread evenly over 0..1 s, so 10% of all
     * requests wait more than 0.5 s (p90 = 500 ms) and 1% more than 0.95 s (p99 = 950 ms). Only the 20 requests the
     * 20 slots hold when a freeze starts were sent before it ended: service latency hardly shows it.
     */
    private void assertStallShows(Engine engine, int connections, int pipelining) throws Exception {
        Target target = serve(new ServerConfig.Faults(S, 5 * S, 0));
        // Start 1.5 s into a period (the freezes are on System.nanoTime's grid): 10 s then hold two whole freezes,
        // the last over 0.5 s before the end, so every request of the window is answered within it.
        long phase = Math.floorMod(System.nanoTime(), 5 * S);
        TimeUnit.NANOSECONDS.sleep(Math.floorMod(S + S / 2 - phase, 5 * S));
        RunResult r = run(engine, target, OpenLoopRate.constant(1000, Arrival.UNIFORM), connections, pipelining,
                0, 10 * S);
        assertThat(r.errors()).isZero();
        assertThat(r.responses()).isCloseTo(10_000, within(300L));
        Latency corrected = r.latency();
        assertThat(corrected.valueAtPercentileNs(90)).as("p90").isCloseTo(500 * MS, within(75.0 * MS));
        assertThat(corrected.valueAtPercentileNs(99)).as("p99").isCloseTo(950 * MS, within(142.0 * MS));
        assertThat(corrected.valueAtPercentileNs(50)).as("p50: outside the freezes").isLessThan(20 * MS);
        Latency service = r.openLoop().serviceLatency();
        assertThat(service.valueAtPercentileNs(99)).as("service p99").isLessThan(100 * MS);
        assertThat(service.maxNs()).as("the requests already sent when a freeze began").isGreaterThan(500 * MS);
    }

    @Test
    void aFreezingServerShowsInTheCorrectedLatencyWithoutPipelining() throws Exception {
        assertStallShows(Engine.IO_URING, 20, 1);
    }

    @Test
    void everyPipelinedRequestGetsItsOwnCorrectedLatency() throws Exception {
        assertStallShows(Engine.NIO, 5, 4);
    }
}
