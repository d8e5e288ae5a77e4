package dev.ringload.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code ringload compare A.json B.json}: two runs side by side, and for each number whether it moved by more than
 * the runs' own second-to-second noise, so a 3% "improvement" inside a 10% wobble is not mistaken for one.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {
                "Compare two reports of ringload run --json side by side.",
                "Rows: req/s, latency p50, p90, p99, p99.9 and max, errors. Columns: A, B, the change from A to B "
                        + "in percent, and whether the change is significant: larger than the runs' own "
                        + "second-to-second spread.",
                "  req/s    |B-A| > 2 x max(stdev of A's req/s per second, stdev of B's)",
                "  latency  the same over each percentile's per-second series",
                "           (series.latency in the report; n/a when a report has none)",
                "  errors   either non-zero and |B-A| > 2 x sqrt(max(A, B)) (Poisson noise)",
                "A header line per report shows what was run; a warning says when URL, connections, pipelining, "
                        + "engine or mode differ."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared", "  2  a file is missing, unreadable, not JSON or not a ringload run report"})
final class CompareCommand implements Callable<Integer> {

    /** A compared number: where it is in a report, and where its per-second series is (null: none). */
    private record Metric(String name, String label, String unit, String path, String seriesPath) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("requestsPerSecond", "req/s", "1/s", "requests.average", null),
            new Metric("latencyP50", "latency p50", "us", "latency.p50", "series.latency.p50"),
            new Metric("latencyP90", "latency p90", "us", "latency.p90", "series.latency.p90"),
            new Metric("latencyP99", "latency p99", "us", "latency.p99", "series.latency.p99"),
            new Metric("latencyP99_9", "latency p99.9", "us", "latency.p99_9", "series.latency.p99_9"),
            new Metric("latencyMax", "latency max", "us", "latency.max", "series.latency.max"),
            new Metric("errors", "errors", "", "errors.total", null));

    /** The settings that make two runs comparable at all, as (label, path in the report). */
    private static final List<String[]> CONFIG = List.of(new String[] {"url", "config.url"},
            new String[] {"connections", "config.connections"}, new String[] {"pipelining", "config.pipelining"},
            new String[] {"engine", "engine"}, new String[] {"mode", "config.mode"});

    /**
     * One row of the comparison.
     *
     * @param changePercent (B-A)/A in percent; null when A is 0 and B is not
     * @param spread        the noise the change is measured against (stdev, or sqrt for errors); null when unknown
     * @param significant   null when it cannot be said (no spread)
     */
    record Row(String name, String label, String unit, double a, double b, Double changePercent, Double spread,
               Boolean significant) {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The baseline: a report of ringload run --json.")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B.json", description = "The report compared with it.")
    Path fileB;

    @Option(names = "--json", description = "Print the comparison as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Object a;
        Object b;
        try {
            a = load(fileA);
            b = load(fileB);
        } catch (IllegalArgumentException e) {
            err.println("ringload compare: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<Row> rows = compare(a, b);
        List<String> differences = configDifferences(a, b);
        if (json) {
            out.println(json(fileA, a, fileB, b, rows, differences));
        } else {
            out.println("A: " + fileA + ": " + describe(a));
            out.println("B: " + fileB + ": " + describe(b));
            if (!differences.isEmpty()) {
                out.println("warning: the runs differ in " + String.join(", ", differences)
                        + "; the comparison is not like for like");
            }
            out.println();
            table(out, rows);
            if (rows.stream().anyMatch(r -> r.significant() == null)) {
                out.println("n/a: no per-second spread to judge by (a run under two seconds, or a report without "
                        + "series.latency)");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Reads a run report; the exception's message is the one-line reason, naming the file. */
    static Object load(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + " is a directory, not a report");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not JSON (not UTF-8 text)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Object report;
        try {
            report = JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not JSON (" + e.getMessage() + ")");
        }
        if (!(JsonReader.at(report, "requests") instanceof Map)) {
            throw new IllegalArgumentException(file + " is not a ringload run report (no \"requests\" object)");
        }
        for (Metric m : METRICS) {
            if (JsonReader.number(report, m.path()) == null) {
                throw new IllegalArgumentException(file + " is not a ringload run report (no number at " + m.path() + ")");
            }
        }
        return report;
    }

    /** The rows, A against B; both reports passed {@link #load}. */
    static List<Row> compare(Object a, Object b) {
        List<Row> rows = new ArrayList<>();
        for (Metric m : METRICS) {
            double va = JsonReader.number(a, m.path());
            double vb = JsonReader.number(b, m.path());
            Double change = null;
            if (va != 0) {
                change = (vb - va) / va * 100;
            } else if (vb == 0) {
                change = 0.0;
            }
            Double spread;
            Boolean significant;
            if (m.name().equals("errors")) {
                // Error counts are rare events: their noise is a Poisson count's, sqrt(n), not a per-second stdev.
                spread = Math.sqrt(Math.max(va, vb));
                significant = (va != 0 || vb != 0) && Math.abs(vb - va) > 2 * spread;
            } else {
                // Twice the larger per-second stdev of the two: a change the runs' own wobble could not produce.
                spread = m.seriesPath() == null ? requestsSpread(a, b)
                        : larger(stdev(JsonReader.array(a, m.seriesPath())), stdev(JsonReader.array(b, m.seriesPath())));
                significant = spread == null ? null : Math.abs(vb - va) > 2 * spread;
            }
            rows.add(new Row(m.name(), m.label(), m.unit(), va, vb, change, spread, significant));
        }
        return rows;
    }

    /** The larger of the two runs' stdev of req/s per second; null when either has fewer than two seconds. */
    private static Double requestsSpread(Object a, Object b) {
        return larger(perSecondStdev(a), perSecondStdev(b));
    }

    private static Double perSecondStdev(Object report) {
        Double samples = JsonReader.number(report, "requests.perSecond.samples");
        if (samples != null && samples < 2) {
            return null;
        }
        return JsonReader.number(report, "requests.perSecond.stdev");
    }

    /**
     * Population standard deviation of a per-second series, as {@link IntervalStats} computes it. Nulls (a second
     * without responses has no latency) are skipped; null when fewer than two numbers remain.
     */
    static Double stdev(List<?> series) {
        if (series == null) {
            return null;
        }
        double[] values = series.stream().filter(Double.class::isInstance).mapToDouble(Double.class::cast).toArray();
        if (values.length < 2) {
            return null;
        }
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        return Math.sqrt(squares / values.length);
    }

    private static Double larger(Double x, Double y) {
        return x == null || y == null ? null : Math.max(x, y);
    }

    /** "connections 100 vs 200" for each comparability setting that differs. */
    static List<String> configDifferences(Object a, Object b) {
        List<String> differences = new ArrayList<>();
        for (String[] setting : CONFIG) {
            Object va = JsonReader.at(a, setting[1]);
            Object vb = JsonReader.at(b, setting[1]);
            if (!Objects.equals(va, vb)) {
                differences.add(setting[0] + " " + plain(va) + " vs " + plain(vb));
            }
        }
        return differences;
    }

    private static String describe(Object report) {
        return plain(JsonReader.at(report, "config.url")) + ", " + plain(JsonReader.at(report, "config.connections"))
                + " connections, pipelining " + plain(JsonReader.at(report, "config.pipelining")) + ", engine "
                + plain(JsonReader.at(report, "engine")) + ", " + plain(JsonReader.at(report, "config.mode")) + ", "
                + plain(JsonReader.at(report, "durationSeconds")) + "s";
    }

    /** A report value as text: 100 rather than 100.0, "?" when absent. */
    private static String plain(Object value) {
        if (value == null) {
            return "?";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static void table(PrintWriter out, List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"", "A", "B", "change", "significant?"});
        for (Row r : rows) {
            lines.add(new String[] {r.label(), cell(r, r.a()), cell(r, r.b()),
                    r.changePercent() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", r.changePercent()),
                    r.significant() == null ? "n/a" : r.significant() ? "yes" : "no"});
        }
        int[] width = new int[5];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) width[i] = Math.max(width[i], line[i].length());
        }
        for (String[] line : lines) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width[0] + "s", line[0]));
            for (int i = 1; i < 4; i++) s.append("  ").append(String.format(Locale.ROOT, "%" + width[i] + "s", line[i]));
            s.append("  ").append(line[4]);
            out.println(s.toString().stripTrailing());
        }
    }

    private static String cell(Row r, double value) {
        return r.unit().equals("us") ? Report.time(value * 1e3) : Report.count(value);
    }

    static String json(Path fileA, Object a, Path fileB, Object b, List<Row> rows, List<String> differences) {
        Json j = new Json().beginObject();
        side(j.name("a"), fileA, a);
        side(j.name("b"), fileB, b);
        j.name("configDifferences").beginArray();
        for (String d : differences) j.value(d);
        j.endArray().name("rows").beginArray();
        for (Row r : rows) {
            j.beginObject().field("metric", r.name()).field("label", r.label()).field("unit", r.unit())
                    .field("a", r.a()).field("b", r.b());
            nullable(j.name("changePercent"), r.changePercent());
            nullable(j.name("spread"), r.spread());
            j.name("significant");
            if (r.significant() == null) j.nullValue(); else j.value(r.significant().booleanValue());
            j.endObject();
        }
        return j.endArray().endObject().toString();
    }

    private static void side(Json j, Path file, Object report) {
        j.beginObject().field("file", file.toString());
        for (String[] setting : CONFIG) {
            j.name(setting[0]);
            any(j, JsonReader.at(report, setting[1]));
        }
        j.name("durationSeconds");
        any(j, JsonReader.at(report, "durationSeconds"));
        j.endObject();
    }

    private static void any(Json j, Object value) {
        switch (value) {
            case Double d -> j.value(d.doubleValue());
            case Boolean flag -> j.value(flag.booleanValue());
            case String s -> j.value(s);
            case null, default -> j.nullValue();
        }
    }

    private static void nullable(Json j, Double value) {
        if (value == null) j.nullValue(); else j.value(value.doubleValue());
    }
}
