package dev.ringload.engine.search;

import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.RunResult;

/**
 * A run's figures as an {@link Slo} reads them: its latency (the corrected one in an open loop), its errors as a
 * share of every request that ended (answered or failed), its responses per second. Without responses every
 * latency is NaN, which meets no SLO.
 */
public record RunMeasured(Latency latency, long responses, long errors, double responsesPerSecond) implements Measured {

    public static RunMeasured of(RunResult run) {
        return new RunMeasured(run.latency(), run.responses(), run.errors(), run.requestsPerSecond());
    }

    @Override
    public double valueAtPercentileNs(double percentile) {
        return latency.count() == 0 ? Double.NaN : latency.valueAtPercentileNs(percentile);
    }

    @Override
    public double maxNs() {
        return latency.count() == 0 ? Double.NaN : latency.maxNs();
    }

    @Override
    public double meanNs() {
        return latency.count() == 0 ? Double.NaN : latency.meanNs();
    }

    @Override
    public double errorShare() {
        long ended = responses + errors;
        return ended == 0 ? Double.NaN : (double) errors / ended;
    }
}
