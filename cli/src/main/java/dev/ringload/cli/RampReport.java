package dev.ringload.cli;

import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.RampPlan;
import dev.ringload.engine.load.RampResult;
import dev.ringload.engine.load.StepResult;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/** A connection ramp for people: one row per step, the knee, the totals ({@link JsonReport#ramp} for machines). */
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

    static void human(PrintWriter out, RampResult r) {
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
            out.println(Verdicts.kneeLine(r.knee()));
        }
        out.printf(Locale.ROOT, "%s requests in %.2fs of measured steps%s%n", Report.count(r.run().responses()),
                r.run().durationSeconds(), r.run().partial() ? "  [PARTIAL: interrupted]" : "");
        out.println("Status codes: " + Report.statusLine(r.run().totals()));
        out.println("Errors: " + Report.errorLine(r.run().totals()));
        out.println("Connections: " + Report.connectionLine(r.run()));
        out.println("Engine: " + r.run().engine());
        out.println(Verdicts.clientLine(r.run().client()) + " (last step)");
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
}
