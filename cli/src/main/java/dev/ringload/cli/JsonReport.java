package dev.ringload.cli;

import dev.ringload.engine.load.ClientLoad;
import dev.ringload.engine.load.ClientStalls;
import dev.ringload.engine.load.Counter;
import dev.ringload.engine.load.ErrorKind;
import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.OpenLoopResult;
import dev.ringload.engine.load.Percentiles;
import dev.ringload.engine.load.SecondSample;
import dev.ringload.engine.load.RampPlan;
import dev.ringload.engine.load.RampResult;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.RunTotals;
import dev.ringload.engine.load.StepResult;
import dev.ringload.engine.load.TargetResult;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** A run, or a ramp, as exactly one JSON object (the README lists the fields). */
final class JsonReport {

    private JsonReport() {
    }

    static String run(RunResult r, RunDescription run, String error, List<Thresholds.Verdict> thresholds) {
        return run(r, run, error, thresholds, null);
    }

    /** @param secondHistograms each second's histograms for {@code series} (a shard's report), or null */
    static String run(RunResult r, RunDescription run, String error, List<Thresholds.Verdict> thresholds,
                      SecondHistograms secondHistograms) {
        Json j = new Json().beginObject();
        runFields(j, r, run, error, thresholds);
        seriesJson(j, r, secondHistograms);
        return j.endObject().toString();
    }

    /** The run's fields, then {@code ramp} (the plan and the knee) and {@code steps}. */
    static String ramp(RampResult r, RampPlan plan, RunDescription run, String error,
                       List<Thresholds.Verdict> thresholds) {
        Json j = new Json().beginObject();
        runFields(j, r.run(), run, error, thresholds);
        j.name("ramp").beginObject().name("steps").beginArray();
        for (int n : plan.steps()) j.value(n);
        j.endArray().field("stepSeconds", plan.stepNs() / 1e9).field("ratePerSecond", plan.ratePerSecond())
                .field("kneeStep", r.knee() == null ? -1 : r.knee().stepIndex())
                .field("knee", r.knee() == null ? null : Verdicts.kneeLine(r.knee())).endObject();
        j.name("steps").beginArray();
        for (StepResult s : r.steps()) {
            Latency h = s.latency();
            j.beginObject().field("connectionsRequested", s.requested())
                    .field("connectionsEstablished", s.established()).field("durationSeconds", s.durationNs() / 1e9)
                    .field("responses", s.responses()).field("requestsPerSecond", s.requestsPerSecond())
                    .name("latency").beginObject().field("unit", "us")
                    .field("p50", h.valueAtPercentileNs(50) / 1e3).field("p99", h.valueAtPercentileNs(99) / 1e3)
                    .field("mean", h.meanNs() / 1e3).field("max", h.maxNs() / 1e3)
                    .field("histogram", h.encodedBase64()).field("histogramUnit", "ns").endObject()
                    .field("errors", s.errors()).field("busyPercent", s.client().busyPercent())
                    .field("clientBound", s.client().clientBound())
                    .field("verdict", s.client().clientBound() ? "client-bound" : "not client-bound").endObject();
        }
        j.endArray();
        return j.endObject().toString();
    }

    private static void runFields(Json j, RunResult r, RunDescription run, String error,
                                  List<Thresholds.Verdict> thresholds) {
        LoadConfig c = r.config();
        Latency h = r.latency();
        RunTotals t = r.totals();
        j.field("command", "run").field("engine", r.engine()).field("engineReason", run.engineReason())
                .field("threads", c.threads()).field("startedAt", r.startedAt().toString())
                .field("measureStartEpochMs", r.startedAt().toEpochMilli())
                .field("durationSeconds", r.durationSeconds()).field("partial", r.partial());
        if (run.startAt() != null) {
            j.field("startAt", run.startAt().toString());
        }
        if (run.shard() != null) {
            j.name("shard");
            run.shard().json(j);
        }
        if (error != null) {
            j.field("error", error);
        }
        j.name("config").beginObject().field("url", run.url()).field("method", run.method())
                .name("headers").beginArray();
        for (String header : run.headers()) j.value(header);
        j.endArray().field("bodyBytes", run.bodyBytes()).field("connections", c.connections())
                .field("pipelining", c.pipelining()).field("threads", c.threads()).name("cpus").beginArray();
        for (int cpu : run.cpus()) j.value(cpu);
        j.endArray().field("durationSeconds", c.durationNs() / 1e9).field("mode", c.openLoop() ? "open-loop" : "closed-loop")
                .name("requests");
        if (c.requests() > 0) j.value(c.requests()); else j.nullValue();
        j.field("timeoutSeconds", c.timeoutNs() / 1e9).field("connectTimeoutSeconds", c.connectTimeoutNs() / 1e9)
                .field("warmupSeconds", c.warmupNs() / 1e9).field("warmupAuto", c.warmupAuto()).field("latencySpectrum", run.latencySpectrum())
                .name("sources").beginArray();
        for (InetAddress a : c.sources().addresses()) j.value(a.getHostAddress());
        j.endArray().endObject();
        j.name("target").beginObject().field("host", c.target().host()).field("port", c.target().port())
                .name("addresses").beginArray();
        for (InetAddress a : c.target().addresses()) j.value(a.getHostAddress());
        j.endArray().endObject();
        j.name("requests").beginObject().field("total", r.responses()).field("sent", t.get(Counter.REQUESTS_SENT))
                .field("average", r.requestsPerSecond()).name("perSecond");
        intervalJson(j, IntervalStats.of(r.perSecondResponses()));
        j.endObject();
        j.name("latency");
        latencyJson(j, h);
        OpenLoopResult open = r.openLoop();
        if (open != null) {
            j.name("serviceLatency");
            latencyJson(j, open.serviceLatency());
            j.name("scheduleLag");
            latencyJson(j, open.scheduleLag());
            String shortfall = Verdicts.shortfallLine(r);
            j.name("rate").beginObject().field("arrival", open.rate().arrival().label())
                    .field("targetFrom", open.rate().fromPerSecond()).field("targetTo", open.rate().toPerSecond())
                    .field("target", open.targetPerSecond()).field("achieved", r.requestsPerSecond())
                    .field("achievedShare", open.targetPerSecond() == 0 ? 0 : r.requestsPerSecond() / open.targetPerSecond())
                    .field("slotWaitShare", open.slotWaitShare())
                    .field("shortfall", open.shortfall(r).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .field("line", shortfall == null ? Verdicts.rateLine(r) : shortfall).endObject();
        }
        j.name("throughput").beginObject().field("bytesTotal", r.bytesRead()).name("perSecond");
        intervalJson(j, IntervalStats.of(r.perSecondBytes()));
        j.endObject();
        j.name("statusCodes").beginObject();
        long[] classes = t.statusClasses();
        for (int cls = 1; cls <= 5; cls++) j.field(cls + "xx", classes[cls]);
        for (int code = 100; code < RunTotals.statusCodeLimit(); code++) {
            if (t.status(code) > 0) j.field(Integer.toString(code), t.status(code));
        }
        if (classes[0] > 0) j.field("other", classes[0]);
        j.endObject();
        j.name("errors").beginObject().field("total", r.errors());
        for (ErrorKind kind : ErrorKind.values()) j.field(kind.jsonName(), t.errors(kind));
        j.endObject();
        j.name("anomalies").beginObject().field("latencyBelowZero", t.get(Counter.LATENCY_BELOW_ZERO)).endObject();
        j.name("connections").beginObject().field("requested", c.connections())
                .field("established", t.get(Counter.CONNECTIONS_ESTABLISHED))
                .field("reconnects", t.get(Counter.RECONNECTS))
                .field("inFlightAtStop", t.get(Counter.IN_FLIGHT_AT_STOP))
                .field("summary", Report.connectionLine(r)).endObject();
        j.name("warmup").beginObject().field("seconds", r.warmupNs() / 1e9).field("requests", r.warmupResponses())
                .endObject();
        j.name("client");
        clientJson(j, r.client());
        j.field("clientStall", Verdicts.stallLine(r));
        targetsJson(j, r, run);
        Thresholds.json(j, thresholds);
        j.field("thresholdsJudged", Thresholds.judged(r));
        j.name("environment");
        Environment.detect().json(j);
        j.name("provenance");
        run.provenance(c.target().address(), r.startedAt()).json(j);
    }

    /**
     * {@code series}: the measured phase second by second (full seconds), for plots and for {@code compare}'s
     * spread: responses, errors, connections open, latency percentiles in microseconds (null for a second without
     * responses) and, in an open loop, service latency and the target rate.
     */
    private static void seriesJson(Json j, RunResult r, SecondHistograms histograms) {
        List<SecondSample> seconds = r.seconds();
        j.name("series").beginObject().field("startMs", seconds.isEmpty() ? r.startedAt().toEpochMilli()
                : seconds.getFirst().startMs());
        numbers(j, "seconds", seconds, s -> Math.round(s.elapsedSeconds() * 1000) / 1000.0);
        numbers(j, "responses", seconds, s -> s.responses());
        numbers(j, "errors", seconds, s -> s.errors());
        numbers(j, "bytes", seconds, s -> s.bytes());
        numbers(j, "connections", seconds, s -> s.openConnections());
        j.name("latency");
        percentileSeries(j, seconds, SecondSample::latency,
                histograms == null ? null : histograms.latency(seconds.size()));
        if (r.openLoop() != null) {
            j.name("serviceLatency");
            percentileSeries(j, seconds, SecondSample::service,
                    histograms == null ? null : histograms.service(seconds.size()));
            numbers(j, "targetRate", seconds, SecondSample::targetPerSecond);
        }
        j.endObject();
    }

    private static void numbers(Json j, String name, List<SecondSample> seconds, ToDoubleFunction<SecondSample> value) {
        j.name(name).beginArray();
        for (SecondSample s : seconds) j.value(value.applyAsDouble(s));
        j.endArray();
    }

    /** Percentile columns; {@code histograms}: each second's encoded histogram too (nanoseconds), or null. */
    private static void percentileSeries(Json j, List<SecondSample> seconds, Function<SecondSample, Percentiles> of,
                                         List<String> histograms) {
        j.beginObject().field("unit", "us");
        record Column(String name, ToDoubleFunction<Percentiles> value) {
        }
        for (Column c : List.of(new Column("p50", Percentiles::p50), new Column("p90", Percentiles::p90),
                new Column("p99", Percentiles::p99), new Column("p99_9", Percentiles::p999),
                new Column("max", Percentiles::max))) {
            j.name(c.name()).beginArray();
            for (SecondSample s : seconds) j.value(c.value().applyAsDouble(of.apply(s)) / 1e3); // NaN: null
            j.endArray();
        }
        if (histograms != null) {
            j.name("histograms").beginArray();
            for (String h : histograms) j.value(h);
            j.endArray().field("histogramUnit", "ns");
        }
        j.endObject();
    }

    /**
     * {@code targets}: with --targets or --raw, one object per request of the mix (its label, weight, responses and
     * share, status classes, errors, latency with its histogram, so that {@code merge} adds shards' exactly); an empty
     * array otherwise.
     */
    private static void targetsJson(Json j, RunResult r, RunDescription run) {
        j.name("targets").beginArray();
        long all = r.targets().stream().mapToLong(TargetResult::responses).sum();
        for (TargetResult t : r.targets()) {
            long[] c = t.statusClasses();
            Latency h = t.latency();
            j.beginObject().field("label", run.mix() == null ? "" : run.mix().shapes().get(t.index()).label())
                    .field("weight", run.mix() == null ? 1 : run.mix().shapes().get(t.index()).weight())
                    .field("responses", t.responses()).field("share", all == 0 ? 0 : (double) t.responses() / all)
                    .name("statusCodes").beginObject();
            for (int cls = 1; cls <= 5; cls++) j.field(cls + "xx", c[cls]);
            j.field("other", c[0]).endObject().field("errors", t.errors()).name("latency");
            if (h == null) { // a mix too large to keep latency per request
                j.nullValue();
            } else {
                targetLatencyJson(j, h);
            }
            j.endObject();
        }
        j.endArray();
        if (run.mix() != null) {
            j.field("pick", run.mix().pick().label());
        }
    }

    /** One request of a mix: its few percentiles in microseconds and its histogram's encoding (nanoseconds). */
    static void targetLatencyJson(Json j, Latency h) {
        j.beginObject().field("unit", "us").field("p50", micros(h.valueAtPercentileNs(50)))
                .field("p90", micros(h.valueAtPercentileNs(90))).field("p99", micros(h.valueAtPercentileNs(99)))
                .field("max", micros(h.maxNs())).field("count", h.count())
                .field("histogram", h.encodedBase64()).field("histogramUnit", "ns").endObject();
    }

    /** Percentiles in microseconds, and HdrHistogram's encoding of the whole distribution (nanoseconds). */
    static void latencyJson(Json j, Latency h) {
        j.beginObject().field("unit", "us");
        for (double p : new double[] {2.5, 50, 75, 90, 97.5, 99, 99.9, 99.99, 99.999}) {
            j.field(Report.percentKey(p), micros(h.valueAtPercentileNs(p)));
        }
        j.field("min", micros(h.minNs())).field("max", micros(h.maxNs()))
                .field("mean", micros(h.meanNs())).field("stdev", micros(h.stdDeviationNs()))
                .field("count", h.count()).field("histogram", h.encodedBase64()).field("histogramUnit", "ns")
                .endObject();
    }

    private static void clientJson(Json j, ClientLoad c) {
        long[] cpu = c.threadCpuNs();
        long[] user = c.threadUserNs();
        long[] blocked = c.threadBlockedNs();
        j.beginObject().field("threads", c.threads()).field("busyPercent", round1(c.busyPercent()))
                .field("userPercent", round1(c.userPercent())).field("sysPercent", round1(c.sysPercent()))
                .field("clientBound", c.clientBound())
                .field("verdict", c.clientBound() ? "client-bound" : "not client-bound")
                .field("thresholdBusyPercent", ClientLoad.CLIENT_BOUND_BUSY_PERCENT)
                .field("line", Verdicts.clientLine(c)).name("perThread").beginArray();
        for (int i = 0; i < c.threads(); i++) {
            j.beginObject().field("busyPercent", round1(c.busyPercent(i))).field("cpuPercent", round1(c.cpuPercent(i)))
                    .field("cpuSeconds", cpu[i] / 1e9).field("userSeconds", user[i] / 1e9)
                    .field("blockedSeconds", blocked[i] / 1e9).endObject();
        }
        j.endArray().name("process").beginObject().field("userSeconds", c.processUserNs() / 1e9)
                .field("sysSeconds", c.processSysNs() / 1e9).endObject();
        ClientStalls s = c.stalls();
        j.name("stalls").beginObject().field("longestMs", s.longestNs() / 1e6).field("longestThread", s.longestThread())
                .name("longestPerThreadMs").beginArray();
        for (long ns : s.longestTurnNs()) {
            j.value(ns / 1e6);
        }
        j.endArray().name("descheduledPerThreadMs").beginArray();
        for (long ns : s.descheduledNs()) {
            j.value(ns < 0 ? -1 : ns / 1e6);
        }
        j.endArray().field("gcPauseMs", s.gcPauseMs()).field("jitMs", s.jitMs()).endObject().endObject();
    }

    static void intervalJson(Json j, IntervalStats s) {
        j.beginObject().field("mean", s.mean()).field("stdev", s.stdev()).field("min", s.min()).field("max", s.max())
                .field("p2_5", s.p2_5()).field("p50", s.p50()).field("p97_5", s.p97_5()).field("samples", s.samples())
                .endObject();
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double micros(double nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }
}
