package dev.ringload.cli;

import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.RampPlan;
import dev.ringload.engine.load.StepResult;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** The report of a connection ramp: one row per step, the knee, the totals. */
final class RampReport {

    private RampReport() {
    }

    static String header(LoadConfig config, RampPlan plan, RunDescription run, String engine) {
        String steps = Arrays.toString(plan.steps()).replaceAll("[\\[\\] ]", "");
        return String.format(Locale.ROOT, "Ramping %s connections, %.3gs per step @ %s%n  pipelining %d, %d thread%s"
                        + " (engine %s%s), new connections opened %s%n", steps, plan.stepNs() / 1e9, run.url(),
                config.pipelining(), config.threads(), config.threads() == 1 ? "" : "s", engine,
                run.cpus().length == 0 ? "" : ", cpus " + Report.cpuList(run.cpus()),
                plan.ratePerSecond() > 0 ? String.format(Locale.ROOT, "%.0f per second", plan.ratePerSecond())
                        : "within each step's first second");
    }

    static void human(PrintWriter out, LoadRun.RampResult r) {
        out.println();
        String[] head = {"Conns req/est", "Req/Sec", "p50", "p99", "Errors", "Busy", "Verdict"};
        String[][] rows = new String[r.steps().size()][];
        for (int i = 0; i < rows.length; i++) {
            StepResult s = r.steps().get(i);
            rows[i] = new String[] {s.requested() + "/" + s.established(), Report.count(s.requestsPerSecond()),
                    Report.time(s.p50Ns()), Report.time(s.p99Ns()), Long.toString(s.errors()),
                    String.format(Locale.ROOT, "%.0f%%", s.client().busyPercent()),
                    s.client().clientBound() ? "CLIENT-BOUND" : "not client-bound"};
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
            for (String[] row : rows) width[c] = Math.max(width[c], row[c].length());
        }
        printRow(out, head, width);
        for (String[] row : rows) printRow(out, row, width);
        out.println();
        if (r.knee() != null) {
            out.println(r.knee().message());
        }
        out.printf(Locale.ROOT, "%s requests in %.2fs of measured steps%s%n", Report.count(r.run().responses()),
                r.run().durationSeconds(), r.run().partial() ? "  [PARTIAL: interrupted]" : "");
        out.println("Status codes: " + Report.statusLine(r.run().totals()));
        out.println("Errors: " + Report.errorLine(r.run().totals()));
        out.println("Connections: " + Report.connectionLine(r.run()));
        out.println("Engine: " + r.run().engine());
        out.println(r.run().client().verdictLine() + " (last step)");
        out.flush();
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            s.append(c == 0 ? String.format(Locale.ROOT, "%-" + width[c] + "s", cells[c])
                    : "  " + String.format(Locale.ROOT, "%" + width[c] + "s", cells[c]));
        }
        out.println(s.toString().stripTrailing());
    }

    static String json(LoadRun.RampResult r, RampPlan plan, RunDescription run, String error) {
        String base = Report.json(r.run(), run, error);
        Json steps = new Json().beginArray();
        for (StepResult s : r.steps()) {
            Histogram h = s.latencyNs();
            steps.beginObject().field("connectionsRequested", s.requested())
                    .field("connectionsEstablished", s.established()).field("durationSeconds", s.durationNs() / 1e9)
                    .field("responses", s.responses()).field("requestsPerSecond", s.requestsPerSecond())
                    .name("latency").beginObject().field("unit", "us")
                    .field("p50", h.getValueAtPercentile(50) / 1e3).field("p99", h.getValueAtPercentile(99) / 1e3)
                    .field("mean", h.getMean() / 1e3).field("max", h.getMaxValue() / 1e3)
                    .field("histogram", encode(h)).field("histogramUnit", "ns").endObject()
                    .field("errors", s.errors()).field("busyPercent", s.client().busyPercent())
                    .field("clientBound", s.client().clientBound())
                    .field("verdict", s.client().clientBound() ? "client-bound" : "not client-bound").endObject();
        }
        steps.endArray();
        Json ramp = new Json().beginObject().name("steps").beginArray();
        for (int n : plan.steps()) ramp.value(n);
        ramp.endArray().field("stepSeconds", plan.stepNs() / 1e9).field("ratePerSecond", plan.ratePerSecond())
                .field("kneeStep", r.knee() == null ? -1 : r.knee().stepIndex())
                .field("knee", r.knee() == null ? null : r.knee().message()).endObject();
        // Splice "ramp" and "steps" into the run's object.
        return base.substring(0, base.length() - 1) + ",\"ramp\":" + ramp + ",\"steps\":" + steps + "}";
    }

    /** HdrHistogram's compressed, base64 form (as in its .hlog files): decode with Histogram.fromString-style readers. */
    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }
}
