package dev.ringload.cli;

import dev.ringload.engine.load.ClientLoad;
import dev.ringload.engine.load.ClientStalls;
import dev.ringload.engine.load.Knee;
import dev.ringload.engine.load.OpenLoopResult;
import dev.ringload.engine.load.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-line conclusions people read: the client-bound verdict and a ramp's knee, with the flags to change. */
final class Verdicts {

    private static final String ADD_CLIENT_CORES = "add threads/cores (--threads/--cpus) or hosts";

    private Verdicts() {
    }

    /** The verdict printed at the end of every run. */
    static String clientLine(ClientLoad c) {
        ClientStalls stalls = c.stalls();
        String head = String.format(Locale.ROOT, "client: %d thread%s, %.0f%% busy (user %.0f%%, sys %.0f%%)%s",
                c.threads(), c.threads() == 1 ? "" : "s", c.busyPercent(), c.userPercent(), c.sysPercent(),
                stalls.longestTurnNs().length == 0 ? "" : ", longest stall " + Report.time(stalls.longestNs()));
        return c.clientBound()
                ? head + " -> CLIENT-BOUND: these numbers are ringload's limit, not the server's; " + ADD_CLIENT_CORES
                : head + " -> not client-bound";
    }

    /**
     * When part of the latency tail may be ringload's own: a worker went at least a millisecond without reading
     * completions, and some of p99, p99.9, p99.99 and the maximum are of that order (see
     * {@link ClientStalls#mayExplain}). Null otherwise.
     */
    static String stallLine(RunResult r) {
        ClientStalls s = r.client().stalls();
        List<String> tail = new ArrayList<>();
        double[] percentiles = {99, 99.9, 99.99};
        for (double p : percentiles) {
            double ns = r.latency().valueAtPercentileNs(p);
            if (s.mayExplain(ns)) {
                tail.add("p" + Report.percentNumber(p) + " (" + Report.time(ns) + ")");
            }
        }
        if (s.mayExplain(r.latency().maxNs())) {
            tail.add("the maximum (" + Report.time(r.latency().maxNs()) + ")");
        }
        if (tail.isEmpty()) {
            return null;
        }
        long descheduled = s.descheduledTotalNs();
        return String.format(Locale.ROOT, "CLIENT STALL: thread %d went %s without reading completions; %s may be "
                + "ringload's, not the server's (during the run: engine threads descheduled %s, GC pauses %d ms, JIT "
                + "compiling %d ms)", s.longestThread(), Report.time(s.longestNs()), String.join(", ", tail),
                descheduled < 0 ? "unknown" : Report.time(descheduled), s.gcPauseMs(), s.jitMs());
    }

    /** Open loop: the rate asked for, the rate achieved, and how long requests waited for a free slot. */
    static String rateLine(RunResult r) {
        OpenLoopResult open = r.openLoop();
        return String.format(Locale.ROOT, "target %,.0f req/s%s, achieved %,.0f req/s (%.2f%%); requests waited for a "
                + "free connection slot %.1f%% of the time", open.targetPerSecond(),
                open.rate().ramps() ? " (mean of the ramp)" : "", r.requestsPerSecond(), achievedPercent(r),
                100 * open.slotWaitShare());
    }

    /** Open loop: why the achieved rate fell below 99% of the target, or null when it did not. */
    static String shortfallLine(RunResult r) {
        OpenLoopResult open = r.openLoop();
        // Rounded down: a rate just short of 99% never reads "99.0%".
        String head = String.format(Locale.ROOT, "RATE NOT HELD: achieved %.1f%% of the target: ",
                Math.floor(achievedPercent(r) * 10) / 10);
        return switch (open.shortfall(r)) {
            case NONE -> null;
            case CLIENT_BOUND -> head + "the client was busy (see the client line); that is ringload's limit, not the "
                    + "server's; " + ADD_CLIENT_CORES;
            case SLOTS -> {
                int slots = r.config().connections() * r.config().pipelining();
                yield head + String.format(Locale.ROOT, "every connection slot was in use %.0f%% of the time; %d slots "
                        + "(-c x -p) at the mean service latency of %s carry at most %,.0f req/s: raise -c or -p "
                        + "(unless the server is at its limit)", 100 * open.slotWaitShare(), slots,
                        Report.time(open.serviceLatency().meanNs()), open.slotCapacityPerSecond(slots));
            }
            case SERVER -> head + String.format(Locale.ROOT, "the server did not answer at that rate (service latency "
                    + "mean %s, p99 %s; requests waited for a free slot %.0f%% of the time)",
                    Report.time(open.serviceLatency().meanNs()), Report.time(open.serviceLatency().valueAtPercentileNs(99)),
                    100 * open.slotWaitShare());
        };
    }

    private static double achievedPercent(RunResult r) {
        double target = r.openLoop().targetPerSecond();
        return target == 0 ? 0 : 100 * r.requestsPerSecond() / target;
    }

    /** Where a ramp stopped scaling, and whose limit that was. */
    static String kneeLine(Knee knee) {
        if (knee.stillScaling()) {
            return String.format(Locale.ROOT, "throughput still scaling at the last step (%d connections, %,.0f req/s)",
                    knee.connections(), knee.requestsPerSecond());
        }
        String at = String.format(Locale.ROOT, "~%d connections (%,.0f req/s)", knee.connections(),
                knee.requestsPerSecond());
        if (knee.clientBound()) {
            return String.format(Locale.ROOT, "throughput stops scaling at %s, but the client was the bound there "
                    + "(%.0f%% busy): that is ringload's limit, not the server's; %s", at, knee.busyPercent(),
                    ADD_CLIENT_CORES);
        }
        return "throughput stops scaling at " + at;
    }
}
