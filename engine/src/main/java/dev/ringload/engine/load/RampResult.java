package dev.ringload.engine.load;

import java.util.List;

/**
 * A ramp's overall result, its steps and where it stopped scaling.
 *
 * @param run    totals and latency over every measured step
 * @param steps  each step
 * @param knee   where throughput stopped scaling (null when no step was measured)
 * @param wallNs the whole ramp's length, connection opening included
 */
public record RampResult(RunResult run, List<StepResult> steps, Knee knee, long wallNs) {

    public RampResult {
        steps = List.copyOf(steps);
    }
}
