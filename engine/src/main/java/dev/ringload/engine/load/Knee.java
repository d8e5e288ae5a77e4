package dev.ringload.engine.load;

import java.util.List;
import java.util.Locale;

/**
 * Where a ramp stops scaling: the first step after which req/s grows by less than {@value #MIN_GAIN_PERCENT}%
 * while the median latency keeps growing. If the client was the bound at that point, the knee is ringload's,
 * and the message says so instead of blaming the server.
 *
 * @param stepIndex the last step that still scaled, or -1 when every step scaled
 * @param message   the one-line conclusion
 */
public record Knee(int stepIndex, String message) {

    /** Gain in req/s below which a step counts as not scaling. */
    public static final double MIN_GAIN_PERCENT = 5.0;

    public static Knee of(List<StepResult> steps) {
        for (int k = 1; k < steps.size(); k++) {
            StepResult before = steps.get(k - 1);
            StepResult now = steps.get(k);
            double gainPercent = before.requestsPerSecond() == 0 ? Double.POSITIVE_INFINITY
                    : 100.0 * (now.requestsPerSecond() / before.requestsPerSecond() - 1);
            if (gainPercent < MIN_GAIN_PERCENT && now.p50Ns() > before.p50Ns()) {
                String at = String.format(Locale.ROOT, "~%d connections (%,.0f req/s)", before.requested(),
                        before.requestsPerSecond());
                if (before.client().clientBound() || now.client().clientBound()) {
                    double busy = Math.max(before.client().busyPercent(), now.client().busyPercent());
                    return new Knee(k - 1, String.format(Locale.ROOT, "throughput stops scaling at %s, but the client "
                            + "was the bound there (%.0f%% busy): that is ringload's limit, not the server's; "
                            + "add threads/cores (--threads/--cpus) or hosts", at, busy));
                }
                return new Knee(k - 1, "throughput stops scaling at " + at);
            }
        }
        StepResult last = steps.getLast();
        return new Knee(-1, String.format(Locale.ROOT, "throughput still scaling at the last step (%d connections, "
                + "%,.0f req/s)", last.requested(), last.requestsPerSecond()));
    }
}
