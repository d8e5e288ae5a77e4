package dev.ringload.cli;

import dev.ringload.engine.load.ClientLoad;
import dev.ringload.engine.load.Knee;

import java.util.Locale;

/** The one-line conclusions people read: the client-bound verdict and a ramp's knee, with the flags to change. */
final class Verdicts {

    private static final String ADD_CLIENT_CORES = "add threads/cores (--threads/--cpus) or hosts";

    private Verdicts() {
    }

    /** The verdict printed at the end of every run. */
    static String clientLine(ClientLoad c) {
        String head = String.format(Locale.ROOT, "client: %d thread%s, %.0f%% busy (user %.0f%%, sys %.0f%%)",
                c.threads(), c.threads() == 1 ? "" : "s", c.busyPercent(), c.userPercent(), c.sysPercent());
        return c.clientBound()
                ? head + " -> CLIENT-BOUND: these numbers are ringload's limit, not the server's; " + ADD_CLIENT_CORES
                : head + " -> not client-bound";
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
