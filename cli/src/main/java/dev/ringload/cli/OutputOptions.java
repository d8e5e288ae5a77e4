package dev.ringload.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a run's results go besides the report on stdout, and what they must meet (a picocli mixin). */
final class OutputOptions {

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Pass/fail after the run, repeatable: p99<10ms, p50<=2ms, max<1s, errors<0.1%%, "
                    + "rps>100000. Any failure exits 99; not judged on an interrupted run.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--hlog", paramLabel = "FILE",
            description = "Write an HdrHistogram interval log: one histogram per second, tagged warmup, latency and "
                    + "(open loop) service.")
    Path hlog;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = {"-q", "--quiet"}, description = "No live status line on stderr (it is off anyway when stderr is "
            + "not a terminal).")
    boolean quiet;

    /**
     * The options checked before the run: malformed thresholds and output files that cannot be written are
     * refused now, not after minutes of load.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    Outputs resolve() {
        Thresholds parsed = Thresholds.parse(thresholds);
        checkWritable(hlog, "--hlog");
        checkWritable(html, "--html");
        return new Outputs(parsed, hlog, html, quiet);
    }

    /** Refuses a path whose file (or directory, for a new file) cannot be written. */
    static void checkWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory");
        }
        Path parent = absolute.getParent();
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : parent == null || !Files.isDirectory(parent)
                || !Files.isWritable(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be written"
                    + (parent != null && !Files.isDirectory(parent) ? " (no such directory " + parent + ")" : ""));
        }
    }

    /** The resolved outputs of one run. */
    record Outputs(Thresholds thresholds, Path hlog, Path html, boolean quiet) {
        static final Outputs NONE = new Outputs(Thresholds.parse(List.of()), null, null, false);
    }
}
