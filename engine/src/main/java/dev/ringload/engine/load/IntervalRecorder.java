package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * HdrHistogram's interval-recorder scheme with the writer's critical section around a whole batch instead of
 * each value: {@code SingleWriterRecorder.recordValue} pays two ordered atomic operations per value, which at
 * millions of responses per second per core is measurable; here a worker pays them once per loop iteration and
 * records every response of the iteration into a plain {@link Histogram}. The reader swaps histograms with the
 * same {@link WriterReaderPhaser} protocol {@code Recorder} uses, so no value is lost or counted twice.
 */
public final class IntervalRecorder {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final long highestTrackableValue;
    private volatile Histogram active;
    private Histogram inactive;
    private Histogram batch;
    private long batchEpoch;

    public IntervalRecorder(long highestTrackableValue) {
        this.highestTrackableValue = highestTrackableValue;
        this.active = newHistogram();
        this.inactive = newHistogram();
        this.active.setStartTimeStamp(System.currentTimeMillis());
    }

    private Histogram newHistogram() {
        return new Histogram(1, highestTrackableValue, 3);
    }

    /** Writer: opens a batch; values recorded until {@link #endBatch()} land in one interval. */
    public void beginBatch() {
        batchEpoch = phaser.writerCriticalSectionEnter();
        batch = active;
    }

    /** Writer: records one value, clamped to the trackable range. Only between begin and end of a batch. */
    public void record(long value) {
        batch.recordValue(Math.min(Math.max(value, 1), highestTrackableValue));
    }

    public void endBatch() {
        batch = null;
        phaser.writerCriticalSectionExit(batchEpoch);
    }

    /**
     * Reader: everything recorded since the last call, its start and end time stamps (epoch milliseconds, as
     * HdrHistogram's {@code Recorder} sets them) marking the interval. {@code recycle} (a histogram this method
     * returned before, or null) is reused as the next active histogram.
     */
    public synchronized Histogram getIntervalHistogram(Histogram recycle) {
        Histogram next = recycle != null ? recycle : inactive != null ? inactive : newHistogram();
        inactive = null;
        next.reset();
        phaser.readerLock();
        try {
            Histogram interval = active;
            long nowMs = System.currentTimeMillis();
            next.setStartTimeStamp(nowMs);
            active = next;
            // Waits until every batch that may still write into the old histogram has ended.
            phaser.flipPhase();
            interval.setEndTimeStamp(nowMs);
            return interval;
        } finally {
            phaser.readerUnlock();
        }
    }
}
