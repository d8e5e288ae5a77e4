package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The coarse per-request buckets: every value in a bucket that holds it, counts exact, percentiles within 1/32. */
class LatencyBucketsTest {

    @Test
    void everyValueFallsInABucketWhoseRangeHoldsIt() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong(Long.MAX_VALUE >>> 1) >>> random.nextInt(62);
            int index = LatencyBuckets.index(v);
            assertThat(LatencyBuckets.highestIn(index)).as("top of %d's bucket", v).isGreaterThanOrEqualTo(v);
            long bottom = index == 0 ? 0 : LatencyBuckets.highestIn(index - 1) + 1;
            assertThat(bottom).as("bottom of %d's bucket", v).isLessThanOrEqualTo(v);
            assertThat(LatencyBuckets.highestIn(index) - bottom).as("width of %d's bucket", v)
                    .isLessThanOrEqualTo(Math.max(0, v / 32));
        }
        for (long v = 0; v < 5000; v++) {
            assertThat(LatencyBuckets.index(v + 1)).as("buckets in order at %d", v)
                    .isBetween(LatencyBuckets.index(v), LatencyBuckets.index(v) + 1);
        }
    }

    /** Series sharing a value (one receive's responses to a mix) each keep their own counts, whatever the order. */
    @Test
    void seriesRecordingTheSameValuesInTurnKeepTheirOwnCounts() {
        long highest = 1_000_000_000L;
        LatencyBuckets buckets = new LatencyBuckets(3, highest);
        buckets.record(2, Long.MIN_VALUE); // below 1: counts as 1, also as the first value seen
        for (int i = 0; i < 10; i++) {
            buckets.record(i % 2, 5_000); // 0, 1, 0, 1, ...
        }
        buckets.record(1, 70_000);
        buckets.record(0, 5_000);
        buckets.record(2, 2 * highest); // above the highest: counts as the highest
        assertThat(buckets.count(0)).isEqualTo(6);
        assertThat(buckets.count(1)).isEqualTo(6);
        assertThat(buckets.count(2)).isEqualTo(2);
        Histogram zero = new Histogram(1, highest, 2);
        buckets.addTo(0, zero);
        assertThat(zero.getCountAtValue(zero.getMaxValue())).as("one bucket").isEqualTo(6);
        assertThat((double) zero.getMaxValue()).isCloseTo(5_000, within(5_000 / 32.0));
        Histogram one = new Histogram(1, highest, 2);
        buckets.addTo(1, one);
        assertThat(one.getCountAtValue(one.getMaxValue())).isEqualTo(1);
        assertThat((double) one.getMaxValue()).isCloseTo(70_000, within(70_000 / 32.0));
        Histogram two = new Histogram(1, highest, 2);
        buckets.addTo(2, two);
        assertThat(two.getMinValue()).isEqualTo(1);
        assertThat(two.highestEquivalentValue(two.getMaxValue())).isGreaterThanOrEqualTo(highest - highest / 32);
    }

    /**
     * A receive's responses recorded from their slots in one call count as they would one at a time: runs of one
     * send time, runs broken by another, values below 1 and above the highest, and a bucket shared with the value
     * recorded before the call.
     */
    @Test
    void aRangeOfSlotsCountsAsItsValuesOneAtATime() {
        long highest = 1_000_000L;
        long now = 2_000_000L;
        SplittableRandom random = new SplittableRandom(15);
        int n = 5_000;
        int[] series = new int[n];
        long[] times = new long[n];
        long time = now - 100;
        for (int i = 0; i < n; i++) {
            series[i] = random.nextInt(4);
            if (random.nextInt(8) == 0) { // a new send: another latency, sometimes out of range
                time = switch (random.nextInt(4)) {
                    case 0 -> now + 5; // a latency below 1
                    case 1 -> now - 3 * highest; // above the highest
                    default -> now - random.nextLong(highest);
                };
            }
            times[i] = time;
        }
        LatencyBuckets bulk = new LatencyBuckets(4, highest);
        LatencyBuckets single = new LatencyBuckets(4, highest);
        bulk.record(3, now - times[0]);
        single.record(3, now - times[0]);
        bulk.record(series, times, 0, 1_000, now);
        bulk.record(series, times, 1_000, 1_000, now); // empty
        bulk.record(series, times, 1_000, n, now);
        for (int i = 0; i < n; i++) {
            single.record(series[i], now - times[i]);
        }
        for (int s = 0; s < 4; s++) {
            Histogram a = new Histogram(1, highest, 2);
            Histogram b = new Histogram(1, highest, 2);
            bulk.addTo(s, a);
            single.addTo(s, b);
            assertThat(a).as("series %d", s).isEqualTo(b);
            assertThat(bulk.count(s)).isEqualTo(single.count(s)).isPositive();
        }
    }

    @Test
    void percentilesMatchAnExactHistogramWithinABucket() {
        long highest = 60_000_000_000L;
        LatencyBuckets buckets = new LatencyBuckets(3, highest); // series 1 of 3: neighbours must stay empty
        Histogram exact = new Histogram(1, highest, 3);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            long v = 20_000 + (long) (-Math.log(1 - random.nextDouble()) * 300_000); // a latency-like long tail
            buckets.record(1, v);
            exact.recordValue(v);
        }
        buckets.record(1, highest);
        exact.recordValue(highest);
        Histogram coarse = new Histogram(1, highest, 2);
        buckets.addTo(1, coarse);
        assertThat(buckets.count(1)).isEqualTo(100_001);
        assertThat(buckets.count(0) + buckets.count(2)).isZero();
        assertThat(coarse.getTotalCount()).isEqualTo(100_001);
        for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 100}) {
            double want = exact.getValueAtPercentile(p);
            assertThat((double) coarse.getValueAtPercentile(p)).as("p%s", p).isCloseTo(want, within(want * 0.045));
        }
    }
}
