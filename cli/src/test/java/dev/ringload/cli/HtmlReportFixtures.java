package dev.ringload.cli;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * JSON reports shaped like ringload's, for the HTML report's tests: a closed-loop run, an open-loop run, a find-max
 * search and a connection ramp. Seeded randomness, so every run of the tests renders the same pages.
 */
final class HtmlReportFixtures {

    private static final int SECONDS = 20;
    private static final long START_MS = 1_764_489_600_000L;

    private HtmlReportFixtures() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) MiniJson.parse(json);
    }

    static Map<String, Object> closedLoop() {
        return parse(closedLoopJson());
    }

    static String closedLoopJson() {
        Random random = new Random(7);
        Histogram latency = latencyNs(random, 1_041_344, 900_000, 0.35);
        Json j = new Json().beginObject().field("command", "run");
        runHeader(j, "closed-loop", 64, 20.0, false);
        j.name("requests").beginObject().field("total", 1_041_344).field("average", 52_067.2).endObject();
        errors(j, 7, 5, 2);
        client(j, 38.5, false);
        j.name("latency");
        latency(j, latency);
        provenance(j);
        double p99 = latency.getValueAtPercentile(99);
        double p999 = latency.getValueAtPercentile(99.9);
        j.name("thresholds").beginArray()
                .beginObject().field("expr", "p99 < 5ms").field("measured", Report.time(p99)).field("value", p99)
                .field("pass", true).endObject()
                .beginObject().field("expr", "p99.9 < 8ms").field("measured", Report.time(p999)).field("value", p999)
                .field("pass", false).endObject()
                .beginObject().field("expr", "errors < 0.1%").field("measured", "0.0007%").field("value", 0.0007)
                .field("pass", true).endObject()
                .endArray();
        series(j, random, 52_850, false);
        return j.endObject().toString();
    }

    static Map<String, Object> openLoop() {
        Random random = new Random(11);
        Histogram corrected = latencyNs(random, 399_800, 1_150_000, 0.5);
        Histogram service = latencyNs(random, 399_800, 820_000, 0.3);
        Histogram lag = latencyNs(random, 399_800, 60_000, 0.9);
        Json j = new Json().beginObject().field("command", "run");
        runHeader(j, "open-loop", 128, 20.0, false);
        j.name("requests").beginObject().field("total", 399_800).field("average", 19_990.0).endObject();
        errors(j, 0, 0, 0);
        client(j, 21.0, false);
        j.name("latency");
        latency(j, corrected);
        j.name("serviceLatency");
        latency(j, service);
        j.name("scheduleLag");
        latency(j, lag);
        j.name("rate").beginObject().field("target", 20_000).field("achieved", 19_990.0)
                .field("line", "target 20,000 req/s, achieved 19,990 req/s (99.95%); requests waited for a free "
                        + "connection slot 0.0% of the time").endObject();
        provenance(j);
        series(j, random, 20_000, true);
        return parse(j.endObject().toString());
    }

    static Map<String, Object> findMax() {
        double[][] steps = {
                // target, achieved, p50 us, p99 us, busy %
                {10_000, 10_000, 610, 1_900, 12}, {20_000, 19_998, 640, 2_300, 22}, {40_000, 33_100, 8_400, 61_000, 41},
                {30_000, 29_990, 720, 3_900, 33}, {35_000, 34_200, 2_100, 14_800, 37}, {32_500, 32_488, 760, 4_120, 35}};
        Json j = new Json().beginObject().field("command", "find-max").field("url", "http://10.0.0.2:8080/api/items")
                .field("engine", "io_uring").field("partial", false).name("slos").beginArray().value("p99<5ms")
                .value("errors<0.1%").endArray().field("startRate", 10_000).field("stepSeconds", 10)
                .field("warmupSeconds", 2).name("steps").beginArray();
        for (double[] s : steps) {
            boolean good = s[3] < 5_000;
            j.beginObject().field("target", s[0]).field("achieved", s[1]).field("errors", 0)
                    .name("latency").beginObject().field("unit", "us").field("p50", s[2]).field("p90", s[2] * 1.9)
                    .field("p99", s[3]).field("p99_9", s[3] * 1.6).field("max", s[3] * 2.4).endObject()
                    .field("busyPercent", s[4]).field("clientBound", false).field("good", good)
                    .field("verdict", good ? "ok" : String.format(java.util.Locale.ROOT, "p99 %.2f ms > 5ms",
                            s[3] / 1e3)).endObject();
        }
        j.endArray().name("conclusion").beginObject().field("outcome", "converged").field("maxRate", 32_500)
                .field("clientBound", false).field("line", "max sustainable rate: 32,500 req/s (p99 4.12 ms at "
                        + "32,488 req/s); 35,000 req/s failed: p99 14.80 ms > 5ms").name("clientLine").nullValue()
                .endObject();
        provenance(j);
        return parse(j.endObject().toString());
    }

    static Map<String, Object> ramp() {
        Random random = new Random(13);
        int[] connections = {8, 16, 32, 64, 128, 256};
        double[] rps = {14_200, 27_900, 49_800, 61_300, 62_100, 61_700};
        Histogram latency = latencyNs(random, 1_383_000, 1_400_000, 0.6);
        Json j = new Json().beginObject().field("command", "run");
        runHeader(j, "closed-loop", 256, 30.0, false);
        j.name("requests").beginObject().field("total", 1_383_000).field("average", 46_100.0).endObject();
        errors(j, 0, 0, 0);
        client(j, 44.0, false);
        j.name("latency");
        latency(j, latency);
        j.name("ramp").beginObject().name("steps").beginArray();
        for (int c : connections) j.value(c);
        j.endArray().field("stepSeconds", 5).field("ratePerSecond", 0).field("kneeStep", 3)
                .field("knee", "knee at 64 connections: 61,300 req/s, p99 2.71 ms; more connections added "
                        + "latency, not throughput").endObject();
        j.name("steps").beginArray();
        for (int i = 0; i < connections.length; i++) {
            double p50 = connections[i] / rps[i] * 1e6 * 0.9;
            j.beginObject().field("connectionsRequested", connections[i]).field("connectionsEstablished", connections[i])
                    .field("durationSeconds", 5).field("responses", Math.round(rps[i] * 5))
                    .field("requestsPerSecond", rps[i]).name("latency").beginObject().field("unit", "us")
                    .field("p50", p50).field("p99", p50 * 3.2).endObject().field("errors", 0)
                    .field("busyPercent", 8.0 + i * 7).field("clientBound", false)
                    .field("verdict", "not client-bound").endObject();
        }
        j.endArray();
        provenance(j);
        return parse(j.endObject().toString());
    }

    /** A log-normal body around {@code medianNs} with a 0.4% tail of stalls, as a busy server shows. */
    static Histogram latencyNs(Random random, int count, double medianNs, double sigma) {
        Histogram h = new Histogram(1, 60_000_000_000L, 3);
        for (int i = 0; i < count; i++) {
            double v = medianNs * Math.exp(sigma * random.nextGaussian());
            if (random.nextInt(1000) < 4) {
                v *= 4 + 8 * random.nextDouble();
            }
            h.recordValue(Math.max(1, Math.round(v)));
        }
        return h;
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static void runHeader(Json j, String mode, int connections, double seconds, boolean partial) {
        j.field("engine", "io_uring").field("engineReason", "io_uring available (kernel 6.8)").field("threads", 4)
                .field("startedAt", "2025-11-30T08:00:00Z").field("durationSeconds", seconds)
                .field("partial", partial).name("config").beginObject()
                .field("url", "http://10.0.0.2:8080/api/items").field("method", "GET")
                .field("connections", connections).field("pipelining", 1).field("threads", 4)
                .field("mode", mode).endObject();
    }

    private static void errors(Json j, long total, long timeout, long reset) {
        j.name("errors").beginObject().field("total", total).field("connect-refused", 0).field("timeout", timeout)
                .field("connection-reset", reset).endObject();
    }

    private static void client(Json j, double busy, boolean bound) {
        j.name("client").beginObject().field("threads", 4).field("busyPercent", busy).field("clientBound", bound)
                .field("line", String.format(java.util.Locale.ROOT, "client: 4 threads, %.0f%% busy (user 14%%, "
                        + "sys 24%%) -> not client-bound", busy)).endObject();
    }

    private static void latency(Json j, Histogram h) {
        j.beginObject().field("unit", "us");
        for (double p : new double[] {50, 90, 99, 99.9}) {
            j.field(Report.percentKey(p), h.getValueAtPercentile(p) / 1e3);
        }
        j.field("max", h.getMaxValue() / 1e3).field("mean", h.getMean() / 1e3).field("count", h.getTotalCount())
                .field("histogram", encode(h)).field("histogramUnit", "ns").endObject();
    }

    private static void provenance(Json j) {
        j.name("provenance").beginObject().field("ringload", "0.1.0-SNAPSHOT")
                .field("commit", "e42e186c1f0b4a7d9a1e5b0c2d3f4a5b6c7d8e9f").field("java", "25+36-LTS (Eclipse Adoptium)")
                .field("kernel", "6.8.0-49-generic").field("host", "loadgen-1").field("cpus", 16)
                .field("liburingFree", true).name("argv").beginArray().value("run").value("-c").value("64")
                .value("-d").value("20s").value("http://10.0.0.2:8080/api/items").endArray()
                .name("ioUring").beginObject().field("setupFlags", "SINGLE_ISSUER|DEFER_TASKRUN")
                .field("providedBuffers", true).endObject().endObject();
    }

    /** Per-second series: a steady load with one server stall at second 12. */
    private static void series(Json j, Random random, double rate, boolean open) {
        j.name("series").beginObject().field("startMs", START_MS).name("seconds").beginArray();
        for (int s = 1; s <= SECONDS; s++) j.value(s);
        j.endArray();
        perSecond(j, "responses", s -> Math.round(stall(s) ? rate * 0.71 : rate * (1 + 0.012 * random.nextGaussian())));
        perSecond(j, "errors", s -> stall(s) ? 5 : s == 13 ? 2 : 0);
        perSecond(j, "connections", s -> stall(s) ? 62 : 64);
        latencySeries(j, "latency", random, open ? 1.4 : 1.0);
        if (open) {
            latencySeries(j, "serviceLatency", random, 0.8);
            perSecond(j, "targetRate", s -> rate);
        }
        j.endObject();
    }

    private static void latencySeries(Json j, String name, Random random, double scale) {
        j.name(name).beginObject().field("unit", "us");
        double[] base = {900, 1_450, 2_200, 9_000, 16_000};
        double[] stalled = {2.5, 3, 8, 2.6, 2.05};
        String[] keys = {"p50", "p90", "p99", "p99_9", "max"};
        for (int k = 0; k < keys.length; k++) {
            double b = base[k] * scale;
            double spike = stalled[k];
            perSecond(j, keys[k], s -> Math.round(b * (stall(s) ? spike : 1 + 0.08 * random.nextGaussian()) * 10)
                    / 10.0);
        }
        j.endObject();
    }

    private static void perSecond(Json j, String name, DoubleUnaryOperator value) {
        j.name(name).beginArray();
        for (int s = 1; s <= SECONDS; s++) j.value(value.applyAsDouble(s));
        j.endArray();
    }

    private static boolean stall(double second) {
        return second == 12;
    }
}
