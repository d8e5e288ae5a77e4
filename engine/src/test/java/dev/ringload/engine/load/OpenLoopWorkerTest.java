package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open loop, stepped by hand (as {@link LoadWorkerTest}): which connection a due request goes to, when it
 * waits, and the three latencies each request gets.
 */
class OpenLoopWorkerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Target TARGET = Target.parse("http://127.0.0.1:9/");
    private static final byte[] REQUEST = RequestTemplate.encode("GET", TARGET, List.of(), new byte[0]);

    private FakeTransport transport;
    private LoadWorker worker;
    private long now = 1_000 * MS;

    /** A measured run at 1000 requests per second (one every millisecond) over {@code connections} x {@code p}. */
    private void start(int connections, int pipelining) {
        LoadConfig c = LoadConfig.builder(TARGET, REQUEST).connections(connections).pipelining(pipelining)
                .rate(OpenLoopRate.constant(1000, Arrival.UNIFORM)).build();
        transport = new FakeTransport(REQUEST.length);
        worker = new LoadWorker(c, 0, transport, new RepeatedRequestPlan(c.request(), pipelining));
        worker.startMeasuring();
        worker.start(now);
        transport.take(); // the connects
    }

    /** One loop iteration at {@code now}, then a round of events. */
    private void iterate(Runnable events) {
        worker.doWork(now);
        worker.onWake(now, 0);
        events.run();
        worker.endRound();
    }

    private void respond(int connection, int responses) {
        byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".repeat(responses).getBytes(StandardCharsets.US_ASCII);
        MemorySegment s = Arena.ofAuto().allocate(bytes.length);
        MemorySegment.copy(bytes, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
        assertThat(worker.onData(connection, s, 0, bytes.length)).isTrue();
    }

    private static long[] valuesMs(Histogram h) {
        List<Long> values = new java.util.ArrayList<>();
        h.recordedValues().forEach(v -> {
            for (long i = 0; i < v.getCountAtValueIteratedTo(); i++) {
                values.add(Math.round(v.getValueIteratedTo() / (double) MS));
            }
        });
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Test
    void dueRequestsGoToConnectionsInTurnAndNothingGoesBeforeItIsDue() {
        start(3, 1);
        iterate(() -> {
            worker.onConnected(0);
            worker.onConnected(1);
            worker.onConnected(2);
        });
        assertThat(transport.take()).as("the schedule starts with the first connection: nothing due yet").isEmpty();
        iterate(() -> { });
        assertThat(transport.take()).as("the first request is due at the start").containsExactly("send 0 1");
        now += MS / 2;
        iterate(() -> { });
        assertThat(transport.take()).as("the next is due 1 ms after the first").isEmpty();
        assertThat(worker.waitNs(now, 10 * MS)).as("sleep until it is due").isEqualTo(MS / 2);
        now += MS / 2;
        iterate(() -> { });
        now += MS;
        iterate(() -> { });
        assertThat(transport.take()).as("round-robin, one each").containsExactly("send 1 1", "send 2 1");
        worker.doWork(now);
        assertThat(worker.counts().get(Counter.SLOT_WAIT_NS)).as("never without a free slot").isZero();
    }

    /** A connection answered while others still wait in the ring goes behind them, and its turn comes again. */
    @Test
    void aConnectionThatFreesASlotQueuesBehindTheOthers() {
        start(2, 1);
        iterate(() -> {
            worker.onConnected(0);
            worker.onConnected(1);
        });
        iterate(() -> { });
        assertThat(transport.take()).containsExactly("send 0 1");
        iterate(() -> {
            worker.onSent(0);
            respond(0, 1); // behind connection 1, at the end of the ring
        });
        for (int i = 0; i < 4; i++) {
            now += MS;
            int next = (i + 1) % 2;
            iterate(() -> {
                worker.onSent(next);
                respond(next, 1);
            });
        }
        assertThat(transport.take()).containsExactly("send 1 1", "send 0 1", "send 1 1", "send 0 1");
        worker.doWork(now); // publishes
        assertThat(worker.counts().get(Counter.RESPONSES)).isEqualTo(5);
    }

    /** Sent and answered at the instant it was due: zero, not below it; read on a clock behind its send: below. */
    @Test
    void aZeroLatencyIsNotBelowZeroButOneReadOnAClockBehindIs() {
        start(1, 1);
        iterate(() -> worker.onConnected(0));
        iterate(() -> { });
        iterate(() -> {
            worker.onSent(0);
            respond(0, 1);
        });
        worker.doWork(now);
        Counts c = worker.counts();
        assertThat(c.get(Counter.RESPONSES)).isEqualTo(1);
        assertThat(c.get(Counter.LATENCY_BELOW_ZERO)).isZero();
        now += MS; // the next request is due and goes now; its response is read on a clock half a millisecond behind
        worker.doWork(now);
        worker.onWake(now - MS / 2, 0);
        worker.onSent(0);
        respond(0, 1);
        worker.endRound();
        worker.doWork(now);
        assertThat(worker.counts().get(Counter.LATENCY_BELOW_ZERO)).isEqualTo(1);
    }

    @Test
    void aRequestWithNoFreeSlotWaitsAndTheWaitIsInItsLatencyButNotInItsServiceTime() {
        start(1, 1);
        long t0 = now;
        iterate(() -> worker.onConnected(0));
        iterate(() -> { });                    // request 0, due at t0, sent at t0
        assertThat(transport.take()).containsExactly("send 0 1");
        now = t0 + 3 * MS;                     // requests 1..3 are due (t0+1, t0+2, t0+3): no free slot
        iterate(() -> worker.onSent(0));
        assertThat(transport.take()).isEmpty();
        assertThat(worker.waitNs(now, 10 * MS)).as("starved: wait for a response, not for the schedule")
                .isEqualTo(10 * MS);
        now = t0 + 5 * MS;
        iterate(() -> respond(0, 1));          // response 0: latency 5 ms
        now = t0 + 5 * MS;
        iterate(() -> { });                    // request 1 (meant for t0+1) goes at t0+5
        assertThat(transport.take()).containsExactly("send 0 1");
        now = t0 + 6 * MS;
        iterate(() -> {
            worker.onSent(0);
            respond(0, 1);                     // response 1: corrected 5 ms, service 1 ms
        });
        assertThat(valuesMs(worker.recorder().getIntervalHistogram(null))).containsExactly(5, 5);
        assertThat(valuesMs(worker.serviceRecorder().getIntervalHistogram(null))).containsExactly(1, 5);
        worker.doWork(now);
        assertThat(valuesMs(worker.lagRecorder().getIntervalHistogram(null))).as("0 for the first, 4 ms for the next two")
                .containsExactly(0, 4, 4);
        assertThat(worker.counts().get(Counter.SLOT_WAIT_NS)).as("starved from t0+3 to t0+6")
                .isEqualTo(3 * MS);
    }

    @Test
    void everyPipelinedRequestGetsItsOwnCorrectedLatency() {
        start(1, 4);
        long t0 = now;
        iterate(() -> worker.onConnected(0));
        for (int i = 0; i < 4; i++) {          // one request every millisecond, each sent when due
            now = t0 + i * MS;
            iterate(() -> worker.onSent(0));
        }
        assertThat(transport.take()).containsExactly("send 0 1", "send 0 1", "send 0 1", "send 0 1");
        now = t0 + 10 * MS;                    // four in flight; the server answers all four at once
        iterate(() -> respond(0, 4));
        assertThat(valuesMs(worker.recorder().getIntervalHistogram(null))).containsExactly(7, 8, 9, 10);
        assertThat(worker.doWork(now)).as("requests handed to connections").isEqualTo(4);
        worker.onWake(now, 0);
        worker.endRound();
        assertThat(transport.take()).as("the seven requests due meanwhile: four fill the free slots, as one batch")
                .containsExactly("send 0 4");
        iterate(() -> worker.onSent(0));
        assertThat(transport.take()).as("never more than four in flight").isEmpty();
    }

    /** A request due exactly now goes now, in the same batch; with no free slot it is waited for. */
    @Test
    void aRequestDueExactlyNowIsDue() {
        start(1, 4);
        assertThat(worker.openLoop()).isTrue();
        long t0 = now;
        iterate(() -> worker.onConnected(0));
        iterate(() -> worker.onSent(0)); // request 0 at t0
        assertThat(transport.take()).containsExactly("send 0 1");
        now = t0 + 2 * MS; // requests 1 and 2 are due, the second exactly now
        iterate(() -> worker.onSent(0));
        assertThat(transport.take()).as("one batch of two").containsExactly("send 0 2");

        start(1, 1);
        t0 = now;
        iterate(() -> worker.onConnected(0));
        iterate(() -> worker.onSent(0)); // request 0, in flight
        now = t0 + MS; // request 1 is due exactly now, and the one slot is taken
        iterate(() -> { });
        assertThat(worker.waitNs(now, 10 * MS)).as("starved: wait for a response").isEqualTo(10 * MS);
    }

    /** A connection lost while it waited in the ring is passed over: the request goes to one that is open. */
    @Test
    void aConnectionLostWhileQueuedIsPassedOver() {
        start(2, 1);
        iterate(() -> {
            worker.onConnected(0);
            worker.onConnected(1);
            worker.onClosed(0, dev.ringload.engine.transport.TransportError.RESET);
        });
        assertThat(transport.take()).containsExactly("connect 0");
        iterate(() -> { });
        assertThat(transport.take()).containsExactly("send 1 1");
    }
}
