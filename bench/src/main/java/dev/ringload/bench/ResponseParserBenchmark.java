package dev.ringload.bench;

import dev.ringload.engine.http.ResponseParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * ns per response for {@link ResponseParser} over a native buffer holding {@value #RESPONSES} pipelined responses
 * shaped like {@code ringload serve}'s (about 160 bytes each, six headers): the client's per-response parsing cost.
 *
 * <pre>
 *   ./mvnw -B -q -pl bench -am package -DskipTests
 *   taskset -c 0 $JAVA_HOME/bin/java -jar bench/target/benchmarks.jar ResponseParserBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResponseParserBenchmark {

    static final int RESPONSES = 100;
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nServer: ringload\r\nDate: Sat, 28 Nov 2026 01:44:19 GMT\r\n"
            + "Content-Type: application/json\r\nContent-Length: 16\r\nConnection: keep-alive\r\n\r\n{\"message\":\"hi\"}";

    private Arena arena;
    private MemorySegment buffer;
    private MemorySegment global;
    /** Without a remembered response: every response is parsed. */
    private final ResponseParser parser = new ResponseParser(null);
    /** As the engine's: a response equal to the last one is framed by comparison ({@code RepeatedResponse}). */
    private final ResponseParser remembering = new ResponseParser();

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofConfined();
        byte[] bytes = RESPONSE.repeat(RESPONSES).getBytes(StandardCharsets.US_ASCII);
        buffer = arena.allocate(bytes.length, 64);
        MemorySegment.copy(bytes, 0, buffer, JAVA_BYTE, 0, bytes.length);
        global = MemorySegment.ofAddress(buffer.address()).reinterpret(bytes.length);
    }

    @Benchmark
    @OperationsPerInvocation(RESPONSES)
    public int parseGlobalScope() {
        long end = global.byteSize();
        long i = 0;
        int completed = 0;
        while (i < end) {
            i = parser.parse(global, i, end);
            if (parser.complete()) {
                completed += parser.status();
            }
        }
        return completed;
    }

    @Benchmark
    @OperationsPerInvocation(RESPONSES)
    public int repeatedResponses() {
        long end = buffer.byteSize();
        long i = 0;
        int completed = 0;
        while (i < end) {
            i = remembering.parse(buffer, i, end);
            if (remembering.complete()) {
                completed += remembering.status();
            }
        }
        return completed;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(RESPONSES)
    public int parse() {
        long end = buffer.byteSize();
        long i = 0;
        int completed = 0;
        while (i < end) {
            i = parser.parse(buffer, i, end);
            if (parser.complete()) {
                completed += parser.status();
            }
        }
        return completed;
    }
}
