package dev.ringload.bench;

import dev.ringload.engine.uring.CompletionHandler;
import dev.ringload.engine.uring.IoUring;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of one IORING_OP_NOP through the whole driver (prep, publish, io_uring_enter, drain) at batch sizes 1, 16
 * and 256: each invocation pushes {@value #NOPS} NOPs, {@code batch} per io_uring_enter. For reference, a C liburing
 * loop costs about 450, 86 and 65 ns per NOP on the project's 2-core machines.
 *
 * <pre>
 *   ./mvnw -B -q -pl bench -am package -DskipTests
 *   taskset -c 0 $JAVA_HOME/bin/java -jar bench/target/benchmarks.jar NopBenchmark
 * </pre>
 * (or {@code bench/nop.sh}, which does both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NopBenchmark {

    static final int NOPS = 256;

    @Param({"1", "16", "256"})
    int batch;

    private IoUring ring;
    private final Counter counter = new Counter();

    static final class Counter implements CompletionHandler {
        long completions;

        @Override
        public void onCompletion(int res, int flags, long userData) {
            completions++;
        }
    }

    /** Thread-scoped state is set up on the benchmark thread itself, which the single-issuer ring requires. */
    @Setup(Level.Trial)
    public void open() {
        ring = IoUring.open(NOPS, 2 * NOPS);
    }

    @TearDown(Level.Trial)
    public void close() {
        ring.close();
    }

    @Benchmark
    @OperationsPerInvocation(NOPS)
    public long nop() {
        for (int done = 0; done < NOPS; done += batch) {
            for (int i = 0; i < batch; i++) {
                ring.sq().nop(i);
            }
            ring.submitAndWait(batch);
            ring.drain(counter);
        }
        return counter.completions;
    }
}
