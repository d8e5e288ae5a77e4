package dev.ringload.engine.load;

import dev.ringload.engine.mix.MixPlan;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.mix.RequestSpec;
import dev.ringload.engine.os.ThreadIds;
import dev.ringload.engine.transport.TransportError;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** A measured worker over {@code connections} at depth 4 whose mix is {@code requests} ("METHOD /path"). */
    private LoadConfig startMix(int connections, String... requests) {
        List<RequestSpec> specs = new ArrayList<>();
        for (String r : requests) {
            String[] parts = r.split(" ");
            specs.add(new RequestSpec(parts[0], "http://127.0.0.1:9" + parts[1], List.of(), new byte[0], 1,
                    "t:" + (specs.size() + 1), null));
        }
        RequestMix mix = RequestMix.compile(specs, TARGET, RequestMix.Pick.ROUND_ROBIN);
        LoadConfig c = config().connections(connections).pipelining(4).build();
        transport = new FakeTransport(REQUEST.length);
        worker = new LoadWorker(c, 0, transport, new MixPlan(mix, 0, 1, 0, connections, 4, 7));
        worker.startMeasuring();
        worker.start(now);
        return c;
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
        assertThat(c.get(Counter.RECONNECTS)).as("first connects").isZero();
        assertThat(worker.targetStats()).as("one request: no per-request statistics").isNull();
        assertThat(worker.targets()).isEqualTo(1);
        assertThat(worker.openLoop()).isFalse();
        assertThat(worker.nativeThreadId()).as("start() ran on this thread").isEqualTo(ThreadIds.current());
        assertThat(worker.finalCounters().statusCodes[200]).isEqualTo(2);
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
        iterate(now, () -> { // handed over and answered at the same instant: zero, not below it
            worker.onSent(0);
            respond(0, 1);
        });
        assertThat(counts().get(Counter.LATENCY_BELOW_ZERO)).isEqualTo(1);
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
        assertThat(worker.warmupRecorder().getIntervalHistogram(null).getTotalCount()).isEqualTo(2);
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
        assertThat(worker.keepRunning()).as("spent, but three responses are still to come").isTrue();
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

    @Test
    void finishCountsWhatWasInFlightAndWhoEverConnectedAndEndsTheOpenRound() {
        start(config().connections(3).pipelining(3));
        iterate(now, () -> {
            worker.onConnected(0);
            worker.onConnected(1);
        }); // connection 2 never connects
        iterate(now + MS, () -> worker.onClosed(1, TransportError.RESET)); // established once, now reconnecting
        worker.doWork(now);
        worker.onWake(now + MS, 0);
        worker.onSent(0);
        respond(0, 1); // its slot refilled: three in flight again
        worker.finish(); // the round is still open
        Counts c = worker.counts();
        assertThat(c.get(Counter.IN_FLIGHT_AT_STOP)).isEqualTo(3);
        assertThat(c.get(Counter.CONNECTIONS_ESTABLISHED)).isEqualTo(2);
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(1);
        assertThat(worker.recorder().getIntervalHistogram(null).getTotalCount()).isEqualTo(1);
    }

    @Test
    void aResponseEndedByThePeersCloseCountsAndTheRequestsBehindItAreLost() {
        start(config().connections(1).pipelining(3));
        iterate(now, () -> worker.onConnected(0));
        transport.take();
        MemorySegment closeDelimited = segment("HTTP/1.1 200 OK\r\n\r\nthe body runs to the close");
        iterate(now + MS, () -> {
            worker.onSent(0);
            assertThat(worker.onData(0, closeDelimited, 0, (int) closeDelimited.byteSize())).isTrue();
            worker.onClosed(0, TransportError.PEER_CLOSED);
            worker.onClosed(0, TransportError.RESET); // already gone: nothing more to count
            assertThat(worker.onData(0, closeDelimited, 0, (int) closeDelimited.byteSize())).as("not open").isFalse();
        });
        assertThat(transport.take()).as("the peer closed it: only a reconnect").containsExactly("connect 0");
        Counts c = counts();
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(1);
        assertThat(c.errors(ErrorKind.CLOSED_MID_PIPELINE)).isEqualTo(2);
        assertThat(c.errors(ErrorKind.RESET)).isZero();
        assertThat(c.get(Counter.OPEN_CONNECTIONS)).isZero();
    }

    /** The blocked time is a sum; a turn is the time between two looks at completions without the wait. */
    @Test
    void blockedTimeAddsUpAndTheLongestTurnIsKept() {
        start(config().connections(1));
        long t0 = now; // start() is the first look
        worker.onWake(t0 + 10 * MS, 4 * MS); // a turn of 6 ms
        worker.endRound();
        worker.onWake(t0 + 12 * MS, MS); // 1 ms
        worker.endRound();
        worker.onWake(t0 + 15 * MS, 2 * MS); // 1 ms
        worker.endRound();
        Counts c = counts();
        assertThat(c.get(Counter.BLOCKED_NS)).isEqualTo(7 * MS);
        assertThat(c.get(Counter.LONGEST_TURN_NS)).isEqualTo(6 * MS);
    }

    /** Timers fire once their limit is passed, not on it; doWork returns what it opened or dropped. */
    @Test
    void timersFireJustPastTheirLimitsAndDoWorkCountsWhatTheyDid() {
        start(config().connections(1).pipelining(2));
        transport.take();
        long connectAt = now;
        now = connectAt + 200 * MS; // exactly the connect timeout
        assertThat(worker.doWork(now)).isZero();
        assertThat(transport.take()).isEmpty();
        now += LoadWorker.SCAN_INTERVAL_NS; // the next look at the timers
        assertThat(worker.doWork(now)).as("the connect timed out").isEqualTo(1);
        assertThat(transport.take()).containsExactly("abort 0");
        now += LoadWorker.CONNECT_BACKOFF_NS; // exactly the end of the back-off
        assertThat(worker.doWork(now)).as("the retry").isEqualTo(1);
        assertThat(transport.take()).containsExactly("connect 0");
        iterate(now, () -> worker.onConnected(0));
        worker.doWork(now); // the hand-over of both requests
        long sentAt = now;
        transport.take();
        now = sentAt + 500 * MS; // exactly the request timeout
        assertThat(worker.doWork(now)).isZero();
        assertThat(transport.take()).isEmpty();
        now += LoadWorker.SCAN_INTERVAL_NS;
        assertThat(worker.doWork(now)).as("the request timed out").isEqualTo(1);
        assertThat(transport.take()).containsExactly("abort 0", "connect 0");
    }

    @Test
    void aConnectionWithNothingInFlightNeverTimesOut() {
        start(config().connections(1).requests(1));
        iterate(now, () -> worker.onConnected(0));
        iterate(now + MS, () -> {
            worker.onSent(0);
            respond(0, 1);
        });
        transport.take();
        now += 2_000 * MS;
        assertThat(worker.doWork(now)).isZero();
        assertThat(transport.take()).isEmpty();
        assertThat(counts().errors(ErrorKind.TIMEOUT)).isZero();
    }

    @Test
    void doWorkCountsTheConnectionsARampStepOpens() {
        LoadConfig c = config().connections(3).build();
        transport = new FakeTransport(REQUEST.length);
        worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), 1));
        worker.targetConnections(1, 0);
        worker.start(now);
        assertThat(transport.take()).containsExactly("connect 0");
        worker.targetConnections(3, 0);
        assertThat(worker.doWork(now)).isEqualTo(2);
        assertThat(transport.take()).containsExactly("connect 1", "connect 2");
    }

    /**
     * Without a warmup, what happened before the switch (a failed first connect) is part of the run; after a timed
     * start's lead, which is a warmup whatever the configured one, it is not.
     */
    @Test
    void theSwitchRestartsTheCountersOnlyAfterAWarmup() {
        for (boolean lead : new boolean[] {false, true}) {
            LoadConfig c = config().connections(1).build();
            transport = new FakeTransport(REQUEST.length);
            worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), 1));
            worker.start(now);
            worker.onConnectFailed(0, TransportError.REFUSED, ECONNREFUSED());
            worker.doWork(now);
            if (lead) {
                worker.startMeasuringAfterWarmup();
            } else {
                worker.startMeasuring();
            }
            Counts counts = counts();
            assertThat(counts.get(Counter.MEASURING)).isEqualTo(1);
            assertThat(counts.errors(ErrorKind.CONNECT_REFUSED)).as("after a lead: %s", lead).isEqualTo(lead ? 0 : 1);
        }
    }

    @Test
    void headResponsesAreReadWithoutTheBodyTheirContentLengthNames() {
        byte[] head = RequestTemplate.encode("HEAD", TARGET, List.of(), new byte[0]);
        LoadConfig c = LoadConfig.builder(TARGET, head).headRequests(true).connections(1).pipelining(2).build();
        transport = new FakeTransport(head.length);
        worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), c.pipelining()));
        worker.startMeasuring();
        worker.start(now);
        iterate(now, () -> worker.onConnected(0));
        MemorySegment two = segment("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n".repeat(2));
        iterate(now + MS, () -> {
            worker.onSent(0);
            assertThat(worker.onData(0, two, 0, (int) two.byteSize())).isTrue();
        });
        assertThat(counts().get(Counter.RESPONSES)).isEqualTo(2);
    }

    /**
     * HEAD mixed with GET: each response is read as an answer to its own request (no body after a HEAD, whatever
     * its Content-Length), and each request of the mix gets its responses and, when its connection is lost, its
     * errors.
     */
    @Test
    void aMixOfHeadAndGetReadsEachResponseForItsOwnRequestAndCountsEachRequestApart() {
        LoadConfig c = startMix(1, "HEAD /h", "GET /g");
        assertThat(worker.targetStats()).isNotNull();
        assertThat(worker.targets()).isEqualTo(2);
        iterate(now, () -> worker.onConnected(0)); // HEAD, GET, HEAD, GET
        String headResponse = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
        String getResponse = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno";
        MemorySegment four = segment((headResponse + getResponse).repeat(2));
        iterate(now + MS, () -> {
            worker.onSent(0);
            assertThat(worker.onData(0, four, 0, (int) four.byteSize())).isTrue();
        });
        Counts counts = counts();
        assertThat(counts.get(Counter.RESPONSES)).isEqualTo(4);
        assertThat(counts.errors()).isZero();
        assertThat(worker.finalCounters().statusCodes[404]).isEqualTo(2);
        iterate(now + MS, () -> worker.onClosed(0, TransportError.RESET)); // the next four are lost
        assertThat(counts().errors(ErrorKind.RESET)).isEqualTo(4);
        worker.finish();
        List<TargetResult> results = TargetStats.merge(List.of(worker.targetStats()), 2, c.highestLatencyNs());
        assertThat(results).extracting(TargetResult::responses).containsExactly(2L, 2L);
        assertThat(results).extracting(TargetResult::errors).containsExactly(2L, 2L);
        assertThat(results.get(1).statusClasses()[4]).as("the GETs' 404s").isEqualTo(2);
        assertThat(results.get(0).statusClasses()[4]).isZero();
    }

    /**
     * A mix's per-request statistics are written after the parser's loop: the responses completed before a
     * response that closes the connection, before garbage, or by the peer's close still count for their requests,
     * with their latency, however the receive ends.
     */
    @Test
    void aMixCountsEveryCompletedResponseForItsRequestWhateverEndsTheReceive() {
        LoadConfig c = startMix(3, "GET /a", "GET /b");
        iterate(now, () -> {
            for (int i = 0; i < 3; i++) {
                worker.onConnected(i); // a, b, a, b on each
            }
        });
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        String closing = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi";
        MemorySegment closes = segment(ok + closing + ok); // the third is never read
        MemorySegment garbage = segment(ok + ok + ok + "HTTP/1.1 20x nonsense\r\n\r\n");
        MemorySegment untilClose = segment(ok + "HTTP/1.1 200 OK\r\n\r\nbody until the close");
        iterate(now + 3 * MS, () -> {
            for (int i = 0; i < 3; i++) {
                worker.onSent(i);
            }
            assertThat(worker.onData(0, closes, 0, (int) closes.byteSize())).isFalse();
            assertThat(worker.onData(1, garbage, 0, (int) garbage.byteSize())).isFalse();
            assertThat(worker.onData(2, untilClose, 0, (int) untilClose.byteSize())).isTrue();
            worker.onClosed(2, TransportError.PEER_CLOSED);
        });
        assertThat(counts().get(Counter.RESPONSES)).isEqualTo(2 + 3 + 2);
        worker.finish();
        List<TargetResult> results = TargetStats.merge(List.of(worker.targetStats()), 2, c.highestLatencyNs());
        assertThat(results).extracting(TargetResult::responses).containsExactly(4L, 3L); // a b | a b a | a b
        assertThat(results).allSatisfy(r -> {
            assertThat(r.latency().count()).isEqualTo(r.responses());
            assertThat(r.latency().valueAtPercentileNs(0)).isBetween(2.97 * MS, 3.2 * MS);
            assertThat(r.latency().valueAtPercentileNs(100)).isBetween(2.97 * MS, 3.2 * MS);
        });
        // In flight when each was lost: a b | b | a b and the a sent for the response that completed first.
        assertThat(results).extracting(TargetResult::errors).containsExactly(3L, 3L);
    }

    /** Timers are looked at once per scan interval, not at every iteration. */
    @Test
    void timersAreLookedAtOncePerScanInterval() {
        start(config().connections(1));
        transport.take();
        long connectAt = now;
        worker.doWork(connectAt + 195 * MS); // a look: not timed out yet
        worker.doWork(connectAt + 201 * MS); // timed out, but the next look is at 205 ms
        assertThat(transport.take()).isEmpty();
        worker.doWork(connectAt + 205 * MS);
        assertThat(transport.take()).containsExactly("abort 0");
    }

    /** Responses that arrive while the connection is still sending are refilled once the send completes. */
    @Test
    void slotsFreedDuringASendAreRefilledWhenItCompletes() {
        start(config().connections(1).pipelining(2));
        iterate(now, () -> worker.onConnected(0));
        transport.take();
        iterate(now + MS, () -> {
            respond(0, 1);
            assertThat(transport.take()).as("still sending").isEmpty();
            worker.onSent(0);
        });
        assertThat(transport.take()).containsExactly("send 0 1");
    }

    @Test
    void aMalformedResponseIsAParseErrorAndDropsTheConnection() {
        start(config().connections(1).pipelining(2));
        iterate(now, () -> worker.onConnected(0));
        transport.take();
        MemorySegment garbage = segment("HTTP/1.1 2xx OK\r\n\r\n");
        iterate(now + MS, () -> {
            worker.onSent(0);
            assertThat(worker.onData(0, garbage, 0, (int) garbage.byteSize())).isFalse();
        });
        assertThat(transport.take()).containsExactly("abort 0", "connect 0");
        Counts c = counts();
        assertThat(c.errors(ErrorKind.PARSE)).as("both in flight").isEqualTo(2);
        assertThat(c.get(Counter.RESPONSES)).isZero();
    }

    /**
     * A connection lost while still sending, with a slot it freed granted but not yet sent: both the request in
     * flight and the granted one go back to the budget, and the run still gets exactly N responses.
     */
    @Test
    void requestsGrantedButNotYetSentGoBackToTheBudgetWithTheLostOnes() {
        start(config().connections(1).pipelining(2).requests(4));
        iterate(now, () -> worker.onConnected(0));
        assertThat(transport.take()).containsExactly("connect 0", "send 0 2");
        iterate(now + MS, () -> {
            respond(0, 1); // frees a slot while the send is still in progress: granted, not sent
            worker.onClosed(0, TransportError.RESET); // one in flight and the granted one are lost
        });
        assertThat(transport.take()).containsExactly("connect 0");
        iterate(now + MS, () -> worker.onConnected(0));
        assertThat(transport.take()).as("three left of four").containsExactly("send 0 2");
        iterate(now + MS, () -> {
            worker.onSent(0);
            respond(0, 2);
        });
        assertThat(transport.take()).containsExactly("send 0 1");
        iterate(now + MS, () -> {
            worker.onSent(0);
            respond(0, 1);
        });
        assertThat(worker.keepRunning()).isFalse();
        assertThat(counts().get(Counter.RESPONSES)).isEqualTo(4);
    }
}
