package dev.ringload.bench;

import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadWorker;
import dev.ringload.engine.load.RepeatedRequestPlan;
import dev.ringload.engine.load.RequestSlots;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.SendBatch;
import dev.ringload.engine.load.SendPlan;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.mix.MixPlan;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.mix.RequestSpec;
import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportEvents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ns per response of a worker's own code, without a kernel: a {@link LoadWorker} over an in-memory transport that
 * answers up to {@value #CHUNK} requests per connection per loop iteration with {@code ringload serve}'s response,
 * so every iteration parses, records and re-sends that many per connection in one batch (at depth 1, 10: 1, 10; an
 * invocation loops until each connection had {@value #CHUNK}, so ns per response are comparable). One request
 * repeated ({@code single}, as long as the mix's) against the 16-target {@code {seq}} round-robin mix of
 * bench/mix.sh ({@code mix}): the difference is what mixing costs the client per response, which the loopback runs
 * measure only through the kernel's noise.
 *
 * <pre>
 *   ./mvnw -B -q -pl bench -am package -DskipTests
 *   taskset -c 0 $JAVA_HOME/bin/java -jar bench/target/benchmarks.jar WorkerLoopBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WorkerLoopBenchmark {

    static final int CONNECTIONS = 100;
    /** Responses per connection per iteration: one receive's worth and the next batch (about 80 at depth 100 here). */
    static final int CHUNK = 80;
    static final String RESPONSE = "HTTP/1.1 200 OK\r\nServer: ringload\r\nDate: Mon, 30 Nov 2026 18:56:37 GMT\r\n"
            + "Content-Type: application/json\r\nContent-Length: 16\r\nConnection: keep-alive\r\n\r\n"
            + "{\"message\":\"ok\"}";

    @Param({"single", "mix"})
    public String kind;

    @Param({"100"})
    public int depth;

    private LoadWorker worker;
    private Loopback transport;
    private long nowNs;
    /** Loop iterations per invocation: each answers min({@value #CHUNK}, depth) per connection, so that together
     * they answer {@value #CHUNK} per connection, the count {@code @OperationsPerInvocation} divides by. */
    private int rounds;

    @Setup(Level.Trial)
    public void setUp() {
        int perRound = Math.min(CHUNK, depth);
        if (CHUNK % perRound != 0) {
            throw new IllegalArgumentException("depth " + depth + ": a divisor of " + CHUNK + " or at least " + CHUNK);
        }
        rounds = CHUNK / perRound;
        Target endpoint = Target.parse("http://127.0.0.1:8080/");
        byte[] same = RequestTemplate.encode("GET", Target.parse("http://127.0.0.1:8080/items/0/12345678"), List.of(),
                new byte[0]);
        LoadConfig config = LoadConfig.builder(endpoint, same).connections(CONNECTIONS).pipelining(depth).build();
        SendPlan plan = switch (kind) {
            case "single" -> new RepeatedRequestPlan(config.request(), depth);
            case "mix" -> {
                List<RequestSpec> specs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    specs.add(new RequestSpec("GET", "http://127.0.0.1:8080/items/" + i + "/{seq}", List.of(),
                            new byte[0], 1, "bench:" + i, null));
                }
                yield new MixPlan(RequestMix.compile(specs, endpoint, RequestMix.Pick.ROUND_ROBIN), 0, 1, 0,
                        CONNECTIONS, depth, 1);
            }
            default -> throw new IllegalArgumentException(kind);
        };
        CountingPlan counting = new CountingPlan(plan);
        transport = new Loopback(counting);
        worker = new LoadWorker(config, 0, transport, counting);
        transport.events = worker;
        nowNs = 1_000_000;
        worker.start(nowNs);
        worker.onWake(nowNs, 0);
        for (int c = 0; c < CONNECTIONS; c++) {
            worker.onConnected(c);
        }
        worker.endRound();
        worker.startMeasuring();
    }

    /**
     * Loop iterations until every connection got {@value #CHUNK} responses: in each, the queued sends go and every
     * connection gets what it is owed, up to {@value #CHUNK} (at depth 1: one response per iteration, 80 of them).
     */
    @Benchmark
    @OperationsPerInvocation(CONNECTIONS * CHUNK)
    public int iterations() {
        int handled = 0;
        for (int r = 0; r < rounds; r++) {
            nowNs += 1_000;
            worker.doWork(nowNs);
            transport.nowNs = nowNs + 500;
            handled += transport.poll(0);
            worker.endRound();
        }
        return handled;
    }

    /** Remembers how many requests the last batch held, so the transport knows how many responses it owes. */
    static final class CountingPlan implements SendPlan {
        private final SendPlan plan;
        int last;

        CountingPlan(SendPlan plan) {
            this.plan = plan;
        }

        @Override
        public int next(int connection, long first, int max, RequestSlots slots, SendBatch batch) {
            return last = plan.next(connection, first, max, slots, batch);
        }

        @Override
        public int targets() {
            return plan.targets();
        }

        @Override
        public boolean notesTargets() {
            return plan.notesTargets();
        }

        @Override
        public boolean head(int target) {
            return plan.head(target);
        }
    }

    /** A server in memory: a send completes at the next poll, and its requests are answered {@value #CHUNK} at a time. */
    static final class Loopback implements Transport {
        private final CountingPlan plan;
        private final int[] queued = new int[CONNECTIONS];
        private final int[] owed = new int[CONNECTIONS];
        private final MemorySegment responses;
        private final int responseLength;
        TransportEvents events;
        /** The clock of the coming poll (the worker stamped its sends at the iteration's start). */
        long nowNs;

        Loopback(CountingPlan plan) {
            this.plan = plan;
            byte[] one = RESPONSE.getBytes(StandardCharsets.US_ASCII);
            this.responseLength = one.length;
            this.responses = Arena.ofAuto().allocate((long) one.length * CHUNK, 64);
            for (int i = 0; i < CHUNK; i++) {
                MemorySegment.copy(one, 0, responses, ValueLayout.JAVA_BYTE, (long) i * one.length, one.length);
            }
        }

        @Override
        public void open(TransportEvents events, NanoClock clock) {
        }

        @Override
        public void connect(int connection) {
        }

        @Override
        public void send(int connection, MemorySegment bytes, long offset, int length) {
            queued[connection] += plan.last;
        }

        @Override
        public void close(int connection) {
            throw new IllegalStateException("connection " + connection + " closed");
        }

        @Override
        public void abort(int connection) {
            throw new IllegalStateException("connection " + connection + " aborted");
        }

        @Override
        public int poll(long maxWaitNs) {
            events.onWake(nowNs, 0);
            for (int c = 0; c < CONNECTIONS; c++) {
                if (queued[c] > 0) {
                    owed[c] += queued[c];
                    queued[c] = 0;
                    events.onSent(c);
                }
                int k = Math.min(CHUNK, owed[c]);
                owed[c] -= k;
                events.onData(c, responses, 0, k * responseLength);
            }
            return CONNECTIONS;
        }

        @Override
        public void close() {
        }
    }
}
