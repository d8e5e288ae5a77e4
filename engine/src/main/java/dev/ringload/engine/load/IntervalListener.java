package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

/**
 * Told about every second of a run as it ends, on the coordinating thread (never a worker's): the live progress
 * line and the interval log listen. The histograms are the second's own, valid only during the call (they are
 * recycled); their start and end time stamps are set.
 */
public interface IntervalListener {

    IntervalListener NONE = (sample, latency, service) -> { };

    /**
     * @param latency the second's latencies (open loop: corrected); the warmup's under {@code sample.warmup()}
     * @param service open loop, measured phase: the second's service latencies; else null
     */
    void onSecond(SecondSample sample, Histogram latency, Histogram service);
}
