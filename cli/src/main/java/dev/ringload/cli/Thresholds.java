package dev.ringload.cli;

import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.search.RunMeasured;
import dev.ringload.engine.search.Slo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --threshold EXPR} (k6's idea): pass/fail criteria judged after the run, each printed with its measured
 * value; any failure makes the exit code {@link ExitCodes#NOT_MET}. An interrupted run is not judged: its numbers
 * cover less than was asked for.
 */
final class Thresholds {

    /** One threshold as judged; {@code pass} is null when the run was not judged. */
    record Verdict(Slo threshold, String measured, double value, Boolean pass) {
    }

    private final List<Slo> thresholds;

    private Thresholds(List<Slo> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /** @throws IllegalArgumentException naming the malformed threshold */
    static Thresholds parse(List<String> texts) {
        List<Slo> parsed = new ArrayList<>();
        for (String text : texts) {
            try {
                parsed.add(Slo.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--threshold: " + e.getMessage().replaceFirst("^bad SLO", "bad threshold"));
            }
        }
        return new Thresholds(parsed);
    }

    boolean isEmpty() {
        return thresholds.isEmpty();
    }

    /** The verdicts on {@code run}; not judged (pass null) when it was interrupted or never connected. */
    List<Verdict> judge(RunResult run) {
        RunMeasured measured = RunMeasured.of(run);
        boolean judged = judged(run);
        List<Verdict> verdicts = new ArrayList<>();
        for (Slo t : thresholds) {
            verdicts.add(new Verdict(t, t.formatMeasured(measured), t.measuredValue(measured),
                    judged ? t.metBy(measured) : null));
        }
        return verdicts;
    }

    static boolean judged(RunResult run) {
        return !run.partial() && !run.unreachable();
    }

    static boolean anyFailed(List<Verdict> verdicts) {
        return verdicts.stream().anyMatch(v -> Boolean.FALSE.equals(v.pass()));
    }

    /** The text report's block: one line per threshold. */
    static void print(PrintWriter out, List<Verdict> verdicts, RunResult run) {
        if (verdicts.isEmpty()) {
            return;
        }
        if (!judged(run)) {
            out.println("Thresholds: not judged (the run was " + (run.partial() ? "interrupted" : "unreachable") + ")");
            return;
        }
        int width = verdicts.stream().mapToInt(v -> v.threshold().toString().length()).max().orElse(0);
        out.println("Thresholds:");
        for (Verdict v : verdicts) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %-14s %s%n", v.threshold(), v.measured(),
                    v.pass() ? "pass" : "FAIL");
        }
    }

    /** {@code thresholds}: one object per threshold ({@code pass} null when not judged). */
    static void json(Json j, List<Verdict> verdicts) {
        j.name("thresholds").beginArray();
        for (Verdict v : verdicts) {
            j.beginObject().field("expr", v.threshold().toString()).field("measured", v.measured())
                    .field("value", v.value()).name("pass");
            if (v.pass() == null) j.nullValue(); else j.value(v.pass());
            j.endObject();
        }
        j.endArray();
    }
}
