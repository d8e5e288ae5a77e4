package dev.ringload.engine.search;

import dev.ringload.engine.load.RunResult;

import java.util.Objects;

/**
 * One fixed-rate step as measured. It holds no verdict: whether it was good depends on the SLOs, which the search
 * applies ({@link JudgedStep}).
 *
 * @param targetRate        requests per second the step asked for
 * @param achievedRate      responses per second it got
 * @param measured          the step's latency, error and throughput figures
 * @param responses         responses received
 * @param errors            errors of every kind
 * @param clientBusyPercent mean busy share of the engine threads
 * @param clientBound       the client, not the server, was the bound during the step
 * @param interrupted       the step was cut short (the run was stopped): its figures are not a fair sample
 */
public record RateStep(double targetRate, double achievedRate, Measured measured, long responses, long errors,
                       double clientBusyPercent, boolean clientBound, boolean interrupted) {

    public RateStep {
        if (!(targetRate > 0)) {
            throw new IllegalArgumentException("the target rate must be positive, got " + targetRate);
        }
        Objects.requireNonNull(measured, "measured");
    }

    /** A step measured by a fixed-rate open-loop {@code run}. */
    public static RateStep of(double targetRate, RunResult run) {
        return new RateStep(targetRate, run.requestsPerSecond(), RunMeasured.of(run), run.responses(), run.errors(),
                run.client().busyPercent(), run.client().clientBound(), run.partial());
    }

    /** Achieved rate as a share of the target (1.0: kept up exactly). */
    public double achievedShare() {
        return achievedRate / targetRate;
    }
}
