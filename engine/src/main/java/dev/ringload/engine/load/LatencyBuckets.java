package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

/**
 * A coarse latency histogram for the hot path: log-linear buckets, 32 per power of two (each at most 1/32, about
 * 3%, wide), a shift and an increment per value. A mix records every response twice, into the run's HdrHistogram
 * and into its request's own; at millions of responses per second a second HdrHistogram (minimum, maximum and
 * total tracking, a wide counts array per request) costs a tenth of the client's time, these buckets a fraction
 * of that. {@link #addTo} turns them into an HdrHistogram for reports, each value at its bucket's top (as
 * HdrHistogram reports a value at the top of its own bucket).
 */
final class LatencyBuckets {

    /** Below 64 every value has its own bucket; above, {@code SUB_BUCKETS} per power of two. */
    private static final int SUB_BUCKET_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int LINEAR = 2 * SUB_BUCKETS;

    private final long[] counts;

    /** For values from 0 to {@code highest}; larger ones are counted as {@code highest}. */
    LatencyBuckets(long highest) {
        this.counts = new long[index(highest) + 1];
    }

    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS; // at least 1
        return (shift << SUB_BUCKET_BITS) + (int) (value >>> shift);
    }

    /** The largest value that falls in bucket {@code index}. */
    static long highestIn(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index >>> SUB_BUCKET_BITS) - 1;
        long lowest = (long) (index - (shift << SUB_BUCKET_BITS)) << shift;
        return lowest + (1L << shift) - 1;
    }

    /** {@code value} at least 0 and at most the highest this was made for. */
    void record(long value) {
        counts[index(value)]++;
    }

    long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Adds every count to {@code histogram} at its bucket's highest value (clamped to the histogram's range). */
    void addTo(Histogram histogram) {
        long top = histogram.getHighestTrackableValue();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                histogram.recordValueWithCount(Math.max(1, Math.min(highestIn(i), top)), counts[i]);
            }
        }
    }
}
