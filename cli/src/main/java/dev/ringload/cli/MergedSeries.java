package dev.ringload.cli;

import dev.ringload.engine.load.Latency;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shards' per-second series added up by wall-clock second: a shard's sample belongs to the second in which it
 * closed, rounded to the nearest whole second (with {@code --start-at} every shard closes its seconds within a few
 * milliseconds of the same instants). Latency percentiles of a second come from the shards' histograms of it,
 * added; a report without them (written without {@code --shard}) leaves only the highest maximum.
 */
final class MergedSeries {

    /** One wall-clock second, summed over the shards that closed a sample in it. */
    static final class Second {
        long responses;
        long errors;
        long connections;
        long bytes;
        double targetRate;
        int shards;
        Histogram latency;
        Histogram service;
        boolean latencyComplete = true;
        boolean serviceComplete = true;
        double latencyMaxUs = Double.NaN;
        double serviceMaxUs = Double.NaN;
    }

    /** Seconds by their end, in epoch seconds. */
    final TreeMap<Long, Second> seconds = new TreeMap<>();
    /** Every shard's series has bytes per second (older reports do not). */
    boolean bytesKnown = true;

    static MergedSeries of(List<ShardReports.Part> parts) {
        MergedSeries merged = new MergedSeries();
        for (ShardReports.Part p : parts) {
            merged.add(p.report());
        }
        return merged;
    }

    private void add(Map<?, ?> report) {
        Double startMs = JsonReader.number(report, "series.startMs");
        List<?> ends = JsonReader.array(report, "series.seconds");
        if (startMs == null || ends == null) {
            return;
        }
        bytesKnown &= JsonReader.array(report, "series.bytes") != null;
        for (int k = 0; k < ends.size(); k++) {
            long endSecond = Math.round((startMs + (Double) ends.get(k) * 1000) / 1000.0);
            Second s = seconds.computeIfAbsent(endSecond, key -> new Second());
            s.shards++;
            s.responses += whole(report, "series.responses", k);
            s.errors += whole(report, "series.errors", k);
            s.connections += whole(report, "series.connections", k);
            s.bytes += whole(report, "series.bytes", k);
            double rate = at(report, "series.targetRate", k);
            s.targetRate += Double.isNaN(rate) ? 0 : rate;
            s.latencyMaxUs = max(s.latencyMaxUs, at(report, "series.latency.max", k));
            s.serviceMaxUs = max(s.serviceMaxUs, at(report, "series.serviceLatency.max", k));
            String latency = string(report, "series.latency.histograms", k);
            s.latencyComplete &= latency != null;
            s.latency = added(s.latency, latency);
            String service = string(report, "series.serviceLatency.histograms", k);
            s.serviceComplete &= service != null;
            s.service = added(s.service, service);
        }
    }

    long[] responses() {
        return seconds.values().stream().mapToLong(s -> s.responses).toArray();
    }

    long[] bytes() {
        return seconds.values().stream().mapToLong(s -> s.bytes).toArray();
    }

    /** Epoch milliseconds at which the first second began. */
    long startMs() {
        return seconds.isEmpty() ? 0 : (seconds.firstKey() - 1) * 1000;
    }

    /** The second's latency (service: the service latency's) when every shard in it had its histogram, else null. */
    static Latency latency(Second s, boolean service) {
        Histogram h = service ? s.service : s.latency;
        boolean complete = service ? s.serviceComplete : s.latencyComplete;
        return complete && h != null ? Latency.of(h) : null;
    }

    private static Histogram added(Histogram sum, String encoded) {
        if (encoded == null) {
            return sum;
        }
        Histogram h = ShardReports.decode(encoded);
        if (sum == null) {
            h.setAutoResize(true);
            return h;
        }
        sum.add(h);
        return sum;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static long whole(Map<?, ?> report, String path, int k) {
        double v = at(report, path, k);
        return Double.isNaN(v) ? 0 : Math.round(v);
    }

    private static double at(Map<?, ?> report, String path, int k) {
        List<?> list = JsonReader.array(report, path);
        return list != null && k < list.size() && list.get(k) instanceof Double d ? d : Double.NaN;
    }

    private static String string(Map<?, ?> report, String path, int k) {
        List<?> list = JsonReader.array(report, path);
        return list != null && k < list.size() && list.get(k) instanceof String s ? s : null;
    }
}
