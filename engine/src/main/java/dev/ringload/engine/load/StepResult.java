package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

/**
 * One measured ramp step.
 *
 * @param requested    connections the step asked for
 * @param established  connections open at the end of the step
 * @param durationNs   measured length
 * @param latencyNs    latency of the step's responses
 * @param errors       errors of every kind during the step
 * @param client       how busy the client was during the step
 */
public record StepResult(int requested, int established, long durationNs, Histogram latencyNs, long errors,
                         ClientLoad client) {

    public long responses() {
        return latencyNs.getTotalCount();
    }

    public double requestsPerSecond() {
        return durationNs == 0 ? 0 : responses() / (durationNs / 1e9);
    }

    public double p50Ns() {
        return latencyNs.getValueAtPercentile(50);
    }

    public double p99Ns() {
        return latencyNs.getValueAtPercentile(99);
    }
}
