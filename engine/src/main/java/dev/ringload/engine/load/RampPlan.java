package dev.ringload.engine.load;

import java.util.Arrays;

/**
 * A connection ramp: keep {@code steps[k]} connections open during step k, each step {@code stepNs} long and
 * measured only once its connections are established. New connections open {@code ratePerSecond} per second
 * (0: as many per second as the step adds, so they open within the step's first second).
 */
public record RampPlan(int[] steps, long stepNs, double ratePerSecond) {

    public RampPlan {
        if (steps.length == 0) throw new IllegalArgumentException("a ramp needs at least one step");
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 1) throw new IllegalArgumentException("ramp steps must be >= 1, got " + steps[i]);
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("ramp steps must increase: " + Arrays.toString(steps));
            }
        }
        if (stepNs <= 0) throw new IllegalArgumentException("the step length must be positive");
        if (ratePerSecond < 0) throw new IllegalArgumentException("the ramp rate must not be negative");
        steps = steps.clone();
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    public int maxConnections() {
        return steps[steps.length - 1];
    }

    /** Connections per second for step {@code k}: explicit, or the step's new connections within one second. */
    public double rateFor(int k) {
        if (ratePerSecond > 0) return ratePerSecond;
        return Math.max(1, steps[k] - (k == 0 ? 0 : steps[k - 1]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RampPlan p && Arrays.equals(steps, p.steps) && stepNs == p.stepNs
                && ratePerSecond == p.ratePerSecond;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps) * 31 + Long.hashCode(stepNs);
    }

    @Override
    public String toString() {
        return "RampPlan" + Arrays.toString(steps) + " step " + stepNs + "ns rate " + ratePerSecond;
    }
}
