package dev.ringload.cli;

import dev.ringload.engine.load.ClientLoad;
import dev.ringload.engine.load.ErrorKind;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.WorkerStats;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** Formats a {@link RunResult} for people (tables modelled on autocannon and wrk) and as one JSON object. */
final class Report {

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
        if (config.warmupNs() > 0) {
            s.append("  warming up for ").append(seconds(config.warmupNs())).append(" first (not measured)\n");
        }
        return s.toString();
    }

    static void human(PrintWriter out, RunResult r, RunDescription run) {
        Histogram h = r.latencyNs();
        out.println();
        table(out, new String[] {"Latency", "2.5%", "50%", "97.5%", "99%", "Avg", "Stdev", "Max"},
                new String[] {"", time(h.getValueAtPercentile(2.5)), time(h.getValueAtPercentile(50)),
                        time(h.getValueAtPercentile(97.5)), time(h.getValueAtPercentile(99)), time(h.getMean()),
                        time(h.getStdDeviation()), time(h.getMaxValue())});
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
                out.printf(Locale.ROOT, "  %8s  %s%n", percentLabel(p), time(h.getValueAtPercentile(p)));
            }
        }
        out.println();
        WorkerStats t = r.totals();
        out.printf(Locale.ROOT, "%s requests in %.2fs, %s read (%s req/s)%s%n", count(r.responses()), r.durationSeconds(),
                bytes(r.bytesRead()), count(r.requestsPerSecond()), r.partial() ? "  [PARTIAL: interrupted]" : "");
        out.println("Status codes: " + statusLine(t));
        out.println("Errors: " + errorLine(t));
        out.println("Connections: " + connectionLine(r));
        if (r.warmupNs() > 0) {
            out.printf(Locale.ROOT, "Warmup: %s requests in %.2fs (excluded)%n", count(r.warmupResponses()),
                    r.warmupNs() / 1e9);
        }
        out.println("Engine: " + r.engine());
        out.println(r.client().verdictLine());
        out.flush();
    }

    /** Requested vs established, and the connect errors behind any difference. */
    static String connectionLine(RunResult r) {
        WorkerStats t = r.totals();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d requested, %d established",
                r.config().connections(), t.connectionsEstablished));
        if (t.reconnects > 0) {
            s.append(", ").append(t.reconnects).append(" reconnects");
        }
        if (t.connectionsEstablished < r.config().connections()) {
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

    private static void clientJson(Json j, ClientLoad c) {
        j.beginObject().field("threads", c.threads()).field("busyPercent", round1(c.busyPercent()))
                .field("userPercent", round1(c.userPercent())).field("sysPercent", round1(c.sysPercent()))
                .field("clientBound", c.clientBound())
                .field("verdict", c.clientBound() ? "client-bound" : "not client-bound")
                .field("thresholdBusyPercent", ClientLoad.CLIENT_BOUND_BUSY_PERCENT)
                .field("line", c.verdictLine()).name("perThread").beginArray();
        for (int i = 0; i < c.threads(); i++) {
            j.beginObject().field("busyPercent", round1(c.busyPercent(i))).field("cpuPercent", round1(c.cpuPercent(i)))
                    .field("cpuSeconds", c.threadCpuNs()[i] / 1e9).field("userSeconds", c.threadUserNs()[i] / 1e9)
                    .field("blockedSeconds", c.threadBlockedNs()[i] / 1e9).endObject();
        }
        j.endArray().name("process").beginObject().field("userSeconds", c.processUserNs() / 1e9)
                .field("sysSeconds", c.processSysNs() / 1e9).endObject().endObject();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String statusLine(WorkerStats t) {
        long[] classes = new long[6];
        for (int code = 0; code < t.statusCodes.length; code++) {
            classes[code / 100] += t.statusCodes[code];
        }
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

    static String errorLine(WorkerStats t) {
        StringJoiner s = new StringJoiner(", ");
        for (ErrorKind kind : ErrorKind.values()) {
            if (t.errors(kind) > 0) {
                s.add(kind.label() + " " + t.errors(kind));
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    static String json(RunResult r, RunDescription run, String error) {
        LoadConfig c = r.config();
        Histogram h = r.latencyNs();
        WorkerStats t = r.totals();
        Json j = new Json().beginObject();
        j.field("engine", r.engine()).field("engineReason", run.engineReason())
                .field("threads", c.threads()).field("startedAt", r.startedAt().toString())
                .field("durationSeconds", r.durationSeconds()).field("partial", r.partial());
        if (error != null) {
            j.field("error", error);
        }
        j.name("config").beginObject().field("url", run.url()).field("method", run.method())
                .name("headers").beginArray();
        for (String header : run.headers()) j.value(header);
        j.endArray().field("bodyBytes", run.bodyBytes()).field("connections", c.connections())
                .field("pipelining", c.pipelining()).field("threads", c.threads()).name("cpus").beginArray();
        for (int cpu : run.cpus()) j.value(cpu);
        j.endArray().field("durationSeconds", c.durationNs() / 1e9).name("requests");
        if (c.requests() > 0) j.value(c.requests()); else j.nullValue();
        j.field("timeoutSeconds", c.timeoutNs() / 1e9).field("connectTimeoutSeconds", c.connectTimeoutNs() / 1e9)
                .field("warmupSeconds", c.warmupNs() / 1e9).field("latencySpectrum", run.latencySpectrum())
                .endObject();
        j.name("target").beginObject().field("host", c.target().host()).field("port", c.target().port())
                .name("addresses").beginArray();
        for (InetAddress a : c.target().addresses()) j.value(a.getHostAddress());
        j.endArray().endObject();
        j.name("requests").beginObject().field("total", r.responses()).field("sent", t.requestsSent)
                .field("average", r.requestsPerSecond()).name("perSecond");
        intervalJson(j, IntervalStats.of(r.perSecondResponses()));
        j.endObject();
        j.name("latency").beginObject().field("unit", "us");
        for (double p : new double[] {2.5, 50, 75, 90, 97.5, 99, 99.9, 99.99, 99.999}) {
            j.field(percentKey(p), micros(h.getValueAtPercentile(p)));
        }
        j.field("min", micros(h.getMinValue())).field("max", micros(h.getMaxValue()))
                .field("mean", micros(h.getMean())).field("stdev", micros(h.getStdDeviation()))
                .field("count", h.getTotalCount()).endObject();
        j.name("throughput").beginObject().field("bytesTotal", r.bytesRead()).name("perSecond");
        intervalJson(j, IntervalStats.of(r.perSecondBytes()));
        j.endObject();
        j.name("statusCodes").beginObject();
        long[] classes = new long[6];
        for (int code = 0; code < t.statusCodes.length; code++) classes[code / 100] += t.statusCodes[code];
        for (int cls = 1; cls <= 5; cls++) j.field(cls + "xx", classes[cls]);
        for (int code = 100; code < t.statusCodes.length; code++) {
            if (t.statusCodes[code] > 0) j.field(Integer.toString(code), t.statusCodes[code]);
        }
        if (classes[0] > 0) j.field("other", classes[0]);
        j.endObject();
        j.name("errors").beginObject().field("total", r.errors());
        for (ErrorKind kind : ErrorKind.values()) j.field(kind.jsonName(), t.errors(kind));
        j.endObject();
        j.name("connections").beginObject().field("requested", c.connections())
                .field("established", t.connectionsEstablished).field("reconnects", t.reconnects)
                .field("inFlightAtStop", t.inFlightAtStop).field("summary", connectionLine(r)).endObject();
        j.name("warmup").beginObject().field("seconds", r.warmupNs() / 1e9).field("requests", r.warmupResponses())
                .endObject();
        j.name("client");
        clientJson(j, r.client());
        j.name("environment");
        Environment.detect().json(j);
        return j.endObject().toString();
    }

    private static void intervalJson(Json j, IntervalStats s) {
        j.beginObject().field("mean", s.mean()).field("stdev", s.stdev()).field("min", s.min()).field("max", s.max())
                .field("p2_5", s.p2_5()).field("p50", s.p50()).field("p97_5", s.p97_5()).field("samples", s.samples())
                .endObject();
    }

    static String percentKey(double p) {
        String s = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace('.', '_');
        return "p" + s;
    }

    private static String percentLabel(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    private static double micros(double nanos) {
        return Math.round(nanos / 10.0) / 100.0;
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

    private static void table(PrintWriter out, String[] head, String[]... rows) {
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
