package dev.ringload.engine.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * When an automatic warmup ({@code --warmup auto}) has done its job: the client's JIT has compiled its hot path
 * and the rate has stopped climbing. Until then a run measures the interpreter and the compiler as much as the
 * server: on these machines a run's first second reaches 5-15% of the steady rate, and its compile pauses land in
 * the latency tail. Fed one window of {@value #WINDOW_MS} ms at a time; settled when, after at least
 * {@link #MIN_NS}, the last two windows each spent under {@value #JIT_MS_PER_WINDOW} ms compiling and (closed
 * loop) the last window's rate was no more than {@value #GROWTH_PERCENT}% above the best of the two before it.
 * The caller stops at its maximum whatever this says.
 */
public final class WarmupSettle {

    public static final long WINDOW_MS = 250;
    static final long MIN_NS = TimeUnit.SECONDS.toNanos(1);
    static final long JIT_MS_PER_WINDOW = 10;
    static final int GROWTH_PERCENT = 3;

    private final boolean rateFixed;
    private static final long WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);

    private final double[] rates = new double[3];
    private final long[] jitMs = new long[2];
    private int windows;
    private long phaseStartNs;
    private long windowStartNs;
    private long responses;
    private long compiledMs;

    /** @param rateFixed an open loop: the rate is the schedule's, only the JIT says when it is warm */
    public WarmupSettle(boolean rateFixed) {
        this.rateFixed = rateFixed;
    }

    /** The warmup starts at {@code nowNs} with {@code responses} so far. */
    void begin(long nowNs, long responses) {
        this.phaseStartNs = nowNs;
        this.windowStartNs = nowNs;
        this.responses = responses;
        this.compiledMs = compiledMsSoFar();
    }

    /** When the current window ends. */
    long windowEndNs() {
        return windowStartNs + WINDOW_NS;
    }

    /**
     * At or after {@link #windowEndNs}, with the responses so far: closes the window ({@link #window}) and opens the
     * next; true when settled.
     */
    boolean endWindow(long nowNs, long responsesNow) {
        long compiledNow = compiledMsSoFar();
        boolean settled = window(nowNs - phaseStartNs, (responsesNow - responses) * 1e9 / (nowNs - windowStartNs),
                compiledNow < 0 ? 0 : compiledNow - compiledMs);
        responses = responsesNow;
        compiledMs = compiledNow;
        windowStartNs = nowNs;
        return settled;
    }

    /**
     * One more window: its responses per second and the milliseconds the JIT compiled in it; true when settled.
     *
     * @param elapsedNs time since the warmup started, at the window's end
     */
    public boolean window(long elapsedNs, double responsesPerSecond, long compiledMs) {
        rates[0] = rates[1];
        rates[1] = rates[2];
        rates[2] = responsesPerSecond;
        jitMs[0] = jitMs[1];
        jitMs[1] = compiledMs;
        windows++;
        if (elapsedNs < MIN_NS || windows < 3) {
            return false;
        }
        boolean compilerQuiet = jitMs[0] < JIT_MS_PER_WINDOW && jitMs[1] < JIT_MS_PER_WINDOW;
        boolean rateFlat = rateFixed || rates[2] <= Math.max(rates[0], rates[1]) * (1 + GROWTH_PERCENT / 100.0);
        return compilerQuiet && rateFlat;
    }

    /** Milliseconds this JVM's JIT has spent compiling so far; -1 where the JVM does not say. */
    public static long compiledMsSoFar() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
