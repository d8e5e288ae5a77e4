package dev.ringload.cli;

import dev.ringload.engine.load.Latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One run's report from its shards' reports, in the schema of a run's JSON plus {@code shards}: histograms added
 * exactly, counts summed, the per-second series summed by wall-clock second ({@link MergedSeries}), every shard's
 * client verdict kept, and the spread of the shards' measurement starts.
 */
final class ShardMerge {

    /** The merged report and what its text rendering needs. */
    record Merged(String json, Latency latency, Latency service, Latency scheduleLag, MergedSeries series,
                  List<ShardReports.Part> parts, List<Integer> missing) {
    }

    private ShardMerge() {
    }

    /** @throws IllegalArgumentException when the parts are not shards of one run, with the reason in one line */
    static Merged merge(List<ShardReports.Part> given) {
        List<ShardReports.Part> parts = ShardReports.check(given);
        Map<?, ?> first = parts.getFirst().report();
        int count = (int) ShardReports.number(first, "shard.count");
        List<Integer> missing = ShardReports.missing(parts, count);
        Latency latency = ShardReports.addedHistograms(parts, "latency.histogram");
        if (latency == null) {
            throw new IllegalArgumentException(parts.getFirst().name() + " has no latency histogram");
        }
        Latency service = ShardReports.addedHistograms(parts, "serviceLatency.histogram");
        Latency lag = ShardReports.addedHistograms(parts, "scheduleLag.histogram");
        MergedSeries series = MergedSeries.of(parts);

        Json j = new Json().beginObject();
        long startMs = (long) parts.stream().mapToDouble(p -> start(p.report())).min().orElse(0);
        double duration = ShardReports.max(parts, "durationSeconds");
        j.field("command", "run").field("engine", (String) first.get("engine"))
                .field("engineReason", "merged from " + parts.size() + " shard reports")
                .field("threads", Math.round(ShardReports.sum(parts, "threads")))
                .field("startedAt", java.time.Instant.ofEpochMilli(startMs).toString())
                .field("measureStartEpochMs", startMs).field("durationSeconds", duration)
                .field("partial", ShardReports.any(parts, "partial") || !missing.isEmpty());
        if (first.get("startAt") != null) {
            j.field("startAt", (String) first.get("startAt"));
        }
        config(j, parts);
        j.name("target");
        JsonCopy.value(j, first.get("target"));
        double average = ShardReports.sum(parts, "requests.average");
        j.name("requests").beginObject().field("total", Math.round(ShardReports.sum(parts, "requests.total")))
                .field("sent", Math.round(ShardReports.sum(parts, "requests.sent"))).field("average", average)
                .name("perSecond");
        JsonReport.intervalJson(j, IntervalStats.of(series.responses()));
        j.endObject().name("latency");
        JsonReport.latencyJson(j, latency);
        if (service != null) {
            j.name("serviceLatency");
            JsonReport.latencyJson(j, service);
        }
        if (lag != null) {
            j.name("scheduleLag");
            JsonReport.latencyJson(j, lag);
        }
        if (first.get("rate") instanceof Map<?, ?>) {
            rate(j, parts, average);
        }
        j.name("throughput").beginObject().field("bytesTotal", Math.round(ShardReports.sum(parts,
                "throughput.bytesTotal"))).name("perSecond");
        if (series.bytesKnown) {
            JsonReport.intervalJson(j, IntervalStats.of(series.bytes()));
        } else {
            j.nullValue(); // reports without bytes per second: their seconds cannot be added
        }
        j.endObject();
        summedObject(j, parts, "statusCodes");
        summedObject(j, parts, "errors");
        summedObject(j, parts, "anomalies");
        j.name("connections").beginObject();
        for (String key : List.of("requested", "established", "reconnects", "inFlightAtStop")) {
            j.field(key, Math.round(ShardReports.sum(parts, "connections." + key)));
        }
        j.field("summary", perShard(parts, p -> String.valueOf(JsonReader.at(p.report(), "connections.summary"))))
                .endObject();
        j.name("warmup").beginObject().field("seconds", ShardReports.max(parts, "warmup.seconds"))
                .field("requests", Math.round(ShardReports.sum(parts, "warmup.requests"))).endObject();
        client(j, parts);
        ShardReports.Part stalled = parts.stream().max(java.util.Comparator.comparingDouble(
                p -> ShardReports.number(p.report(), "client.stalls.longestMs"))).orElseThrow();
        j.field("clientStall", stalled.report().get("clientStall") == null ? null
                : "shard " + stalled.index() + ": " + stalled.report().get("clientStall"));
        targets(j, parts);
        j.name("thresholds").beginArray().endArray().field("thresholdsJudged", false);
        j.name("environment");
        JsonCopy.value(j, first.get("environment"));
        j.name("provenance");
        JsonCopy.value(j, first.get("provenance"));
        seriesJson(j, series);
        shards(j, parts, missing, count);
        return new Merged(j.endObject().toString(), latency, service, lag, series, parts, missing);
    }

    /** When a shard began measuring, epoch milliseconds (reports before --start-at: from {@code startedAt}). */
    static double start(Map<?, ?> report) {
        Double ms = JsonReader.number(report, "measureStartEpochMs");
        return ms != null ? ms : java.time.Instant.parse((String) report.get("startedAt")).toEpochMilli();
    }

    private static void config(Json j, List<ShardReports.Part> parts) {
        Map<String, Object> config = new LinkedHashMap<>();
        ((Map<?, ?>) parts.getFirst().report().get("config")).forEach((k, v) -> config.put((String) k, v));
        config.put("connections", ShardReports.sum(parts, "config.connections"));
        config.put("threads", ShardReports.sum(parts, "config.threads"));
        config.put("cpus", List.of()); // each shard's host has its own
        Object requests = JsonReader.at(parts.getFirst().report(), "shard.runRequests");
        config.put("requests", requests);
        j.name("config");
        JsonCopy.value(j, config);
    }

    private static void rate(Json j, List<ShardReports.Part> parts, double achieved) {
        double target = ShardReports.sum(parts, "rate.target");
        long shortOnes = parts.stream().filter(p -> !"none".equals(JsonReader.at(p.report(), "rate.shortfall"))).count();
        j.name("rate").beginObject().field("arrival", (String) JsonReader.at(parts.getFirst().report(), "rate.arrival"))
                .field("targetFrom", ShardReports.sum(parts, "rate.targetFrom"))
                .field("targetTo", ShardReports.sum(parts, "rate.targetTo")).field("target", target)
                .field("achieved", achieved).field("achievedShare", target == 0 ? 0 : achieved / target)
                .field("slotWaitShare", ShardReports.max(parts, "rate.slotWaitShare"))
                .field("shortfall", shortOnes == 0 ? "none" : "in-shards")
                .field("line", perShard(parts, p -> String.valueOf(JsonReader.at(p.report(), "rate.line"))))
                .endObject();
    }

    /** Every number of the object at {@code key} summed over the shards, keys in the order they first appear. */
    private static void summedObject(Json j, List<ShardReports.Part> parts, String key) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (ShardReports.Part p : parts) {
            if (p.report().get(key) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (v instanceof Double d) sums.merge((String) k, d, Double::sum);
                });
            }
        }
        j.name(key).beginObject();
        sums.forEach((k, v) -> j.field(k, Math.round(v)));
        j.endObject();
    }

    /**
     * The client verdict of the whole: client-bound when any shard was, because then the merged figure is partly
     * ringload's own limit; each shard's verdict is in {@code shards}.
     */
    private static void client(Json j, List<ShardReports.Part> parts) {
        List<Integer> bound = new ArrayList<>();
        for (ShardReports.Part p : parts) {
            if (Boolean.TRUE.equals(JsonReader.at(p.report(), "client.clientBound"))) bound.add(p.index());
        }
        j.name("client").beginObject().field("threads", Math.round(ShardReports.sum(parts, "client.threads")))
                .field("busyPercent", ShardReports.max(parts, "client.busyPercent"))
                .field("userPercent", ShardReports.max(parts, "client.userPercent"))
                .field("sysPercent", ShardReports.max(parts, "client.sysPercent"))
                .field("clientBound", !bound.isEmpty())
                .field("verdict", bound.isEmpty() ? "not client-bound" : "client-bound")
                .field("thresholdBusyPercent", ShardReports.number(parts.getFirst().report(),
                        "client.thresholdBusyPercent"))
                .field("line", clientLine(parts, bound)).name("perThread").beginArray();
        for (ShardReports.Part p : parts) {
            if (JsonReader.array(p.report(), "client.perThread") instanceof List<?> threads) {
                for (Object t : threads) JsonCopy.value(j, t);
            }
        }
        j.endArray().name("process").beginObject()
                .field("userSeconds", ShardReports.sum(parts, "client.process.userSeconds"))
                .field("sysSeconds", ShardReports.sum(parts, "client.process.sysSeconds")).endObject().endObject();
    }

    static String clientLine(List<ShardReports.Part> parts, List<Integer> bound) {
        if (bound.isEmpty()) {
            return "CLIENT: no shard was client-bound (busiest thread of any shard: "
                    + Math.round(ShardReports.max(parts, "client.busyPercent")) + "% busy)";
        }
        return "CLIENT-BOUND: shard" + (bound.size() == 1 ? " " : "s ") + bound.toString().replaceAll("[\\[\\]]", "")
                + " of " + parts.size() + " hit ringload's own limit, so the merged figure is partly the client's "
                + "limit, not the server's; add shards or threads";
    }

    /**
     * {@code targets}: each request of a mix, counts summed over the shards and its latency histograms added (exact,
     * as the run's). Reports from before per-request histograms, or a mix too large to keep per-request latency:
     * only the count and the highest maximum of its latency merge (percentiles NaN), or none (null).
     */
    private static void targets(Json j, List<ShardReports.Part> parts) {
        List<?> base = JsonReader.array(parts.getFirst().report(), "targets");
        j.name("targets").beginArray();
        long all = Math.round(ShardReports.sum(parts, "requests.total"));
        for (int i = 0; base != null && i < base.size(); i++) {
            Map<?, ?> t = (Map<?, ?>) base.get(i);
            long responses = 0;
            long errors = 0;
            Map<String, Double> classes = new LinkedHashMap<>();
            List<Map<?, ?>> latencies = new ArrayList<>();
            for (ShardReports.Part p : parts) {
                List<?> list = JsonReader.array(p.report(), "targets");
                if (list == null || i >= list.size() || !(list.get(i) instanceof Map<?, ?> other)) continue;
                responses += Math.round(ShardReports.number(other, "responses"));
                errors += Math.round(ShardReports.number(other, "errors"));
                if (other.get("latency") instanceof Map<?, ?> latency) latencies.add(latency);
                if (other.get("statusCodes") instanceof Map<?, ?> codes) {
                    codes.forEach((k, v) -> classes.merge((String) k, (Double) v, Double::sum));
                }
            }
            j.beginObject().field("label", (String) t.get("label")).field("weight", Math.round((Double) t.get("weight")))
                    .field("responses", responses).field("share", all == 0 ? 0 : (double) responses / all)
                    .name("statusCodes").beginObject();
            classes.forEach((k, v) -> j.field(k, Math.round(v)));
            j.endObject().field("errors", errors).name("latency");
            targetLatency(j, latencies, parts.size());
            j.endObject();
        }
        j.endArray();
        if (parts.getFirst().report().get("pick") instanceof String pick) {
            j.field("pick", pick);
        }
    }

    /** One request's merged latency from each shard's ({@code latencies}, of {@code shards}). */
    private static void targetLatency(Json j, List<Map<?, ?>> latencies, int shards) {
        if (latencies.isEmpty()) {
            j.nullValue(); // no shard kept it: a mix too large for per-request latency
            return;
        }
        List<String> encoded = new ArrayList<>();
        for (Map<?, ?> l : latencies) {
            if (l.get("histogram") instanceof String e) encoded.add(e);
        }
        if (encoded.size() == shards) { // every shard's: exact
            JsonReport.targetLatencyJson(j, ShardReports.added(encoded));
            return;
        }
        long count = 0;
        double max = 0;
        for (Map<?, ?> l : latencies) {
            count += Math.round(ShardReports.number(l, "count"));
            max = Math.max(max, ShardReports.number(l, "max"));
        }
        j.beginObject().field("unit", "us").field("p50", Double.NaN).field("p90", Double.NaN).field("p99", Double.NaN)
                .field("max", max).field("count", count).endObject();
    }

    private static void seriesJson(Json j, MergedSeries series) {
        List<MergedSeries.Second> seconds = new ArrayList<>(series.seconds.values());
        long firstKey = series.seconds.isEmpty() ? 0 : series.seconds.firstKey();
        j.name("series").beginObject().field("startMs", series.startMs()).name("seconds").beginArray();
        for (long key : series.seconds.keySet()) j.value(key - firstKey + 1);
        j.endArray();
        longs(j, "responses", seconds, s -> s.responses);
        longs(j, "errors", seconds, s -> s.errors);
        if (series.bytesKnown) longs(j, "bytes", seconds, s -> s.bytes);
        longs(j, "connections", seconds, s -> s.connections);
        longs(j, "shards", seconds, s -> (long) s.shards);
        j.name("latency");
        percentiles(j, seconds, false);
        boolean open = seconds.stream().anyMatch(s -> s.service != null || !Double.isNaN(s.serviceMaxUs));
        if (open) {
            j.name("serviceLatency");
            percentiles(j, seconds, true);
            j.name("targetRate").beginArray();
            for (MergedSeries.Second s : seconds) j.value(s.targetRate);
            j.endArray();
        }
        j.endObject();
    }

    private static void longs(Json j, String name, List<MergedSeries.Second> seconds,
                              Function<MergedSeries.Second, Long> value) {
        j.name(name).beginArray();
        for (MergedSeries.Second s : seconds) j.value(value.apply(s));
        j.endArray();
    }

    private static void percentiles(Json j, List<MergedSeries.Second> seconds, boolean service) {
        j.beginObject().field("unit", "us");
        double[] ps = {50, 90, 99, 99.9};
        String[] names = {"p50", "p90", "p99", "p99_9"};
        for (int c = 0; c < ps.length; c++) {
            j.name(names[c]).beginArray();
            for (MergedSeries.Second s : seconds) {
                Latency h = MergedSeries.latency(s, service);
                j.value(h == null || h.count() == 0 ? Double.NaN : JsonReport.micros(h.valueAtPercentileNs(ps[c])));
            }
            j.endArray();
        }
        j.name("max").beginArray();
        for (MergedSeries.Second s : seconds) {
            Latency h = MergedSeries.latency(s, service);
            j.value(h != null ? (h.count() == 0 ? Double.NaN : JsonReport.micros(h.maxNs()))
                    : service ? s.serviceMaxUs : s.latencyMaxUs);
        }
        j.endArray().endObject();
    }

    /** {@code shards}: each shard's own figures and verdict, and how far apart their measurements began. */
    private static void shards(Json j, List<ShardReports.Part> parts, List<Integer> missing, int count) {
        double earliest = parts.stream().mapToDouble(p -> start(p.report())).min().orElse(0);
        double latest = parts.stream().mapToDouble(p -> start(p.report())).max().orElse(0);
        j.name("shards").beginObject().field("count", count).field("merged", parts.size()).name("missing").beginArray();
        for (int m : missing) j.value(m);
        j.endArray().field("startSkewMs", Math.round(latest - earliest)).name("parts").beginArray();
        for (ShardReports.Part p : parts) {
            Map<?, ?> r = p.report();
            j.beginObject().field("index", p.index()).field("file", p.name())
                    .field("host", (String) JsonReader.at(r, "provenance.host"))
                    .field("startedAt", (String) r.get("startedAt")).field("measureStartEpochMs", Math.round(start(r)))
                    .field("durationSeconds", ShardReports.number(r, "durationSeconds"))
                    .field("connections", Math.round(ShardReports.number(r, "config.connections")))
                    .field("threads", Math.round(ShardReports.number(r, "threads")))
                    .field("responses", Math.round(ShardReports.number(r, "requests.total")))
                    .field("requestsPerSecond", ShardReports.number(r, "requests.average"))
                    .field("errors", Math.round(ShardReports.number(r, "errors.total")))
                    .field("p99Us", ShardReports.number(r, "latency.p99"))
                    .field("partial", Boolean.TRUE.equals(r.get("partial")))
                    .field("clientBound", Boolean.TRUE.equals(JsonReader.at(r, "client.clientBound")))
                    .field("clientLine", (String) JsonReader.at(r, "client.line")).endObject();
        }
        j.endArray().endObject();
    }

    private static String perShard(List<ShardReports.Part> parts, Function<ShardReports.Part, String> line) {
        StringBuilder b = new StringBuilder();
        for (ShardReports.Part p : parts) {
            b.append(b.isEmpty() ? "" : "; ").append("shard ").append(p.index()).append(": ").append(line.apply(p));
        }
        return b.toString();
    }
}
