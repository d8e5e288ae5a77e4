package dev.ringload.cli;

import dev.ringload.engine.load.Latency;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code merge} over shard reports built from known latencies: the merged counts are the exact sums, the merged
 * percentiles those of one histogram fed every value, the seconds summed by wall-clock second; reports of different
 * runs are refused.
 */
class MergeCommandTest {

    private static final long HIGHEST_NS = 20_000_000_000L;
    /** Shard 0 measures from here; shard 1 one second later, 7 ms off the second. */
    private static final long START_MS = 1_796_000_000_000L;

    @TempDir
    Path dir;

    /** A shard's latencies, second by second, from a seeded random source: each shard its own distribution. */
    private static List<Histogram> seconds(int shard, int count) {
        SplittableRandom random = new SplittableRandom(shard + 11);
        List<Histogram> seconds = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Histogram h = new Histogram(1, HIGHEST_NS, 3);
            for (int i = 0; i < 1000 + 300 * shard; i++) {
                h.recordValue(50_000 + random.nextLong(1 + 5_000_000L * (shard + 1)));
            }
            seconds.add(h);
        }
        return seconds;
    }

    private static Histogram total(List<Histogram> seconds) {
        Histogram t = new Histogram(1, HIGHEST_NS, 3);
        seconds.forEach(t::add);
        return t;
    }

    /** A shard report with the fields merge reads, as run --shard --json writes them. */
    private static String report(int index, int count, long startMs, List<Histogram> seconds, String url) {
        Histogram t = total(seconds);
        Json j = new Json().beginObject().field("command", "run").field("engine", "nio").field("threads", 1)
                .field("startedAt", java.time.Instant.ofEpochMilli(startMs).toString())
                .field("measureStartEpochMs", startMs).field("durationSeconds", (double) seconds.size())
                .field("partial", false);
        j.name("shard").beginObject().field("index", index).field("count", count).field("runConnections", 10)
                .name("runRequests").nullValue().field("runRateFrom", 0).field("runRateTo", 0).endObject();
        j.name("config").beginObject().field("url", url).field("method", "GET").field("connections", 5)
                .field("pipelining", 1).field("threads", 1).field("durationSeconds", seconds.size()).endObject();
        j.name("target").beginObject().field("host", "127.0.0.1").field("port", 8080).endObject();
        j.name("requests").beginObject().field("total", t.getTotalCount()).field("sent", t.getTotalCount())
                .field("average", t.getTotalCount() / (double) seconds.size()).endObject();
        j.name("latency");
        JsonReport.latencyJson(j, Latency.of(t));
        j.name("statusCodes").beginObject().field("2xx", t.getTotalCount() - 3).field("5xx", 3).endObject();
        j.name("errors").beginObject().field("total", index + 1).field("timeout", index + 1).endObject();
        j.name("client").beginObject().field("threads", 1).field("busyPercent", index == 1 ? 97.0 : 20.0)
                .field("clientBound", index == 1).field("line", "shard's own line").endObject();
        j.name("series").beginObject().field("startMs", startMs).name("seconds").beginArray();
        for (int s = 0; s < seconds.size(); s++) j.value(s + 1.0);
        j.endArray().name("responses").beginArray();
        for (Histogram h : seconds) j.value(h.getTotalCount());
        j.endArray().name("errors").beginArray();
        for (Histogram ignored : seconds) j.value(0);
        j.endArray().name("bytes").beginArray();
        for (Histogram h : seconds) j.value(h.getTotalCount() * 100);
        j.endArray().name("connections").beginArray();
        for (Histogram ignored : seconds) j.value(5);
        j.endArray().name("latency").beginObject().name("max").beginArray();
        for (Histogram h : seconds) j.value(h.getMaxValue() / 1e3);
        j.endArray().name("histograms").beginArray();
        for (Histogram h : seconds) j.value(Latency.of(h).encodedBase64());
        j.endArray().endObject().endObject();
        return j.endObject().toString();
    }

    /** {@code report} with a mix of two requests, each with {@code latencies[i]} (histograms kept when asked). */
    private static String withTargets(String report, List<Histogram> latencies, boolean histograms) {
        Json j = new Json().beginArray();
        for (int i = 0; i < latencies.size(); i++) {
            Histogram h = latencies.get(i);
            j.beginObject().field("label", "GET /" + i).field("weight", 1).field("responses", h.getTotalCount())
                    .field("share", 0.5).name("statusCodes").beginObject().field("2xx", h.getTotalCount() - 1)
                    .field("4xx", 1).field("other", 0).endObject().field("errors", i).name("latency");
            if (histograms) {
                JsonReport.targetLatencyJson(j, Latency.of(h));
            } else {
                j.beginObject().field("unit", "us").field("p50", JsonReport.micros(h.getValueAtPercentile(50)))
                        .field("p99", JsonReport.micros(h.getValueAtPercentile(99)))
                        .field("max", JsonReport.micros(h.getMaxValue())).field("count", h.getTotalCount()).endObject();
            }
            j.endObject();
        }
        String targets = j.endArray().toString();
        return report.substring(0, report.length() - 1) + ",\"targets\":" + targets + ",\"pick\":\"round-robin\"}";
    }

    /** The mix tests' two shards: each second's latencies, and per request (two of them) one of those seconds. */
    private final List<Histogram> mixA = seconds(0, 2);
    private final List<Histogram> mixB = seconds(1, 2);

    /** Two shards' reports of a two-request mix; the second keeps its per-request histograms only when asked. */
    private Path[] mixShards(boolean secondKeepsHistograms) throws IOException {
        return new Path[] {write("a.json", withTargets(report(0, 2, START_MS, mixA, "http://t/"), mixA, true)),
                write("b.json", withTargets(report(1, 2, START_MS + 5, mixB, "http://t/"), mixB,
                        secondKeepsHistograms))};
    }

    /** What {@code merge --json} made of the shards' {@code targets}. */
    private static List<?> mergedTargets(Path... shards) {
        Cli.Outcome o = Cli.execute("merge", "--json", shards[0].toString(), shards[1].toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        return (List<?>) MiniJson.at(MiniJson.parse(o.out()), "targets");
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void mergedCountsAreExactSumsAndPercentilesThoseOfEveryValueTogether() throws IOException {
        List<Histogram> a = seconds(0, 3);
        List<Histogram> b = seconds(1, 3);
        Path first = write("a.json", report(0, 2, START_MS, a, "http://t/"));
        Path second = write("b.json", report(1, 2, START_MS + 1007, b, "http://t/"));

        Cli.Outcome o = Cli.execute("merge", "--json", second.toString(), first.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object merged = MiniJson.parse(o.out());

        Histogram all = total(a);
        all.add(total(b));
        assertThat(MiniJson.at(merged, "requests.total")).isEqualTo((double) all.getTotalCount());
        assertThat(MiniJson.at(merged, "latency.count")).isEqualTo((double) all.getTotalCount());
        for (String p : new String[] {"p50", "p99", "p99_9", "p99_999"}) {
            double percentile = Double.parseDouble(p.substring(1).replace('_', '.'));
            assertThat(MiniJson.at(merged, "latency." + p)).as(p)
                    .isEqualTo(JsonReport.micros(all.getValueAtPercentile(percentile)));
        }
        assertThat(MiniJson.at(merged, "latency.max")).isEqualTo(JsonReport.micros(all.getMaxValue()));
        assertThat(MiniJson.at(merged, "errors.timeout")).isEqualTo(3.0);
        assertThat(MiniJson.at(merged, "statusCodes.5xx")).isEqualTo(6.0);
        assertThat(MiniJson.at(merged, "config.connections")).isEqualTo(10.0);
        assertThat(MiniJson.at(merged, "shards.startSkewMs")).isEqualTo(1007.0);
        assertThat(MiniJson.at(merged, "client.clientBound")).isEqualTo(true);
        assertThat((String) MiniJson.at(merged, "client.line")).contains("shard 1 of 2").contains("partly");

        // Shard 1 began a second later: four wall-clock seconds, the middle two with both shards in them.
        assertThat(MiniJson.at(merged, "series.startMs")).isEqualTo((double) START_MS);
        assertThat(MiniJson.at(merged, "series.responses")).isEqualTo(List.of((double) a.get(0).getTotalCount(),
                (double) (a.get(1).getTotalCount() + b.get(0).getTotalCount()),
                (double) (a.get(2).getTotalCount() + b.get(1).getTotalCount()), (double) b.get(2).getTotalCount()));
        assertThat(MiniJson.at(merged, "series.shards")).isEqualTo(List.of(1.0, 2.0, 2.0, 1.0));
        Histogram second2 = a.get(1).copy();
        second2.add(b.get(0));
        assertThat(((List<?>) MiniJson.at(merged, "series.latency.p99")).get(1))
                .isEqualTo(JsonReport.micros(second2.getValueAtPercentile(99)));
    }

    @Test
    void aMixsRequestsMergeTheirHistogramsExactly() throws IOException {
        Path[] shards = mixShards(true);
        List<?> targets = mergedTargets(shards);
        assertThat(targets).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Histogram all = mixA.get(i).copy();
            all.add(mixB.get(i));
            Object t = targets.get(i);
            assertThat(MiniJson.at(t, "label")).isEqualTo("GET /" + i);
            assertThat(MiniJson.at(t, "responses")).isEqualTo((double) all.getTotalCount());
            assertThat(MiniJson.at(t, "statusCodes.4xx")).isEqualTo(2.0);
            assertThat(MiniJson.at(t, "errors")).isEqualTo(2.0 * i);
            assertThat(MiniJson.at(t, "latency.count")).isEqualTo((double) all.getTotalCount());
            for (String p : new String[] {"p50", "p90", "p99"}) {
                assertThat(MiniJson.at(t, "latency." + p)).as(i + " " + p)
                        .isEqualTo(JsonReport.micros(all.getValueAtPercentile(Double.parseDouble(p.substring(1)))));
            }
            assertThat(MiniJson.at(t, "latency.max")).isEqualTo(JsonReport.micros(all.getMaxValue()));
            assertThat(ShardReports.decode((String) MiniJson.at(t, "latency.histogram"))).isEqualTo(all);
        }

        Cli.Outcome text = Cli.execute("merge", shards[0].toString(), shards[1].toString());
        Histogram all0 = mixA.get(0).copy();
        all0.add(mixB.get(0));
        assertThat(text.out()).contains("Requests (round-robin):")
                .containsPattern("GET /0 +" + Report.count(all0.getTotalCount()).replace(",", "\\,") + " ")
                .contains(Report.time(all0.getValueAtPercentile(99)));
    }

    @Test
    void aMixFromReportsWithoutRequestHistogramsMergesCountsAndLeavesPercentilesOut() throws IOException {
        Path[] shards = mixShards(false);
        Object t = mergedTargets(shards).get(1);
        assertThat(MiniJson.at(t, "latency.count")).isEqualTo((double) (mixA.get(1).getTotalCount()
                + mixB.get(1).getTotalCount()));
        assertThat(MiniJson.at(t, "latency.p99")).isNull();
        assertThat(((java.util.Map<?, ?>) MiniJson.at(t, "latency")).containsKey("histogram")).isFalse();
        assertThat(Cli.execute("merge", shards[0].toString(), shards[1].toString()).out())
                .containsPattern("GET /1 .* - +- *\\n");
    }

    @Test
    void textReportShowsTheShardsAndTheirSkew() throws IOException {
        Path first = write("a.json", report(0, 2, START_MS, seconds(0, 2), "http://t/"));
        Path second = write("b.json", report(1, 2, START_MS + 12, seconds(1, 2), "http://t/"));
        Path hlog = dir.resolve("merged.hlog");
        Path html = dir.resolve("merged.html");
        Cli.Outcome o = Cli.execute("merge", first.toString(), second.toString(), "--hlog", hlog.toString(),
                "--html", html.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("2 of 2 shards of GET http://t/").contains("Start skew: 12 ms")
                .contains("shard 0 (").contains("shard 1 (").contains("CLIENT-BOUND").contains("Req/Sec");
        assertThat(Files.readAllLines(hlog).stream().filter(l -> l.contains("Tag=latency"))).hasSize(2);
        assertThat(Files.readString(html)).contains("<html").contains("http://t/");
    }

    @Test
    void reportsOfDifferentRunsOrTheSameShardTwiceAreRefused() throws IOException {
        Path a = write("a.json", report(0, 2, START_MS, seconds(0, 1), "http://t/"));
        Path other = write("other.json", report(1, 2, START_MS, seconds(1, 1), "http://elsewhere/"));
        Path three = write("three.json", report(1, 3, START_MS, seconds(1, 1), "http://t/"));
        Path again = write("again.json", report(0, 2, START_MS, seconds(1, 1), "http://t/"));
        Path plain = write("plain.json", report(1, 2, START_MS, seconds(1, 1), "http://t/")
                .replaceFirst("\"shard\":\\{[^}]*},", ""));

        Cli.Outcome url = Cli.execute("merge", a.toString(), other.toString());
        assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err().strip()).contains("not shards of one run: config.url").doesNotContain("\n");
        assertThat(Cli.execute("merge", a.toString(), three.toString()).err()).contains("shard.count");
        assertThat(Cli.execute("merge", a.toString(), again.toString()).err()).contains("shard 0 is given twice");
        assertThat(Cli.execute("merge", a.toString(), plain.toString()).err()).contains("not a shard's report");
        assertThat(Cli.execute("merge", a.toString(), dir.resolve("none.json").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
