package dev.ringload.bench;

import dev.ringload.engine.load.RequestSlots;
import dev.ringload.engine.load.SendBatch;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.mix.MixPlan;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.mix.RequestSpec;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ns per request for {@link MixPlan} rendering batches of {@value #DEPTH} requests, 16 targets round-robin with a
 * {@code {seq}} each (bench/mix.sh's mix), over {@value #CONNECTIONS} connections' send areas: the client's
 * per-request cost of a mix before the kernel sees it.
 *
 * <pre>
 *   ./mvnw -B -q -pl bench -am package -DskipTests
 *   taskset -c 0 $JAVA_HOME/bin/java -jar bench/target/benchmarks.jar MixPlanBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MixPlanBenchmark {

    static final int DEPTH = 100;
    static final int CONNECTIONS = 100;

    /** What follows each target's path: a placeholder, or nothing (the cost of picking and copying alone). */
    @Param({"{seq}", ""})
    public String placeholder;

    private MixPlan plan;
    private RequestSlots[] slots;
    private final SendBatch batch = new SendBatch();
    private int connection;
    private long first;

    @Setup(Level.Trial)
    public void setUp() {
        Target endpoint = Target.parse("http://127.0.0.1:8080/");
        List<RequestSpec> specs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            specs.add(new RequestSpec("GET", "http://127.0.0.1:8080/items/" + i + "/" + placeholder, List.of(), new byte[0],
                    1, "bench:" + i, null));
        }
        RequestMix mix = RequestMix.compile(specs, endpoint, RequestMix.Pick.ROUND_ROBIN);
        plan = new MixPlan(mix, 0, 1, 0, CONNECTIONS, DEPTH, 1);
        slots = new RequestSlots[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            slots[c] = new RequestSlots(DEPTH);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH)
    public int batchOfDepth() {
        int c = connection;
        connection = c + 1 == CONNECTIONS ? 0 : c + 1;
        int n = plan.next(c, first, DEPTH, slots[c], batch);
        first += DEPTH;
        return n + batch.length();
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public int batchOfTen() {
        int c = connection;
        connection = c + 1 == CONNECTIONS ? 0 : c + 1;
        int n = plan.next(c, first, 10, slots[c], batch);
        first += 10;
        return n + batch.length();
    }
}
