package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

/**
 * Coarse latency histograms for the hot path, one per series (a request of a mix), all in one flat array:
 * log-linear buckets, 32 per power of two (each at most 1/32, about 3%, wide), so recording is a shift, a
 * multiply-add and an increment, with no per-series object to load first. A mix records every response twice,
 * into the run's HdrHistogram and into its request's series here; at millions of responses per second a second
 * HdrHistogram per request (minimum, maximum and total tracking, a wide counts array) costs a tenth of the client's
 * time, these buckets a fraction of that. {@link #addTo} turns a series into an HdrHistogram for reports, each
 * value at its bucket's top (as HdrHistogram reports a value at the top of its own bucket).
 */
final class LatencyBuckets {

    /** Below 64 every value has its own bucket; above, {@code SUB_BUCKETS} per power of two. */
    private static final int SUB_BUCKET_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int LINEAR = 2 * SUB_BUCKETS;

    private final long highest;
    /** Series per bucket: the counts are bucket-major, {@code counts[bucket * series + s]}. */
    private final int series;
    /** Buckets per series. */
    private final int stride;
    private final long[] counts;
    /**
     * The last value recorded and where its bucket's row starts: a run of responses with the same latency (one
     * pipelined send, one loop iteration) finds its bucket once, and its series' counts sit side by side in one
     * row, whatever request of the mix each response answered.
     */
    private long lastValue = Long.MIN_VALUE;
    private int lastRow;

    /** {@code series} histograms for values from 0 to {@code highest}; larger ones are counted as {@code highest}. */
    LatencyBuckets(int series, long highest) {
        this.highest = highest;
        this.series = series;
        this.stride = index(highest) + 1;
        this.counts = new long[Math.multiplyExact(series, stride)];
        this.lastRow = index(1) * series; // Long.MIN_VALUE counts as 1
    }

    /** The memory {@code series} histograms up to {@code highest} take, in bytes. */
    static long bytes(int series, long highest) {
        return (long) series * (index(highest) + 1) * Long.BYTES;
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

    /** Counts {@code value} in {@code series}; below 1 as 1, above the highest as the highest. */
    void record(int series, long value) {
        if (value != lastValue) {
            lastValue = value;
            lastRow = rowOf(value);
        }
        counts[lastRow + series]++;
    }

    /** Where {@code value}'s bucket starts in {@link #counts}: below 1 as 1, above the highest as the highest. */
    private int rowOf(long value) {
        return index(Math.min(Math.max(value, 1), highest)) * series;
    }

    /**
     * Counts {@code nowNs - times[i]} in series {@code series[i]} for every i from {@code from} to {@code to}: the
     * responses of one receive, with runs of equal latency (one pipelined send) finding their bucket once.
     */
    void record(int[] series, long[] times, int from, int to, long nowNs) {
        long last = lastValue;
        int row = lastRow;
        long[] c = counts;
        for (int i = from; i < to; i++) {
            long value = nowNs - times[i];
            if (value != last) {
                last = value;
                row = rowOf(value);
            }
            c[row + series[i]]++;
        }
        lastValue = last;
        lastRow = row;
    }

    long count(int series) {
        long n = 0;
        for (int i = series; i < counts.length; i += this.series) {
            n += counts[i];
        }
        return n;
    }

    /** Adds every count of {@code series} to {@code histogram} at its bucket's highest value (clamped to its range). */
    void addTo(int series, Histogram histogram) {
        long top = histogram.getHighestTrackableValue();
        for (int i = 0; i < stride; i++) {
            long n = counts[i * this.series + series];
            if (n > 0) {
                histogram.recordValueWithCount(Math.max(1, Math.min(highestIn(i), top)), n);
            }
        }
    }
}
