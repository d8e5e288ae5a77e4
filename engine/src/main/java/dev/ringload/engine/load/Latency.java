package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A latency distribution in nanoseconds, immutable: a private copy of an HdrHistogram that renderers can query and
 * encode but not change.
 */
public final class Latency {

    private final Histogram histogram;

    private Latency(Histogram histogram) {
        this.histogram = histogram;
    }

    /** A snapshot of {@code histogram} (copied: later changes to it do not show here). */
    public static Latency of(Histogram histogram) {
        return new Latency(histogram.copy());
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double valueAtPercentileNs(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    public double meanNs() {
        return histogram.getMean();
    }

    public double stdDeviationNs() {
        return histogram.getStdDeviation();
    }

    public long minNs() {
        return histogram.getMinValue();
    }

    public long maxNs() {
        return histogram.getMaxValue();
    }

    /**
     * HdrHistogram's compressed, base64 form, as in its {@code .hlog} interval logs: decode with
     * {@code Histogram.decodeFromCompressedByteBuffer} after base64-decoding.
     */
    public String encodedBase64() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }
}
