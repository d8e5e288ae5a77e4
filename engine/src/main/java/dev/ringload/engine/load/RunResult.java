package dev.ringload.engine.load;

import java.time.Instant;
import java.util.List;

/**
 * What a run measured, immutable: the basis of every report.
 *
 * @param config             the configuration run
 * @param engine             "io_uring" or "nio"
 * @param startedAt          wall-clock start of the measured phase
 * @param durationNs         length of the measured phase
 * @param latency            latency of every measured response
 * @param seconds            every full second of the measured phase
 * @param bytesRead          bytes received in the measured phase
 * @param totals             counters summed over the workers (measured phase)
 * @param warmupResponses    responses during the warmup (not in the results)
 * @param warmupNs           length of the warmup
 * @param partial            stopped early by a signal
 * @param unreachable        no connection could ever be established
 * @param client             how busy the client was in the measured phase, and the verdict
 * @param openLoop           an open-loop run's rate and latency parts; null for a closed loop
 * @param targets            a request mix: each request's statistics, by its index in the mix; empty with one
 */
public record RunResult(LoadConfig config, String engine, Instant startedAt, long durationNs, Latency latency,
                        List<SecondSample> seconds, long bytesRead, RunTotals totals,
                        long warmupResponses, long warmupNs, boolean partial, boolean unreachable, ClientLoad client,
                        OpenLoopResult openLoop, List<TargetResult> targets) {

    public RunResult {
        seconds = List.copyOf(seconds);
        targets = List.copyOf(targets);
    }

    /** Responses completed in each full second of the measured phase. */
    public long[] perSecondResponses() {
        return seconds.stream().mapToLong(SecondSample::responses).toArray();
    }

    /** Bytes received in each full second. */
    public long[] perSecondBytes() {
        return seconds.stream().mapToLong(SecondSample::bytes).toArray();
    }

    public long responses() {
        return totals.responses();
    }

    public double durationSeconds() {
        return durationNs / 1e9;
    }

    /** Responses per second over the whole measured phase. */
    public double requestsPerSecond() {
        return durationNs == 0 ? 0 : totals.responses() / durationSeconds();
    }

    public long errors() {
        return totals.errors();
    }
}
