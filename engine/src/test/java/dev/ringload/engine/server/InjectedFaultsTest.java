package dev.ringload.engine.server;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.load.Counter;
import dev.ringload.engine.load.ErrorKind;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.RunTotals;
import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact accounting under each --fault kind: the client (each engine, against the server on the same engine) sends
 * a fixed budget of requests, and every request it sent is a response, an error of the kind the fault must cause,
 * or in flight at the stop; its responses are exactly the complete responses the server says it wrote.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class InjectedFaultsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BUDGET = 200;
    private static final long DURATION_MS = 5000;
    private static final long MAX_ALLOCATED = 16L << 20;
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @Parameter
    Engine engine;

    private TargetServer server;

    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** {@link #BUDGET} responses over 4 connections against a server with {@code spec}; checks what every run must. */
    private RunResult run(String spec, int pipelining, long timeoutMs) throws Exception {
        server = TargetServer.start(ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withFaults(ServerConfig.Faults.injected(42, InjectedFault.parse(spec))), engine);
        Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(4).pipelining(pipelining).requests(BUDGET).durationNs(DURATION_MS * MS)
                .timeoutNs(timeoutMs * MS).connectTimeoutNs(2000 * MS).build();
        long startNs = System.nanoTime();
        long allocatedBefore = ALLOCATIONS.getTotalThreadAllocatedBytes();
        RunResult r = new LoadRun(config, engine.label(), engine.transports()).execute();
        long allocated = ALLOCATIONS.getTotalThreadAllocatedBytes() - allocatedBefore;
        // Memory stays bounded whatever the server sends: everything this JVM allocated during the run (client,
        // server and test together; connection setup and the report included) is under 16 MiB (1.7-3.6 MiB
        // measured), far less than what keeping one huge header or body per connection would take.
        assertThat(allocated).as("bytes allocated during the run").isLessThan(MAX_ALLOCATED);
        long tookMs = (System.nanoTime() - startNs) / MS;
        assertThat(tookMs).as("ends within duration + timeout + 1 s").isLessThan(DURATION_MS + timeoutMs + 1000);
        RunTotals t = r.totals();
        assertThat(t.get(Counter.IN_FLIGHT_AT_STOP)).as("stopped by the budget, not the clock").isZero();
        assertThat(r.responses()).isEqualTo(BUDGET);
        long requestErrors = 0;
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.isConnect()) {
                assertThat(t.errors(kind)).as(kind.label()).isZero();
            } else {
                requestErrors += t.errors(kind);
            }
        }
        assertThat(t.get(Counter.REQUESTS_SENT)).as("sent = responses + request errors + in flight at stop")
                .isEqualTo(t.responses() + requestErrors + t.get(Counter.IN_FLIGHT_AT_STOP));
        return r;
    }

    /** The server publishes its counts once per loop iteration: waits until it has counted {@code expected}. */
    private long served(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (server.served() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(250); // and that nothing more comes in
        return server.served();
    }

    private long sent(FaultKind kind) {
        return server.faultsSent(kind);
    }

    /** Only {@code kind} (or none) among the request errors. */
    private static void onlyErrorsOf(RunResult r, ErrorKind kind) {
        for (ErrorKind other : ErrorKind.values()) {
            if (other != kind) {
                assertThat(r.totals().errors(other)).as(other.label()).isZero();
            }
        }
    }

    @Test
    void aResetMidResponseIsAResetForTheRequestInFlight() throws Exception {
        RunResult r = run("reset@25", 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.RESET)).isPositive();
        assertThat(r.totals().errors(ErrorKind.RESET)).isEqualTo(sent(FaultKind.RESET));
        onlyErrorsOf(r, ErrorKind.RESET);
    }

    @Test
    void aProbabilityFiresAsOftenAsTheSeedSays() throws Exception {
        RunResult r = run("reset@5%", 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.RESET)).isPositive();
        assertThat(r.totals().errors(ErrorKind.RESET)).isEqualTo(sent(FaultKind.RESET));
        onlyErrorsOf(r, ErrorKind.RESET);
    }

    @Test
    void aCloseMidPipelineLosesWhatWasPipelinedBehindTheAnswers() throws Exception {
        RunResult r = run("close-mid-pipeline@25", 4, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        long closes = sent(FaultKind.CLOSE_MID_PIPELINE);
        assertThat(closes).isPositive();
        // Each close loses the faulted request and whatever the client had pipelined behind it (depth 4).
        assertThat(r.totals().errors(ErrorKind.CLOSED_MID_PIPELINE)).isBetween(closes, 4 * closes);
        onlyErrorsOf(r, ErrorKind.CLOSED_MID_PIPELINE);
    }

    @Test
    void aTrickledResponseIsSlowButComplete() throws Exception {
        RunResult r = run("trickle:8@20", 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.TRICKLE)).isPositive();
        assertThat(r.errors()).isZero();
        // About 150 bytes at 8 bytes per millisecond: some 19 pieces a millisecond apart.
        assertThat(r.latency().maxNs()).isGreaterThan(10 * MS);
    }

    @Test
    void aStallShorterThanTheTimeoutIsOnlyLate() throws Exception {
        RunResult r = run("stall:100ms@50", 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.STALL)).isPositive();
        assertThat(r.errors()).isZero();
        assertThat(r.latency().maxNs()).isGreaterThanOrEqualTo(95 * MS);
    }

    @Test
    void aStallBeyondTheTimeoutIsATimeout() throws Exception {
        RunResult r = run("stall:3s@50", 1, 300);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.STALL)).isPositive();
        assertThat(r.totals().errors(ErrorKind.TIMEOUT)).isEqualTo(sent(FaultKind.STALL));
        onlyErrorsOf(r, ErrorKind.TIMEOUT);
    }

    @Test
    void noResponseIsATimeout() throws Exception {
        RunResult r = run("no-response@50", 1, 300);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.NO_RESPONSE)).isPositive();
        assertThat(r.totals().errors(ErrorKind.TIMEOUT)).isEqualTo(sent(FaultKind.NO_RESPONSE));
        onlyErrorsOf(r, ErrorKind.TIMEOUT);
    }

    @Test
    void hugeHeadersWithinTheClientsLimitAreResponses() throws Exception {
        RunResult r = run("huge-headers:32k@20", 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(FaultKind.HUGE_HEADERS)).isPositive();
        assertThat(r.errors()).isZero();
    }

    @Test
    void hugeHeadersBeyondTheClientsLimitAreParseErrors() throws Exception {
        RunResult r = run("huge-headers:100k@20", 1, 2000);
        long huge = sent(FaultKind.HUGE_HEADERS);
        assertThat(huge).isPositive();
        assertThat(r.totals().errors(ErrorKind.PARSE)).isEqualTo(huge);
        onlyErrorsOf(r, ErrorKind.PARSE);
        // Well-formed for the server, which may have written some in full before the client gave up on them.
        assertThat(served(r.responses())).isBetween(r.responses(), r.responses() + huge);
    }

    @Test
    void aBadStatusLineIsAParseError() throws Exception {
        assertParseErrors("bad-status@25", FaultKind.BAD_STATUS);
    }

    @Test
    void aBadChunkIsAParseError() throws Exception {
        assertParseErrors("bad-chunk@25", FaultKind.BAD_CHUNK);
    }

    @Test
    void garbageIsAParseError() throws Exception {
        assertParseErrors("garbage:300@25", FaultKind.GARBAGE);
    }

    private void assertParseErrors(String spec, FaultKind kind) throws Exception {
        RunResult r = run(spec, 1, 2000);
        assertThat(served(r.responses())).isEqualTo(r.responses());
        assertThat(sent(kind)).isPositive();
        assertThat(r.totals().errors(ErrorKind.PARSE)).isEqualTo(sent(kind));
        onlyErrorsOf(r, ErrorKind.PARSE);
    }
}
