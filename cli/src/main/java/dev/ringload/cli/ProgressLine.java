package dev.ringload.cli;

import dev.ringload.engine.load.IntervalListener;
import dev.ringload.engine.load.SecondSample;
import dev.ringload.engine.os.Terminal;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The live status line: once a second, on a terminal's stderr, redrawn in place. Off when stderr is not a
 * terminal (a pipe, a file, CI logs) or with --quiet; it never touches stdout, so --json output stays one object.
 */
final class ProgressLine implements IntervalListener {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final double totalSeconds;
    private final double warmupSeconds;
    private final int connections;
    private boolean drawn;

    ProgressLine(PrintStream err, double totalSeconds, double warmupSeconds, int connections) {
        this.err = err;
        this.totalSeconds = totalSeconds;
        this.warmupSeconds = warmupSeconds;
        this.connections = connections;
    }

    /** The line for this run, or a listener that does nothing when it must stay off. */
    static IntervalListener forRun(boolean quiet, double totalSeconds, double warmupSeconds, int connections) {
        if (quiet || !Terminal.isTerminal(Terminal.STDERR)) {
            return IntervalListener.NONE;
        }
        return new ProgressLine(System.err, totalSeconds, warmupSeconds, connections);
    }

    @Override
    public void onSecond(SecondSample s, Histogram latency, Histogram service) {
        err.print(CLEAR_LINE + line(s));
        err.flush();
        drawn = true;
    }

    /** Removes the line before the report is printed. */
    void clear() {
        if (drawn) {
            err.print(CLEAR_LINE);
            err.flush();
            drawn = false;
        }
    }

    /** E.g. {@code [3s/10s] 152,331 req/s  p99 1.23 ms  errors 0  connections 100/100}. */
    String line(SecondSample s) {
        StringBuilder b = new StringBuilder();
        if (s.warmup()) {
            b.append(String.format(Locale.ROOT, "[warmup %.0fs/%.0fs] ", s.elapsedSeconds(), warmupSeconds));
        } else if (totalSeconds > 0) {
            b.append(String.format(Locale.ROOT, "[%.0fs/%.0fs] ", s.elapsedSeconds(), totalSeconds));
        } else {
            b.append(String.format(Locale.ROOT, "[%.0fs] ", s.elapsedSeconds()));
        }
        b.append(Report.count(s.responsesPerSecond())).append(" req/s");
        if (s.targetPerSecond() > 0) {
            b.append(" (target ").append(Report.count(s.targetPerSecond())).append(')');
        }
        b.append("  p99 ").append(s.latency().count() == 0 ? "-" : Report.time(s.latency().p99()));
        b.append("  errors ").append(s.errors());
        b.append("  connections ").append(s.openConnections()).append('/').append(connections);
        return b.toString();
    }
}
