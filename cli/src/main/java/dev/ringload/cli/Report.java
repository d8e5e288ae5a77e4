package dev.ringload.cli;

import dev.ringload.engine.load.Counter;
import dev.ringload.engine.load.ErrorKind;
import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.TargetResult;
import dev.ringload.engine.load.OpenLoopRate;
import dev.ringload.engine.load.OpenLoopResult;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.RunTotals;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** Formats a {@link RunResult} for people: tables modelled on autocannon and wrk ({@link JsonReport} for machines). */
final class Report {

    /** The per-request table's columns, in the text reports of run and merge. */
    static final String[] TARGET_COLUMNS =
            {"Request", "Responses", "Share", "2xx", "3xx", "4xx", "5xx", "Other", "Errors", "p50", "p99"};

    static final double[] SPECTRUM = {50, 75, 90, 99, 99.9, 99.99, 99.999, 100};

    private Report() {
    }

    static String header(LoadConfig config, RunDescription run, String engine) {
        StringBuilder s = new StringBuilder();
        String length = config.requests() > 0 && config.durationNs() <= 0 ? config.requests() + " requests"
                : config.requests() > 0 ? config.requests() + " requests (at most " + seconds(config.durationNs()) + ")"
                : seconds(config.durationNs()) + " test";
        s.append("Running ").append(length).append(" @ ").append(run.url()).append('\n');
        s.append("  ").append(config.connections()).append(" connections, pipelining ").append(config.pipelining())
                .append(", ").append(config.threads()).append(config.threads() == 1 ? " thread" : " threads")
                .append(" (engine ").append(engine);
        if (run.cpus().length > 0) {
            s.append(", cpus ").append(cpuList(run.cpus()));
        }
        s.append(")\n");
        StringJoiner addresses = new StringJoiner(", ");
        for (InetAddress a : config.target().addresses()) {
            addresses.add(a.getHostAddress());
        }
        s.append("  ").append(config.target().host()).append(" resolved to ").append(addresses)
                .append(config.target().addresses().size() > 1 ? " (connecting to the first)" : "").append('\n');
        OpenLoopRate rate = config.rate();
        if (rate != null) {
            s.append("  open loop at ").append(rate.ramps() ? count(rate.fromPerSecond()) + " -> "
                    + count(rate.toPerSecond()) + " req/s (linear over the duration)" : count(rate.fromPerSecond())
                    + " req/s").append(", ").append(rate.arrival().label())
                    .append(" arrivals; latency counts from each request's intended send time\n");
        }
        if (run.shard() != null) {
            s.append("  shard ").append(run.shard().shard()).append(" of a run of ").append(run.shard().runConnections())
                    .append(" connections: these are its share (ringload merge joins the shards' --json reports)\n");
        }
        if (run.startAt() != null) {
            s.append("  measuring from ").append(run.startAt()).append(": connecting and warming up before it\n");
        }
        if (config.warmupAuto()) {
            s.append("  warming up until the client is warm, at most ").append(seconds(config.warmupNs()))
                    .append(" (not measured; --warmup 0 for none)\n");
        } else if (config.warmupNs() > 0) {
            s.append("  warming up for ").append(seconds(config.warmupNs())).append(" first (not measured)\n");
        }
        return s.toString();
    }

    static void human(PrintWriter out, RunResult r, RunDescription run) {
        Latency h = r.latency();
        out.println();
        String[] head = {"Latency", "2.5%", "50%", "97.5%", "99%", "Avg", "Stdev", "Max"};
        OpenLoopResult open = r.openLoop();
        if (open == null) {
            table(out, head, latencyRow("", h));
        } else {
            table(out, head, latencyRow("corrected", h), latencyRow("service", open.serviceLatency()),
                    latencyRow("sched lag", open.scheduleLag()));
        }
        out.println();
        IntervalStats rps = IntervalStats.of(r.perSecondResponses());
        IntervalStats bps = IntervalStats.of(r.perSecondBytes());
        table(out, new String[] {"", "2.5%", "50%", "97.5%", "Avg", "Stdev", "Min"},
                new String[] {"Req/Sec", count(rps.p2_5()), count(rps.p50()), count(rps.p97_5()), count(rps.mean()),
                        count(rps.stdev()), count(rps.min())},
                new String[] {"Bytes/Sec", bytes(bps.p2_5()), bytes(bps.p50()), bytes(bps.p97_5()), bytes(bps.mean()),
                        bytes(bps.stdev()), bytes(bps.min())});
        out.printf(Locale.ROOT, "(over %d one-second samples)%n", rps.samples());
        if (run.latencySpectrum()) {
            out.println();
            out.println("Latency distribution");
            for (double p : SPECTRUM) {
                out.printf(Locale.ROOT, "  %8s  %s%n", percentLabel(p), time(h.valueAtPercentileNs(p)));
            }
        }
        out.println();
        RunTotals t = r.totals();
        out.printf(Locale.ROOT, "%s requests in %.2fs, %s read (%s req/s)%s%n", count(r.responses()), r.durationSeconds(),
                bytes(r.bytesRead()), count(r.requestsPerSecond()), r.partial() ? "  [PARTIAL: interrupted]" : "");
        if (open != null) {
            out.println("Rate: " + Verdicts.rateLine(r));
            String shortfall = Verdicts.shortfallLine(r);
            if (shortfall != null) {
                out.println(shortfall);
            }
        }
        out.println("Status codes: " + statusLine(t));
        out.println("Errors: " + errorLine(t));
        if (t.get(Counter.LATENCY_BELOW_ZERO) > 0) {
            out.println("ANOMALY: " + count(t.get(Counter.LATENCY_BELOW_ZERO)) + " latencies came out below zero and "
                    + "were recorded as 1 ns: ringload read the wrong time stamp or the clock went backwards; the "
                    + "latency figures are suspect (please report it)");
        }
        out.println("Connections: " + connectionLine(r));
        if (r.warmupNs() > 0) {
            out.printf(Locale.ROOT, "Warmup: %s requests in %.2fs (excluded)%n", count(r.warmupResponses()),
                    r.warmupNs() / 1e9);
        }
        targetTable(out, r, run);
        out.println("Engine: " + r.engine());
        out.println(Verdicts.clientLine(r.client()));
        String stall = Verdicts.stallLine(r);
        if (stall != null) {
            out.println(stall);
        }
        out.flush();
    }

    static String[] latencyRow(String name, Latency h) {
        return new String[] {name, time(h.valueAtPercentileNs(2.5)), time(h.valueAtPercentileNs(50)),
                time(h.valueAtPercentileNs(97.5)), time(h.valueAtPercentileNs(99)), time(h.meanNs()),
                time(h.stdDeviationNs()), time(h.maxNs())};
    }

    /** With more than one request (--targets, --raw): one row per request of the mix. */
    static void targetTable(PrintWriter out, RunResult r, RunDescription run) {
        List<TargetResult> targets = r.targets();
        if (targets.size() < 2 || run.mix() == null) {
            return;
        }
        long all = targets.stream().mapToLong(TargetResult::responses).sum();
        List<String[]> rows = new ArrayList<>();
        for (TargetResult t : targets) {
            long[] c = t.statusClasses();
            Latency h = t.latency();
            rows.add(new String[] {run.mix().shapes().get(t.index()).label(), count(t.responses()),
                    String.format(Locale.ROOT, "%.1f%%", all == 0 ? 0 : 100.0 * t.responses() / all), count(c[2]),
                    count(c[3]), count(c[4]), count(c[5]), count(c[0] + c[1]), count(t.errors()),
                    h == null || h.count() == 0 ? "-" : time(h.valueAtPercentileNs(50)),
                    h == null || h.count() == 0 ? "-" : time(h.valueAtPercentileNs(99))});
        }
        out.println("Requests (" + run.mix().pick().label() + "):");
        table(out, TARGET_COLUMNS, rows.toArray(String[][]::new));
    }

    /**
     * A request's row of that table from its JSON ({@code targets[i]} of a run's or a merged report, for merge and
     * the HTML page): {@code -} where a figure is absent.
     */
    static String[] targetRow(Map<?, ?> t) {
        Double share = JsonReader.number(t, "share");
        Double other = JsonReader.number(t, "statusCodes.other");
        Double informational = JsonReader.number(t, "statusCodes.1xx");
        return new String[] {t.get("label") == null ? "" : t.get("label").toString(),
                countOrDash(JsonReader.number(t, "responses")),
                share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share),
                countOrDash(JsonReader.number(t, "statusCodes.2xx")),
                countOrDash(JsonReader.number(t, "statusCodes.3xx")),
                countOrDash(JsonReader.number(t, "statusCodes.4xx")),
                countOrDash(JsonReader.number(t, "statusCodes.5xx")),
                other == null && informational == null ? "-"
                        : count((other == null ? 0 : other) + (informational == null ? 0 : informational)),
                countOrDash(JsonReader.number(t, "errors")), microsOrDash(JsonReader.number(t, "latency.p50")),
                microsOrDash(JsonReader.number(t, "latency.p99"))};
    }

    static String countOrDash(Double n) {
        return n == null ? "-" : count(n);
    }

    /** Microseconds, as a report's JSON holds latency, shown as {@link #time}; {@code -} when absent (the JSON writes
     * a NaN, a percentile no histogram gave, as null). */
    static String microsOrDash(Double us) {
        return us == null ? "-" : time(us * 1e3);
    }

    /** Requested vs established, and the connect errors behind any difference. */
    static String connectionLine(RunResult r) {
        RunTotals t = r.totals();
        long established = t.get(Counter.CONNECTIONS_ESTABLISHED);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d requested, %d established",
                r.config().connections(), established));
        if (t.get(Counter.RECONNECTS) > 0) {
            s.append(", ").append(t.get(Counter.RECONNECTS)).append(" reconnects");
        }
        if (established < r.config().connections()) {
            StringJoiner why = new StringJoiner(", ");
            for (ErrorKind kind : ErrorKind.values()) {
                if (kind.isConnect() && t.errors(kind) > 0) {
                    why.add(kind.label() + " " + t.errors(kind));
                }
            }
            s.append(" (").append(why.length() == 0 ? "still connecting at the stop" : why.toString()).append(')');
        }
        return s.toString();
    }

    static String statusLine(RunTotals t) {
        long[] classes = t.statusClasses();
        StringJoiner s = new StringJoiner(", ");
        for (int c = 1; c <= 5; c++) {
            if (classes[c] > 0) {
                s.add(c + "xx " + classes[c]);
            }
        }
        if (classes[0] > 0) {
            s.add("other " + classes[0]);
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    static String errorLine(RunTotals t) {
        StringJoiner s = new StringJoiner(", ");
        for (ErrorKind kind : ErrorKind.values()) {
            if (t.errors(kind) > 0) {
                s.add(kind.label() + " " + t.errors(kind));
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    static String percentKey(double p) {
        return "p" + percentNumber(p).replace('.', '_');
    }

    private static String percentLabel(double p) {
        return percentNumber(p) + "%";
    }

    /** {@code 99} for 99.0, {@code 99.9} for 99.9. */
    static String percentNumber(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    static String time(double nanos) {
        if (nanos < TimeUnit.MILLISECONDS.toNanos(1)) return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        if (nanos < TimeUnit.SECONDS.toNanos(1)) return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String count(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    static String bytes(double n) {
        if (n < 1024) return String.format(Locale.ROOT, "%.0f B", n);
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", n / 1024);
        if (n < 1024.0 * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", n / 1024 / 1024);
        return String.format(Locale.ROOT, "%.2f GB", n / 1024 / 1024 / 1024);
    }

    private static String seconds(long ns) {
        double s = ns / 1e9;
        return s == Math.rint(s) ? (long) s + "s" : String.format(Locale.ROOT, "%.3gs", s);
    }

    static String cpuList(int[] cpus) {
        return Arrays.toString(cpus).replaceAll("[\\[\\] ]", "");
    }

    static void table(PrintWriter out, String[] head, String[]... rows) {
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] row : rows) width[i] = Math.max(width[i], row[i].length());
        }
        printRow(out, head, width);
        for (String[] row : rows) printRow(out, row, width);
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i == 0) {
                s.append(String.format(Locale.ROOT, "%-" + width[0] + "s", cells[0]));
            } else {
                s.append("  ").append(String.format(Locale.ROOT, "%" + width[i] + "s", cells[i]));
            }
        }
        out.println(s.toString().stripTrailing());
    }
}
