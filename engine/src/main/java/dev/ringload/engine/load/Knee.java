package dev.ringload.engine.load;

import java.util.List;

/**
 * Where a ramp stops scaling: the first step after which req/s grows by less than {@value #MIN_GAIN_PERCENT}%
 * while the median latency keeps growing. If the client was the bound at that point, the knee is ringload's,
 * not the server's, and {@link #clientBound} says so.
 *
 * @param stepIndex         the last step that still scaled, or -1 when every step scaled
 * @param connections       connections of that step (of the last step when every step scaled)
 * @param requestsPerSecond req/s of that step
 * @param clientBound       the client was the bound at the knee
 * @param busyPercent       the client's busy share there (the larger of the two steps around the knee)
 */
public record Knee(int stepIndex, int connections, double requestsPerSecond, boolean clientBound,
                   double busyPercent) {

    /** Gain in req/s below which a step counts as not scaling. */
    public static final double MIN_GAIN_PERCENT = 5.0;

    public boolean stillScaling() {
        return stepIndex < 0;
    }

    public static Knee of(List<StepResult> steps) {
        for (int k = 1; k < steps.size(); k++) {
            StepResult before = steps.get(k - 1);
            StepResult now = steps.get(k);
            double gainPercent = before.requestsPerSecond() == 0 ? Double.POSITIVE_INFINITY
                    : 100.0 * (now.requestsPerSecond() / before.requestsPerSecond() - 1);
            if (gainPercent < MIN_GAIN_PERCENT && now.p50Ns() > before.p50Ns()) {
                boolean clientBound = before.client().clientBound() || now.client().clientBound();
                return new Knee(k - 1, before.requested(), before.requestsPerSecond(), clientBound,
                        Math.max(before.client().busyPercent(), now.client().busyPercent()));
            }
        }
        StepResult last = steps.getLast();
        return new Knee(-1, last.requested(), last.requestsPerSecond(), last.client().clientBound(),
                last.client().busyPercent());
    }
}
