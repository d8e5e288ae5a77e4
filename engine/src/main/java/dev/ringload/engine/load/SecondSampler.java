package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Closes each second of a phase (the warmup, then the measured phase) on the coordinating thread: takes every
 * worker's interval histograms, adds the measured ones to the run's totals, reads the counters' deltas, tells the
 * {@link IntervalListener} and returns the {@link SecondSample}.
 */
final class SecondSampler {

    private final List<LoadWorker> workers;
    private final LoadConfig config;
    private final IntervalListener listener;
    private final Supplier<Counts> live;
    private final long highestNs;
    private final Histogram[] recycledWarmup;
    private final Histogram[] recycledLatency;
    private final Histogram[] recycledService;
    private final Histogram latency;
    private final Histogram service;
    private boolean warmup;
    private long phaseStartNs;
    private long lastNs;
    private long lastMs;
    private long lastBytes;
    private long lastErrors;

    SecondSampler(List<LoadWorker> workers, LoadConfig config, IntervalListener listener, Supplier<Counts> live) {
        this.workers = workers;
        this.config = config;
        this.listener = listener;
        this.live = live;
        this.highestNs = config.highestLatencyNs();
        this.recycledWarmup = new Histogram[workers.size()];
        this.recycledLatency = new Histogram[workers.size()];
        this.recycledService = new Histogram[workers.size()];
        this.latency = newHistogram();
        this.service = newHistogram();
    }

    /** A phase begins now: seconds count from here. */
    void begin(boolean warmupPhase, long nowNs) {
        warmup = warmupPhase;
        phaseStartNs = nowNs;
        lastNs = nowNs;
        lastMs = System.currentTimeMillis();
        Counts counts = live.get();
        lastBytes = counts.get(Counter.BYTES_READ);
        lastErrors = counts.errors();
    }

    /**
     * Closes the interval since the last one at {@code nowNs}; measured latencies are added to {@code latencyTotal}
     * and, in an open loop, {@code serviceTotal}.
     */
    SecondSample take(long nowNs, Histogram latencyTotal, Histogram serviceTotal) {
        long nowMs = System.currentTimeMillis();
        latency.reset();
        service.reset();
        collect(warmup ? LoadWorker::warmupRecorder : LoadWorker::recorder, warmup ? recycledWarmup : recycledLatency,
                latency);
        boolean withService = config.openLoop() && !warmup;
        if (withService) {
            collect(LoadWorker::serviceRecorder, recycledService, service);
            serviceTotal.add(service);
        }
        if (!warmup) {
            latencyTotal.add(latency);
        }
        Counts counts = live.get();
        long bytes = counts.get(Counter.BYTES_READ);
        long errors = counts.errors();
        SecondSample sample = new SecondSample(warmup, lastMs, nowMs, (nowNs - phaseStartNs) / 1e9,
                latency.getTotalCount(), bytes - lastBytes, errors - lastErrors, counts.get(Counter.OPEN_CONNECTIONS),
                targetPerSecond((lastNs + nowNs) / 2), Percentiles.of(latency),
                withService ? Percentiles.of(service) : null);
        latency.setStartTimeStamp(lastMs);
        latency.setEndTimeStamp(nowMs);
        service.setStartTimeStamp(lastMs);
        service.setEndTimeStamp(nowMs);
        listener.onSecond(sample, latency, withService ? service : null);
        lastNs = nowNs;
        lastMs = nowMs;
        lastBytes = bytes;
        lastErrors = errors;
        return sample;
    }

    /** The open-loop rate in force at {@code ns} (the warmup runs at the first value); 0 in a closed loop. */
    private double targetPerSecond(long ns) {
        OpenLoopRate rate = config.rate();
        if (rate == null) {
            return 0;
        }
        if (warmup || !rate.ramps()) {
            return rate.fromPerSecond();
        }
        double into = Math.clamp((double) (ns - phaseStartNs) / config.durationNs(), 0.0, 1.0);
        return rate.fromPerSecond() + (rate.toPerSecond() - rate.fromPerSecond()) * into;
    }

    private void collect(Function<LoadWorker, IntervalRecorder> which, Histogram[] recycled, Histogram into) {
        for (int i = 0; i < workers.size(); i++) {
            // A recorder only takes back histograms it handed out itself.
            recycled[i] = which.apply(workers.get(i)).getIntervalHistogram(recycled[i]);
            into.add(recycled[i]);
        }
    }

    private Histogram newHistogram() {
        return new Histogram(1, highestNs, 3);
    }
}
