package dev.ringload.cli;

import dev.ringload.engine.load.IntervalListener;
import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.SecondSample;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each measured second's latency histograms, encoded, for a shard's JSON report: percentiles of seconds
 * cannot be added across shards, histograms can, so {@code merge} gets every second's percentiles exact.
 */
final class SecondHistograms implements IntervalListener {

    private final List<String> latency = new ArrayList<>();
    private final List<String> service = new ArrayList<>();

    @Override
    public void onSecond(SecondSample sample, Histogram latencyOfSecond, Histogram serviceOfSecond) {
        if (sample.warmup()) {
            return;
        }
        latency.add(Latency.of(latencyOfSecond).encodedBase64());
        if (serviceOfSecond != null) {
            service.add(Latency.of(serviceOfSecond).encodedBase64());
        }
    }

    /** The first {@code seconds} seconds' latency histograms (the run's last, partial second is not a sample). */
    List<String> latency(int seconds) {
        return latency.subList(0, Math.min(seconds, latency.size()));
    }

    List<String> service(int seconds) {
        return service.subList(0, Math.min(seconds, service.size()));
    }
}
