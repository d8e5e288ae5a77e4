package dev.ringload.cli;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A latency distribution as HdrHistogram plots it: latency against the percentile on a "nines" axis, where
 * {@code nines = 1/(1-p)} puts 90%, 99%, 99.9%... one decade apart so the tail gets as much room as the median.
 * Computed from the report's encoded histogram rather than its handful of percentile fields, so the curve has
 * every step the histogram resolved.
 */
final class LatencySpectrum {

    /** HdrHistogram's default: five reporting steps per halving of the distance to 100%. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final double[] nines;
    private final double[] micros;

    private LatencySpectrum(double[] nines, double[] micros) {
        this.nines = nines;
        this.micros = micros;
    }

    /**
     * The spectrum of a report's {@code histogram} field (base64 of HdrHistogram's compressed encoding, values in
     * nanoseconds).
     *
     * @throws IllegalArgumentException when the text is not such an encoding
     */
    static LatencySpectrum decode(String base64Nanos) {
        Histogram h;
        try {
            h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64Nanos)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
        }
        return of(h);
    }

    /** The spectrum of a histogram of nanoseconds; no points when it is empty. */
    static LatencySpectrum of(Histogram nanos) {
        long count = nanos.getTotalCount();
        if (count == 0) {
            return new LatencySpectrum(new double[0], new double[0]);
        }
        double[] x = new double[64];
        double[] y = new double[64];
        int n = 0;
        for (HistogramIterationValue v : nanos.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo() / 100;
            // With `count` samples nothing resolves beyond the 1-1/count percentile, and 100% sits at infinity:
            // both end at nines = count, where the largest value seen there stands for the whole tail.
            double at = p >= 1 ? count : Math.min(1 / (1 - p), count);
            double us = v.getValueIteratedTo() / 1e3;
            if (n > 0 && at <= x[n - 1]) {
                y[n - 1] = Math.max(y[n - 1], us);
                continue;
            }
            if (n == x.length) {
                x = Arrays.copyOf(x, n * 2);
                y = Arrays.copyOf(y, n * 2);
            }
            x[n] = at;
            y[n] = n > 0 ? Math.max(us, y[n - 1]) : us;
            n++;
        }
        return new LatencySpectrum(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    /** Each point's {@code 1/(1-p)}: 1 at 0%, 10 at 90%, 100 at 99%; strictly increasing. */
    double[] nines() {
        return nines.clone();
    }

    /** Each point's latency in microseconds, never decreasing. */
    double[] micros() {
        return micros.clone();
    }

    int points() {
        return nines.length;
    }

    /** The percentile a {@link #nines()} value stands for: 99.9 at 1000. */
    static double percentile(double nines) {
        return 100 * (1 - 1 / nines);
    }
}
