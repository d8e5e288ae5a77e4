package dev.ringload.engine.load;

/**
 * One measured ramp step.
 *
 * @param requested    connections the step asked for
 * @param established  connections open at the end of the step
 * @param durationNs   measured length
 * @param latency      latency of the step's responses
 * @param errors       errors of every kind during the step
 * @param client       how busy the client was during the step
 */
public record StepResult(int requested, int established, long durationNs, Latency latency, long errors,
                         ClientLoad client) {

    public long responses() {
        return latency.count();
    }

    public double requestsPerSecond() {
        return durationNs == 0 ? 0 : responses() / (durationNs / 1e9);
    }

    public double p50Ns() {
        return latency.valueAtPercentileNs(50);
    }

    public double p99Ns() {
        return latency.valueAtPercentileNs(99);
    }
}
