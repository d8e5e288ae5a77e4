package dev.ringload.cli;

import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.search.JudgedStep;
import dev.ringload.engine.search.RateSearchResult;
import dev.ringload.engine.search.Slo;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What {@code find-max} prints: on a terminal a header, one table row per step as it ends, and the conclusion;
 * with {@code --json} one object at the end with every step and the conclusion.
 */
final class FindMaxReport {

    private static final String ROW = "%4s  %12s  %14s  %9s  %9s  %7s  %11s  %s%n";

    private final String url;
    private final List<Slo> slos;
    private final RunDescription description;
    private final String engine;
    private final PrintWriter out;
    private final boolean json;
    private final List<StepRow> rows = new ArrayList<>();
    private final InetAddress target;
    private final Instant startedAt;
    private double startRate;
    private RunResult probe;
    private Duration step;
    private Duration warmup;

    /** A step as measured and judged, with its run for the JSON's percentiles. */
    private record StepRow(JudgedStep judged, RunResult run) {
    }

    FindMaxReport(String url, List<Slo> slos, RunDescription description, String engine, InetAddress target,
                  PrintWriter out, boolean json) {
        this.target = target;
        this.startedAt = Instant.now();
        this.url = url;
        this.slos = List.copyOf(slos);
        this.description = description;
        this.engine = engine;
        this.out = out;
        this.json = json;
    }

    void header(LoadOptions load, int threads, double startRate, RunResult probe, Duration step, Duration warmup) {
        this.startRate = startRate;
        this.probe = probe;
        this.step = step;
        this.warmup = warmup;
        if (json) {
            return;
        }
        out.println("Finding the max sustainable rate @ " + url);
        out.printf(Locale.ROOT, "  SLOs: %s; %d connections, pipelining %d, %d thread%s (engine %s%s)%n", sloList(),
                load.connections, load.pipelining, threads, threads == 1 ? "" : "s", engine,
                description.cpus().length > 0 ? ", cpus " + Report.cpuList(description.cpus()) : "");
        if (probe != null) {
            out.printf(Locale.ROOT, "  probe: %s closed loop: %s req/s -> first step at %s req/s (a quarter)%n",
                    seconds(FindMaxCommand.PROBE), Report.count(probe.requestsPerSecond()), Report.count(startRate));
        }
        out.printf(Locale.ROOT, "  each step: %s warmup + %s measured at a constant rate, fresh connections%n%n",
                seconds(warmup), seconds(step));
        out.printf(Locale.ROOT, ROW, "step", "target req/s", "achieved req/s", "p50", "p99", "errors", "client busy",
                "verdict");
        out.flush();
    }

    void interruptedDuringProbe() {
        if (json) {
            Json j = new Json().beginObject().field("command", "find-max").field("url", url).field("partial", true)
                    .field("error", "interrupted during the probe").endObject();
            out.println(j);
        } else {
            out.println("interrupted during the probe: no step was measured");
        }
        out.flush();
    }

    void step(JudgedStep judged, RunResult run) {
        rows.add(new StepRow(judged, run));
        if (json) {
            return;
        }
        Latency h = run.latency();
        out.printf(Locale.ROOT, ROW, rows.size(), Report.count(judged.targetRate()),
                Report.count(run.requestsPerSecond()), h.count() == 0 ? "-" : Report.time(h.valueAtPercentileNs(50)),
                h.count() == 0 ? "-" : Report.time(h.valueAtPercentileNs(99)), percent(judged.step()),
                String.format(Locale.ROOT, "%.0f%%%s", run.client().busyPercent(),
                        run.client().clientBound() ? " BOUND" : ""), judged.verdict());
        out.flush();
    }

    /** Prints the conclusion (or, with --json, the whole report) and returns the JSON report. */
    String conclusion(RateSearchResult result) {
        String line = conclusionLine(result);
        String client = clientLine(result);
        String report = json(result, line, client);
        if (json) {
            out.println(report);
        } else {
            out.println();
            out.println(line);
            if (client != null) {
                out.println(client);
            }
        }
        out.flush();
        return report;
    }

    /** {@code max sustainable rate: N req/s (p99 X at N req/s)}, or why there is none. */
    static String conclusionLine(RateSearchResult result) {
        var best = result.best();
        String answer = best.map(b -> String.format(Locale.ROOT, "%s req/s (p99 %s at %s req/s)",
                Report.count(b.targetRate()), Report.time(b.step().measured().valueAtPercentileNs(99)),
                Report.count(b.step().achievedRate()))).orElse(null);
        String above = result.lowestFailure().map(f -> String.format(Locale.ROOT, "; %s req/s failed: %s",
                Report.count(f.targetRate()), f.verdict())).orElse("");
        return switch (result.outcome()) {
            case CONVERGED -> "max sustainable rate: " + answer + above;
            case STEP_LIMIT -> answer == null ? "no rate met the SLOs before the step limit (--max-steps)" + above
                    : "max sustainable rate: at least " + answer + " (the step limit, --max-steps, ended the search)"
                    + above;
            case NO_RATE_MET -> "no rate met the SLOs, down to 1 req/s" + above;
            case INTERRUPTED -> answer == null ? "interrupted before any rate met the SLOs"
                    : "interrupted: best rate so far " + answer;
        };
    }

    /** When the client was the bound at the answer (or just above it): whose limit the answer is. */
    private static String clientLine(RateSearchResult result) {
        if (!result.clientBound()) {
            return null;
        }
        return "CLIENT-BOUND: the client was the bound at that rate, so this is ringload's limit, not the "
                + "server's; add threads/cores (--threads/--cpus) or hosts";
    }

    private String json(RateSearchResult result, String line, String client) {
        Json j = new Json().beginObject().field("command", "find-max").field("url", url)
                .field("engine", engine).field("engineReason", description.engineReason())
                .field("partial", result.partial()).name("slos").beginArray();
        for (Slo slo : slos) j.value(slo.toString());
        j.endArray().field("startRate", startRate).field("stepSeconds", step.toNanos() / 1e9)
                .field("warmupSeconds", warmup.toNanos() / 1e9);
        j.name("probe");
        if (probe == null) {
            j.nullValue();
        } else {
            j.beginObject().field("seconds", probe.durationSeconds()).field("requestsPerSecond",
                    probe.requestsPerSecond()).endObject();
        }
        j.name("steps").beginArray();
        for (StepRow row : rows) {
            JudgedStep s = row.judged();
            Latency h = row.run().latency();
            j.beginObject().field("target", s.targetRate()).field("achieved", s.step().achievedRate())
                    .field("achievedShare", s.step().achievedShare()).field("responses", s.step().responses())
                    .field("errors", s.step().errors()).field("errorShare", errorShare(s))
                    .name("latency").beginObject().field("unit", "us");
            for (double p : new double[] {50, 90, 99, 99.9}) {
                j.field(Report.percentKey(p), h.count() == 0 ? 0 : h.valueAtPercentileNs(p) / 1e3);
            }
            j.field("max", h.count() == 0 ? 0 : h.maxNs() / 1e3).field("histogram", h.encodedBase64())
                    .field("histogramUnit", "ns").endObject()
                    .field("busyPercent", s.step().clientBusyPercent()).field("clientBound", s.step().clientBound())
                    .field("good", s.good()).field("verdict", s.verdict()).endObject();
        }
        j.endArray().name("conclusion").beginObject().field("outcome", result.outcome().name().toLowerCase(Locale.ROOT)
                .replace('_', '-')).name("maxRate");
        if (result.maxRate().isPresent()) j.value(result.maxRate().getAsDouble()); else j.nullValue();
        j.field("clientBound", result.clientBound()).field("line", line).field("clientLine", client).endObject();
        j.name("environment");
        Environment.detect().json(j);
        j.name("provenance");
        description.provenance(target, startedAt).json(j);
        return j.endObject().toString();
    }

    private static double errorShare(JudgedStep s) {
        long ended = s.step().responses() + s.step().errors();
        return ended == 0 ? 0 : (double) s.step().errors() / ended;
    }

    private static String percent(dev.ringload.engine.search.RateStep step) {
        long ended = step.responses() + step.errors();
        return String.format(Locale.ROOT, "%.2f%%", ended == 0 ? 0 : 100.0 * step.errors() / ended);
    }

    private String sloList() {
        StringJoiner s = new StringJoiner(", ");
        slos.forEach(slo -> s.add(slo.toString()));
        return s.toString();
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? (long) s + "s" : String.format(Locale.ROOT, "%.3gs", s);
    }
}
