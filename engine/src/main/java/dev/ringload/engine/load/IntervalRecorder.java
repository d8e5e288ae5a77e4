package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * HdrHistogram's interval-recorder scheme with the writer's critical section around a whole batch instead of
 * each value: {@code SingleWriterRecorder.recordValue} pays two ordered atomic operations per value, which at
 * millions of responses per second per core is measurable; here a worker pays them once per loop iteration and
 * records every response of the iteration into a plain {@link Histogram}. The reader swaps histograms with the
 * same {@link WriterReaderPhaser} protocol {@code Recorder} uses, so no value is lost or counted twice.
 *
 * <p>Within a batch, a run of equal values is recorded once with its count: the responses of one pipelined send
 * that complete in the same loop iteration all have the same latency (one send stamp, one iteration clock), and one
 * {@code recordValueWithCount} costs what one {@code recordValue} does.
 */
public final class IntervalRecorder {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final long highestTrackableValue;
    private volatile Histogram active;
    private Histogram inactive;
    private Histogram batch;
    private long batchEpoch;
    /** The run of equal values not yet in {@link #batch}: its value and how many (0: none). */
    private long runValue;
    private long runCount;

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
        long clamped = Math.min(Math.max(value, 1), highestTrackableValue);
        if (clamped == runValue) {
            runCount++;
            return;
        }
        flushRun();
        runValue = clamped;
        runCount = 1;
    }

    private void flushRun() {
        if (runCount > 0) {
            batch.recordValueWithCount(runValue, runCount);
            runCount = 0;
        }
    }

    public void endBatch() {
        flushRun();
        runValue = 0; // a value is at least 1: the next batch starts a new run
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
