package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalRecorderTest {

    @Test
    void intervalsPartitionEveryRecordedValueWhileTheWriterRuns() throws Exception {
        IntervalRecorder recorder = new IntervalRecorder(1_000_000);
        int batches = 20_000;
        int perBatch = 50;
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int b = 0; b < batches; b++) {
                recorder.beginBatch();
                for (int v = 1; v <= perBatch; v++) {
                    recorder.record(v);
                }
                recorder.endBatch();
            }
            done.set(true);
        });
        Histogram total = new Histogram(1, 1_000_000, 3);
        Histogram recycle = null;
        int intervals = 0;
        while (!done.get()) {
            recycle = recorder.getIntervalHistogram(recycle);
            total.add(recycle);
            intervals++;
        }
        writer.join();
        total.add(recorder.getIntervalHistogram(recycle));
        assertThat(intervals).isPositive();
        assertThat(total.getTotalCount()).isEqualTo((long) batches * perBatch);
        assertThat(total.getCountAtValue(1)).isEqualTo(batches);
        assertThat(total.getMaxValue()).isEqualTo(perBatch);
    }

    /** Runs of equal values are recorded with their count: none lost at a change, a batch's end or an interval. */
    @Test
    void runsOfEqualValuesAreCountedInFullAcrossBatchesAndIntervals() {
        IntervalRecorder recorder = new IntervalRecorder(1_000_000);
        recorder.beginBatch();
        for (long v : new long[] {7, 7, 7, 9, 9, 7, 0, -3, 1}) { // 0 and -3 count as 1, a run with the 1
            recorder.record(v);
        }
        recorder.endBatch();
        recorder.beginBatch();
        recorder.record(1); // the same value as the last batch's last run: still a new run in this batch
        recorder.endBatch();
        Histogram first = recorder.getIntervalHistogram(null);
        assertThat(first.getTotalCount()).isEqualTo(10);
        assertThat(first.getCountAtValue(7)).isEqualTo(4);
        assertThat(first.getCountAtValue(9)).isEqualTo(2);
        assertThat(first.getCountAtValue(1)).isEqualTo(4);
        recorder.beginBatch();
        recorder.record(1);
        recorder.record(1);
        recorder.endBatch();
        Histogram second = recorder.getIntervalHistogram(null);
        assertThat(second.getTotalCount()).as("the next interval has only its own").isEqualTo(2);
        assertThat(second.getCountAtValue(1)).isEqualTo(2);
    }

    @Test
    void valuesAreClampedToTheTrackableRange() {
        IntervalRecorder recorder = new IntervalRecorder(1000);
        recorder.beginBatch();
        recorder.record(0);
        recorder.record(-5);
        recorder.record(1_000_000);
        recorder.endBatch();
        Histogram h = recorder.getIntervalHistogram(null);
        assertThat(h.getTotalCount()).isEqualTo(3);
        assertThat(h.getMinValue()).isEqualTo(1);
        assertThat(h.highestEquivalentValue(h.getMaxValue())).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void eachIntervalIsStampedWithItsStartAndEndAndTheNextStartsWhereItEnded() throws Exception {
        long before = System.currentTimeMillis();
        IntervalRecorder recorder = new IntervalRecorder(1000);
        Thread.sleep(20);
        Histogram first = recorder.getIntervalHistogram(null);
        long firstStart = first.getStartTimeStamp();
        long firstEnd = first.getEndTimeStamp();
        Thread.sleep(20);
        Histogram second = recorder.getIntervalHistogram(null);
        assertThat(firstStart).isBetween(before, firstEnd - 15);
        assertThat(second.getStartTimeStamp()).as("no gap, no overlap").isEqualTo(firstEnd);
        assertThat(second.getEndTimeStamp()).isGreaterThanOrEqualTo(firstEnd + 15);
        Histogram third = recorder.getIntervalHistogram(first); // recycled: its old stamps must not survive
        assertThat(third.getStartTimeStamp()).isEqualTo(second.getEndTimeStamp());
    }
}
