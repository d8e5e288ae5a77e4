package dev.ringload.engine.load;

import dev.ringload.engine.transport.TransportError;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.ringload.bindings.uring.ringload_h.ECONNREFUSED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's duty cycle, stepped by hand: a fake transport, a clock that moves only when the test says so, and
 * the kernel's events delivered by the test. No sockets, no threads, no sleeping.
 */
class LoadWorkerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Target TARGET = Target.parse("http://127.0.0.1:9/");
    private static final byte[] REQUEST = RequestTemplate.encode("GET", TARGET, List.of(), new byte[0]);

    private FakeTransport transport;
    private LoadWorker worker;
    private long now = 1_000 * MS;

    private static MemorySegment segment(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        MemorySegment s = Arena.ofAuto().allocate(bytes.length);
        MemorySegment.copy(bytes, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s;
    }

    private void start(LoadConfig.Builder config) {
        LoadConfig c = config.build();
        transport = new FakeTransport(REQUEST.length);
        worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), c.pipelining()));
        if (c.warmupNs() == 0) {
            worker.startMeasuring(); // as LoadRun does: without a warmup, everything is measured
        }
        worker.start(now);
    }

    private static LoadConfig.Builder config() {
        return LoadConfig.builder(TARGET, REQUEST).timeoutNs(500 * MS).connectTimeoutNs(200 * MS);
    }

    /** One loop iteration at {@code now}: the duty cycle, then a round of events at {@code eventsAt}. */
    private void iterate(long eventsAt, Runnable events) {
        worker.doWork(now);
        now = eventsAt;
        worker.onWake(now, 0);
        events.run();
        worker.endRound();
    }

    private void iterate() {
        iterate(now, () -> { });
    }

    /** {@code responses} responses arriving in one receive. */
    private void respond(int connection, int responses) {
        MemorySegment bytes = segment("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".repeat(responses));
        assertThat(worker.onData(connection, bytes, 0, (int) bytes.byteSize())).isTrue();
    }

    private Counts counts() {
        worker.doWork(now); // publishes
        return worker.counts();
    }

    @Test
    void connectsSendsTheWholePipelineAndRefillsItAsResponsesArrive() {
        start(config().connections(2).pipelining(3));
        assertThat(transport.take()).containsExactly("connect 0", "connect 1");
        iterate(now, () -> {
            worker.onConnected(0);
            worker.onConnected(1);
        });
        assertThat(transport.take()).containsExactly("send 0 3", "send 1 3");
        iterate(now + MS, () -> {
            worker.onSent(0);
            respond(0, 2);
        });
        assertThat(transport.take()).as("two responses free two slots: one send of two").containsExactly("send 0 2");
        Counts c = counts();
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(2);
        assertThat(c.get(Counter.REQUESTS_SENT)).isEqualTo(8);
        assertThat(c.get(Counter.OPEN_CONNECTIONS)).isEqualTo(2);
        assertThat(c.get(Counter.CONNECTS_OK)).isEqualTo(2);
    }

    @Test
    void latencyRunsFromTheHandOverToTheKernelToTheResponse() {
        start(config().connections(1).pipelining(1));
        iterate(now, () -> worker.onConnected(0)); // the send is queued in this round
        long handOver = now + 3 * MS;
        now = handOver;
        iterate(handOver + 7 * MS, () -> {
            worker.onSent(0);
            respond(0, 1);
        });
        Histogram h = worker.recorder().getIntervalHistogram(null);
        assertThat(h.getTotalCount()).isEqualTo(1);
        assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(7 * MS));
        assertThat(h.getMinValue()).isEqualTo(h.lowestEquivalentValue(7 * MS));
    }

    /**
     * With pipelining, each response is timed from its own request's hand-over: requests handed over at different
     * times sit in different slots, and a response read against the wrong slot (the next one, say) would be off by
     * the gap between them.
     */
    @Test
    void eachPipelinedResponseIsTimedFromItsOwnRequest() {
        start(config().connections(1).pipelining(4));
        iterate(now, () -> worker.onConnected(0)); // requests 0-3 queued, handed over at the next duty cycle
        long t0 = now;
        long[] responsesAt = {10, 30, 60, 100, 150, 210};
        for (long at : responsesAt) {
            iterate(t0 + at * MS, () -> {
                worker.onSent(0);
                respond(0, 1); // frees a slot: the next request goes out at the next duty cycle, now
            });
        }
        // Requests 0-3 left at 0; request 4 at 10 ms, 5 at 30 ms (each when a response freed its slot).
        long[] expectedMs = {10, 30, 60, 100, 150 - 10, 210 - 30};
        Histogram h = worker.recorder().getIntervalHistogram(null);
        assertThat(h.getTotalCount()).isEqualTo(expectedMs.length);
        for (long ms : expectedMs) {
            assertThat(h.getCountAtValue(ms * MS)).as("one response after %d ms", ms).isEqualTo(1);
        }
    }

    /** A response stamped before its request left (a clock gone backwards, a wrong slot) is counted, not hidden. */
    @Test
    void aLatencyBelowZeroIsCountedAsAnAnomaly() {
        start(config().connections(1).pipelining(1));
        iterate(now, () -> worker.onConnected(0));
        now += 5 * MS;
        iterate(now - 2 * MS, () -> { // the events' clock reads before the hand-over's
            worker.onSent(0);
            respond(0, 1);
        });
        assertThat(counts().get(Counter.LATENCY_BELOW_ZERO)).isEqualTo(1);
        iterate(now + 3 * MS, () -> {
            worker.onSent(0);
            respond(0, 1);
        });
        assertThat(counts().get(Counter.LATENCY_BELOW_ZERO)).as("an ordinary response adds nothing").isEqualTo(1);
    }

    @Test
    void aRequestOlderThanTheTimeoutCountsAsATimeoutAndItsConnectionIsReplaced() {
        start(config().connections(1).pipelining(4));
        iterate(now, () -> worker.onConnected(0));
        iterate(now, () -> worker.onSent(0));
        transport.take();
        now += 400 * MS;
        iterate();
        assertThat(transport.take()).as("not yet: 400 ms < 500 ms").isEmpty();
        now += 110 * MS;
        iterate();
        assertThat(transport.take()).containsExactly("abort 0", "connect 0");
        Counts c = counts();
        assertThat(c.errors(ErrorKind.TIMEOUT)).as("the four in flight").isEqualTo(4);
        assertThat(c.get(Counter.OPEN_CONNECTIONS)).isZero();
        iterate(now, () -> worker.onConnected(0));
        assertThat(transport.take()).containsExactly("send 0 4");
        assertThat(counts().get(Counter.RECONNECTS)).isEqualTo(1);
    }

    @Test
    void aSlowConnectTimesOutAndIsRetriedAfterTheBackOff() {
        start(config().connections(1));
        transport.take();
        now += 150 * MS;
        iterate();
        assertThat(transport.take()).isEmpty();
        now += 60 * MS; // 210 ms > 200 ms connect timeout
        iterate();
        assertThat(transport.take()).containsExactly("abort 0");
        assertThat(counts().errors(ErrorKind.CONNECT_TIMEOUT)).isEqualTo(1);
        now += LoadWorker.CONNECT_BACKOFF_NS - 20 * MS;
        iterate();
        assertThat(transport.take()).as("still backing off").isEmpty();
        now += 30 * MS;
        iterate();
        assertThat(transport.take()).containsExactly("connect 0");
        iterate(now, () -> worker.onConnectFailed(0, TransportError.TIMED_OUT, 0));
        assertThat(counts().get(Counter.CONNECT_FAILURES)).as("the retry failing counts too").isEqualTo(2);
        assertThat(worker.finalCounters().firstConnectError).isEqualTo("connect timed out after 200 ms");
    }

    @Test
    void aRefusedConnectIsCountedDescribedAndRetriedAfterTheBackOff() {
        start(config().connections(2));
        transport.take();
        iterate(now, () -> {
            worker.onConnectFailed(0, TransportError.REFUSED, ECONNREFUSED());
            worker.onConnectFailed(1, TransportError.REFUSED, ECONNREFUSED());
        });
        Counts c = counts();
        assertThat(c.errors(ErrorKind.CONNECT_REFUSED)).isEqualTo(2);
        assertThat(c.get(Counter.CONNECT_FAILURES)).isEqualTo(2);
        assertThat(c.get(Counter.CONNECTS_OK)).isZero();
        assertThat(worker.finalCounters().firstConnectError).isEqualTo("ECONNREFUSED (connection refused)");
        now += LoadWorker.CONNECT_BACKOFF_NS / 2;
        iterate();
        assertThat(transport.take()).isEmpty();
        now += LoadWorker.CONNECT_BACKOFF_NS / 2 + LoadWorker.SCAN_INTERVAL_NS;
        iterate();
        assertThat(transport.take()).containsExactly("connect 0", "connect 1");
    }

    @Test
    void warmupIsCountedApartAndItsLatenciesAreNotRecorded() {
        start(config().connections(1).pipelining(2).warmupNs(1_000 * MS));
        iterate(now, () -> worker.onConnected(0));
        iterate(now + MS, () -> {
            worker.onSent(0);
            respond(0, 2);
        });
        assertThat(worker.recorder().getIntervalHistogram(null).getTotalCount()).as("warmup").isZero();
        worker.startMeasuring();
        worker.doWork(now); // the switch happens between rounds
        Counts switched = worker.counts();
        assertThat(switched.get(Counter.MEASURING)).isEqualTo(1);
        assertThat(switched.get(Counter.WARMUP_RESPONSES)).isEqualTo(2);
        assertThat(switched.get(Counter.RESPONSES)).as("restarted").isZero();
        assertThat(switched.get(Counter.BYTES_READ)).as("runs on across the switch").isPositive();
        now += MS;
        worker.onWake(now, 0);
        worker.onSent(0);
        respond(0, 2);
        worker.endRound();
        assertThat(worker.recorder().getIntervalHistogram(null).getTotalCount()).isEqualTo(2);
        assertThat(counts().get(Counter.RESPONSES)).isEqualTo(2);
    }

    @Test
    void theRequestBudgetIsExactEvenWhenAConnectionIsLost() {
        start(config().connections(2).pipelining(2).requests(5));
        transport.take();
        iterate(now, () -> {
            worker.onConnected(0);
            worker.onConnected(1);
        });
        assertThat(transport.take()).containsExactly("send 0 2", "send 1 2");
        iterate(now + MS, () -> {
            worker.onSent(0);
            worker.onSent(1);
            respond(0, 2);
            worker.onClosed(1, TransportError.RESET); // two requests lost: they go back to the budget
        });
        assertThat(transport.take()).containsExactly("send 0 1", "connect 1");
        assertThat(counts().errors(ErrorKind.RESET)).isEqualTo(2);
        iterate(now + MS, () -> worker.onConnected(1));
        assertThat(transport.take()).containsExactly("send 1 2");
        iterate(now + MS, () -> {
            worker.onSent(0);
            worker.onSent(1);
            respond(0, 1);
            respond(1, 2);
        });
        assertThat(transport.take()).as("5 responses: the budget is spent").isEmpty();
        assertThat(worker.keepRunning()).isFalse();
        Counts c = counts();
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(5);
        assertThat(c.get(Counter.REQUESTS_SENT)).as("5 answered + 2 lost").isEqualTo(7);
    }

    @Test
    void aRampOpensItsNewConnectionsAtTheGivenRate() {
        LoadConfig c = config().connections(6).connectTimeoutNs(10_000 * MS).build();
        transport = new FakeTransport(REQUEST.length);
        worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), 1));
        worker.targetConnections(2, 0); // the first step, at once
        worker.start(now);
        assertThat(transport.take()).containsExactly("connect 0", "connect 1");
        worker.targetConnections(6, 4); // four more, four per second: one every 250 ms
        iterate();
        assertThat(transport.take()).containsExactly("connect 2");
        now += 200 * MS;
        iterate();
        assertThat(transport.take()).isEmpty();
        now += 60 * MS;
        iterate();
        assertThat(transport.take()).containsExactly("connect 3");
        now += 600 * MS;
        iterate();
        assertThat(transport.take()).containsExactly("connect 4", "connect 5");
        now += 1_000 * MS;
        iterate();
        assertThat(transport.take()).as("never more than the worker owns").isEmpty();
    }

    @Test
    void aResponseNobodyAskedForIsAParseErrorAndAClosingResponseEndsThePipeline() {
        start(config().connections(1).pipelining(3));
        iterate(now, () -> worker.onConnected(0));
        transport.take();
        MemorySegment closing = segment("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        iterate(now + MS, () -> {
            worker.onSent(0);
            assertThat(worker.onData(0, closing, 0, (int) closing.byteSize())).isFalse();
        });
        assertThat(transport.take()).containsExactly("close 0", "connect 0");
        Counts c = counts();
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(1);
        assertThat(c.errors(ErrorKind.CLOSED_MID_PIPELINE)).as("the two behind it").isEqualTo(2);
        iterate(now, () -> worker.onConnected(0));
        transport.take();
        MemorySegment four = segment("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".repeat(4));
        iterate(now + MS, () -> assertThat(worker.onData(0, four, 0, (int) four.byteSize())).isFalse());
        assertThat(transport.take()).containsExactly("abort 0", "connect 0");
        assertThat(counts().errors(ErrorKind.PARSE)).isEqualTo(1);
    }
}
