package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

/**
 * The percentiles a report plots per second, in nanoseconds; NaN when nothing was recorded (a second with no
 * responses has no latency, not a latency of 0).
 */
public record Percentiles(double p50, double p90, double p99, double p999, double max, long count) {

    public static final Percentiles NONE = new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    public static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), h.getTotalCount());
    }
}
