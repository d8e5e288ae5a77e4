package dev.ringload.cli;

import dev.ringload.engine.load.Latency;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The shard reports {@code merge} joins, checked to be parts of one run: the same request, target and options, the
 * same shard count, each index once. Field access for reports read with {@link JsonReader}.
 */
final class ShardReports {

    /** Settings every shard of one run has in common; a difference means the reports are of different runs. */
    private static final List<String> SAME = List.of("command", "engine", "config.url", "config.method",
            "config.headers", "config.bodyBytes", "config.pipelining", "config.durationSeconds", "config.mode",
            "config.timeoutSeconds", "config.connectTimeoutSeconds", "config.warmupSeconds", "config.warmupAuto",
            "target.host", "target.port", "startAt", "shard.count", "shard.runConnections", "shard.runRequests",
            "shard.runRateFrom", "shard.runRateTo", "rate.arrival", "pick");

    /** One report and the file it came from. */
    record Part(String name, Map<?, ?> report) {

        int index() {
            return (int) Math.round(number(report, "shard.index"));
        }
    }

    private ShardReports() {
    }

    /**
     * Checks that {@code parts} are shards of one run and returns them in shard order.
     *
     * @throws IllegalArgumentException naming the first difference, in one line
     */
    static List<Part> check(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("give the shards' JSON reports");
        }
        for (Part p : parts) {
            if (!"run".equals(p.report().get("command")) || !(p.report().get("requests") instanceof Map)
                    || p.report().get("ramp") != null) {
                throw new IllegalArgumentException(p.name() + " is not the JSON report of ringload run");
            }
            if (!(p.report().get("shard") instanceof Map)) {
                throw new IllegalArgumentException(p.name() + " is not a shard's report (run it with --shard I/N)");
            }
        }
        Part first = parts.getFirst();
        for (Part p : parts.subList(1, parts.size())) {
            for (String key : SAME) {
                Object a = JsonReader.at(first.report(), key);
                Object b = JsonReader.at(p.report(), key);
                if (!Objects.equals(a, b)) {
                    throw new IllegalArgumentException("not shards of one run: " + key + " is " + shown(a) + " in "
                            + first.name() + " but " + shown(b) + " in " + p.name());
                }
            }
        }
        TreeSet<Integer> seen = new TreeSet<>();
        for (Part p : parts) {
            if (!seen.add(p.index())) {
                throw new IllegalArgumentException("shard " + p.index() + " is given twice (" + p.name() + ")");
            }
        }
        List<Part> ordered = new ArrayList<>(parts);
        ordered.sort(java.util.Comparator.comparingInt(Part::index));
        return ordered;
    }

    /** The shard indexes of a run of {@code count} that {@code parts} lack. */
    static List<Integer> missing(List<Part> parts, int count) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            if (parts.stream().noneMatch(p -> p.index() == index)) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** The number at {@code path}; 0 when absent or null (a report without that part). */
    static double number(Object report, String path) {
        Double d = JsonReader.number(report, path);
        return d == null ? 0 : d;
    }

    /** The sum of the number at {@code path} over every part. */
    static double sum(List<Part> parts, String path) {
        return parts.stream().mapToDouble(p -> number(p.report(), path)).sum();
    }

    static double max(List<Part> parts, String path) {
        return parts.stream().mapToDouble(p -> number(p.report(), path)).max().orElse(0);
    }

    static boolean any(List<Part> parts, String path) {
        return parts.stream().anyMatch(p -> Boolean.TRUE.equals(JsonReader.at(p.report(), path)));
    }

    /** HdrHistogram's base64 encoding, decoded. */
    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("a latency histogram cannot be decoded (" + e.getMessage() + ")");
        }
    }

    /**
     * The sum of every part's histogram at {@code path} (e.g. {@code latency.histogram}), or null when no part has
     * one there; the sum is exact: the histograms share their buckets.
     */
    static Latency addedHistograms(List<Part> parts, String path) {
        List<String> encoded = new ArrayList<>();
        for (Part p : parts) {
            if (!(JsonReader.at(p.report(), path) instanceof String e)) {
                if (!encoded.isEmpty()) {
                    throw new IllegalArgumentException(p.name() + " has no " + path);
                }
                continue;
            }
            encoded.add(e);
        }
        return encoded.isEmpty() ? null : added(encoded);
    }

    /** The sum of HdrHistogram base64 encodings (at least one), exact: the histograms share their buckets. */
    static Latency added(List<String> encoded) {
        Histogram sum = null;
        for (String e : encoded) {
            Histogram h = decode(e);
            if (sum == null) {
                sum = h;
                sum.setAutoResize(true); // the shards share their range; this only guards against one that does not
            } else {
                sum.add(h);
            }
        }
        return Latency.of(sum);
    }

    private static String shown(Object v) {
        return v == null ? "absent" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
