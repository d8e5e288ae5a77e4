package dev.ringload.cli;

import java.util.Arrays;

/** Statistics over per-second samples (req/s, bytes/s), as autocannon reports them. Percentiles by nearest rank. */
record IntervalStats(double mean, double stdev, long min, long max, long p2_5, long p50, long p97_5, int samples) {

    static IntervalStats of(long[] values) {
        if (values.length == 0) {
            return new IntervalStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) sum += v;
        double mean = sum / sorted.length;
        double squares = 0;
        for (long v : sorted) squares += (v - mean) * (v - mean);
        return new IntervalStats(mean, Math.sqrt(squares / sorted.length), sorted[0], sorted[sorted.length - 1],
                rank(sorted, 2.5), rank(sorted, 50), rank(sorted, 97.5), sorted.length);
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
