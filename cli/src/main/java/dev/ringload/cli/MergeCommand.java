package dev.ringload.cli;

import dev.ringload.engine.load.SecondSample;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ringload merge SHARD.json...}: one report from the JSON reports of a run's shards. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        description = {
                "Join the --json reports of a run's shards into one report.",
                "The shards are runs with --shard I/N (and usually --start-at). Latency histograms are added exactly, counts summed, the per-second series summed by wall-clock "
                        + "second; each shard's client verdict is kept, and how far apart the shards began measuring "
                        + "is shown. Reports of different runs (URL, method, options, shard count) or the same shard "
                        + "twice are refused."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  merged",
                "  1  --html or --hlog could not be written",
                "  2  a file is missing or unreadable, not a shard's report, or the reports are not of one run",
        })
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD.json", description = "What each shard's ringload run --json printed.")
    List<Path> inputs;

    @Option(names = "--json", description = "Print the merged report as one JSON object (a run's schema plus shards).")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the merged report as an HTML page.")
    Path html;

    @Option(names = "--hlog", paramLabel = "FILE",
            description = "Also write the merged seconds as an HdrHistogram interval log (shard reports keep each "
                    + "second's histogram).")
    Path hlog;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShardMerge.Merged merged;
        try {
            if (html != null) OutputOptions.checkWritable(html, "--html");
            if (hlog != null) OutputOptions.checkWritable(hlog, "--hlog");
            List<ShardReports.Part> parts = new ArrayList<>();
            for (Path input : inputs) {
                parts.add(read(input));
            }
            merged = ShardMerge.merge(parts);
        } catch (IllegalArgumentException e) {
            err.println("ringload merge: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (!merged.missing().isEmpty()) {
            err.println("ringload merge: warning: shard" + (merged.missing().size() == 1 ? " " : "s ")
                    + merged.missing().toString().replaceAll("[\\[\\]]", "") + " missing: the report covers "
                    + merged.parts().size() + " shards of " + (merged.parts().size() + merged.missing().size()));
            err.flush();
        }
        if (json) {
            out.println(merged.json());
        } else {
            human(out, merged);
        }
        out.flush();
        if (html != null && !HtmlOutput.write(merged.json(), html, err)) {
            return ExitCodes.FAILURE;
        }
        if (hlog != null && !writeHlog(merged, hlog, err)) {
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static ShardReports.Part read(Path input) {
        try {
            Object parsed = JsonReader.parse(Files.readString(input, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> report)) {
                throw new IllegalArgumentException(input + " is not a ringload JSON report");
            }
            return new ShardReports.Part(input.toString(), report);
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage());
        }
    }

    /** The text report: the run's latency and rate tables, then one line per shard. */
    static void human(PrintWriter out, ShardMerge.Merged m) {
        Map<?, ?> r = (Map<?, ?>) JsonReader.parse(m.json());
        out.printf(Locale.ROOT, "ringload merge: %d of %s shards of %s %s%n", m.parts().size(),
                plain(JsonReader.at(r, "shards.count")), JsonReader.at(r, "config.method"), JsonReader.at(r, "config.url"));
        out.println();
        String[] head = {"Latency", "2.5%", "50%", "97.5%", "99%", "Avg", "Stdev", "Max"};
        if (m.service() == null) {
            Report.table(out, head, Report.latencyRow("", m.latency()));
        } else {
            Report.table(out, head, Report.latencyRow("corrected", m.latency()),
                    Report.latencyRow("service", m.service()), Report.latencyRow("sched lag", m.scheduleLag()));
        }
        out.println();
        IntervalStats rps = IntervalStats.of(m.series().responses());
        Report.table(out, new String[] {"", "2.5%", "50%", "97.5%", "Avg", "Stdev", "Min"},
                new String[] {"Req/Sec", Report.count(rps.p2_5()), Report.count(rps.p50()), Report.count(rps.p97_5()),
                        Report.count(rps.mean()), Report.count(rps.stdev()), Report.count(rps.min())});
        out.printf(Locale.ROOT, "(over %d one-second samples, summed by wall-clock second)%n", rps.samples());
        out.println();
        out.printf(Locale.ROOT, "%s requests in %.2fs, %s read (%s req/s)%s%n",
                Report.count(ShardReports.number(r, "requests.total")), ShardReports.number(r, "durationSeconds"),
                Report.bytes(ShardReports.number(r, "throughput.bytesTotal")),
                Report.count(ShardReports.number(r, "requests.average")),
                Boolean.TRUE.equals(r.get("partial")) ? "  [PARTIAL]" : "");
        if (JsonReader.at(r, "rate.line") != null) {
            out.println("Rate: " + JsonReader.at(r, "rate.line"));
        }
        out.println("Status codes: " + counts((Map<?, ?>) r.get("statusCodes")));
        out.println("Errors: " + counts((Map<?, ?>) r.get("errors")));
        targetTable(out, r);
        out.printf(Locale.ROOT, "Start skew: %d ms between the first and the last shard to begin measuring%n",
                Math.round(ShardReports.number(r, "shards.startSkewMs")));
        for (Object o : JsonReader.array(r, "shards.parts")) {
            Map<?, ?> s = (Map<?, ?>) o;
            out.printf(Locale.ROOT, "  shard %s (%s): %s requests, %s req/s, p99 %s, %s errors%s%n", plain(s.get("index")),
                    s.get("host") == null ? s.get("file") : s.get("host"), Report.count(ShardReports.number(s, "responses")),
                    Report.count(ShardReports.number(s, "requestsPerSecond")),
                    Report.time(ShardReports.number(s, "p99Us") * 1e3), plain(s.get("errors")),
                    Boolean.TRUE.equals(s.get("clientBound")) ? "  CLIENT-BOUND" : "");
        }
        out.println(JsonReader.at(r, "client.line"));
    }

    /** A mix of more than one request: the run's per-request table, from the merged {@code targets}. */
    private static void targetTable(PrintWriter out, Map<?, ?> r) {
        List<?> targets = JsonReader.array(r, "targets");
        if (targets == null || targets.size() < 2) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (Object t : targets) {
            rows.add(Report.targetRow((Map<?, ?>) t));
        }
        out.println("Requests (" + r.get("pick") + "):");
        Report.table(out, Report.TARGET_COLUMNS, rows.toArray(String[][]::new));
    }

    /** Non-zero counts of a summed object, e.g. {@code 2xx=1000, timeout=3}. */
    private static String counts(Map<?, ?> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (v instanceof Double d && d != 0 && !"total".equals(k)) {
                b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(Report.count(d));
            }
        });
        return b.isEmpty() ? "none" : b.toString();
    }

    private static String plain(Object v) {
        return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
    }

    /** The merged seconds whose histograms every shard kept, as an interval log tagged {@code latency}/{@code service}. */
    private static boolean writeHlog(ShardMerge.Merged m, Path file, PrintWriter err) {
        try (HlogWriter log = new HlogWriter(file)) {
            for (Map.Entry<Long, MergedSeries.Second> e : m.series().seconds.entrySet()) {
                long endMs = e.getKey() * 1000;
                MergedSeries.Second s = e.getValue();
                Histogram latency = s.latencyComplete ? s.latency : null;
                if (latency == null) {
                    continue;
                }
                latency.setStartTimeStamp(endMs - 1000);
                latency.setEndTimeStamp(endMs);
                Histogram service = s.serviceComplete ? s.service : null;
                if (service != null) {
                    service.setStartTimeStamp(endMs - 1000);
                    service.setEndTimeStamp(endMs);
                }
                log.onSecond(new SecondSample(false, endMs - 1000, endMs, 0, s.responses, s.bytes, s.errors,
                        s.connections, s.targetRate, null, null), latency, service);
            }
            return true;
        } catch (IOException e) {
            err.println("ringload merge: --hlog " + file + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
