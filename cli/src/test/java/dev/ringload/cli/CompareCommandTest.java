package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandTest {

    @TempDir
    Path dir;

    /** What a fixture run measured; the report around it is {@link #json()}. */
    private record Run(String engine, int connections, double rps, double rpsStdev, double[] latencyUs, long errors,
                       Double seriesWobbleUs) {

        Run with(double rps, double rpsStdev) {
            return new Run(engine, connections, rps, rpsStdev, latencyUs, errors, seriesWobbleUs);
        }

        Run latency(double... us) {
            return new Run(engine, connections, rps, rpsStdev, us, errors, seriesWobbleUs);
        }

        Run errors(long n) {
            return new Run(engine, connections, rps, rpsStdev, latencyUs, n, seriesWobbleUs);
        }

        Run wobble(Double us) {
            return new Run(engine, connections, rps, rpsStdev, latencyUs, errors, us);
        }

        Run config(String engine, int connections) {
            return new Run(engine, connections, rps, rpsStdev, latencyUs, errors, seriesWobbleUs);
        }

        /**
         * The fields compare reads, shaped as JsonReport writes them. Each latency series is {v-w, null, v, v+w}:
         * a second without responses, and a population stdev of w*sqrt(2/3).
         */
        String json() {
            String series = "";
            if (seriesWobbleUs != null) {
                String[] keys = {"p50", "p90", "p99", "p99_9", "max"};
                StringBuilder s = new StringBuilder(",\"series\":{\"latency\":{");
                for (int i = 0; i < keys.length; i++) {
                    double v = latencyUs[i];
                    s.append(i == 0 ? "" : ",").append('"').append(keys[i]).append("\":[").append(v - seriesWobbleUs)
                            .append(",null,").append(v).append(',').append(v + seriesWobbleUs).append(']');
                }
                series = s.append("}}").toString();
            }
            return """
                    {"engine":"%s","engineReason":"io_uring usable","threads":2,"startedAt":"2025-01-02T03:04:05Z",
                     "durationSeconds":10.0,"partial":false,
                     "config":{"url":"http://10.0.0.5:8080/","method":"GET","headers":[],"bodyBytes":0,
                       "connections":%d,"pipelining":1,"threads":2,"cpus":[0,1],"durationSeconds":10,
                       "mode":"closed-loop","requests":null},
                     "requests":{"total":%s,"sent":%s,"average":%s,
                       "perSecond":{"mean":%s,"stdev":%s,"min":0,"max":0,"p2_5":0,"p50":0,"p97_5":0,"samples":10}},
                     "latency":{"unit":"us","p50":%s,"p90":%s,"p99":%s,"p99_9":%s,"max":%s,"min":1,"mean":1,
                       "stdev":1,"count":100,"histogram":"","histogramUnit":"ns"},
                     "errors":{"total":%d,"connect":%d,"timeout":0}%s}
                    """.formatted(engine, connections, rps * 10, rps * 10, rps, rps, rpsStdev, latencyUs[0],
                    latencyUs[1], latencyUs[2], latencyUs[3], latencyUs[4], errors, errors, series);
        }
    }

    private static final Run A = new Run("io_uring", 100, 10_000, 100, new double[] {100, 200, 500, 900, 2000}, 100,
            5.0);

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * {@code ringload compare ...} with captured output: through Main once it registers the command, until then
     * the command alone, driven the way {@link Cli} drives Main.
     */
    private static Cli.Outcome compare(Object... args) {
        String[] strings = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        if (Main.commandLine().getSubcommands().containsKey("compare")) {
            String[] withCommand = new String[strings.length + 1];
            withCommand[0] = "compare";
            System.arraycopy(strings, 0, withCommand, 1, strings.length);
            return Cli.execute(withCommand);
        }
        CommandLine cmd = new CommandLine(new CompareCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exitCode = cmd.execute(strings);
        return new Cli.Outcome(exitCode, out.toString(), err.toString());
    }

    /** The table row whose label is {@code label}, split into its cells. */
    private static List<String> row(Cli.Outcome o, String label) {
        return o.out().lines().map(l -> List.of(l.split("\\s{2,}"))).filter(cells -> cells.get(0).equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label + " in\n" + o.out() + o.err()));
    }

    @Test
    void tableShowsValuesChangesAndSignificanceBothWays() throws Exception {
        Path a = write("a.json", A.json());
        Path b = write("b.json", A.with(11_000, 150).latency(112, 200, 800, 910, 1500).errors(150).wobble(10.0).json());
        Cli.Outcome o = compare(a, b);
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.err()).isEmpty();
        assertThat(o.out()).startsWith("A: " + a + ": http://10.0.0.5:8080/, 100 connections, pipelining 1, engine "
                + "io_uring, closed-loop, 10s\nB: " + b + ": ").doesNotContain("warning").doesNotContain("n/a");
        // req/s: 1000 > 2 x max(100, 150).
        assertThat(row(o, "req/s")).containsExactly("req/s", "10,000", "11,000", "+10.0%", "yes");
        // Latency spread: max(5, 10) x sqrt(2/3) = 8.16, so changes above 16.3 us count. 12 would pass A's alone.
        assertThat(row(o, "latency p50")).containsExactly("latency p50", "100.0 us", "112.0 us", "+12.0%", "no");
        assertThat(row(o, "latency p90")).containsExactly("latency p90", "200.0 us", "200.0 us", "+0.0%", "no");
        assertThat(row(o, "latency p99")).containsExactly("latency p99", "500.0 us", "800.0 us", "+60.0%", "yes");
        assertThat(row(o, "latency p99.9")).containsExactly("latency p99.9", "900.0 us", "910.0 us", "+1.1%",
                "no");
        assertThat(row(o, "latency max")).containsExactly("latency max", "2.00 ms", "1.50 ms", "-25.0%", "yes");
        // Errors: 50 > 2 x sqrt(150) = 24.5.
        assertThat(row(o, "errors")).containsExactly("errors", "100", "150", "+50.0%", "yes");
    }

    @Test
    void requestRateWithinTwiceTheLargerStdevIsNotSignificant() throws Exception {
        Path a = write("a.json", A.with(10_000, 300).json());
        Path b = write("b.json", A.with(10_500, 100).json());
        Cli.Outcome o = compare(a, b);
        assertThat(row(o, "req/s")).containsExactly("req/s", "10,000", "10,500", "+5.0%", "no");
        Path c = write("c.json", A.with(10_700, 100).json());
        assertThat(row(compare(a, c), "req/s")).containsExactly("req/s", "10,000", "10,700", "+7.0%", "yes");
    }

    @Test
    void aRunOfOneSecondHasNoSpreadToJudgeBy() throws Exception {
        Path a = write("a.json", A.with(10_000, 0).json().replace("\"samples\":10", "\"samples\":1"));
        Path b = write("b.json", A.with(20_000, 100).json());
        assertThat(row(compare(a, b), "req/s")).containsExactly("req/s", "10,000", "20,000", "+100.0%", "n/a");
    }

    @Test
    void errorsAreJudgedAsPoissonCounts() throws Exception {
        Path none = write("none.json", A.errors(0).json());
        Path four = write("four.json", A.errors(4).json());
        Path five = write("five.json", A.errors(5).json());
        assertThat(row(compare(none, none), "errors")).containsExactly("errors", "0", "0", "+0.0%", "no");
        // 4 is not more than 2 x sqrt(4); 5 is more than 2 x sqrt(5) = 4.47. From 0 a percentage means nothing.
        assertThat(row(compare(none, four), "errors")).containsExactly("errors", "0", "4", "n/a", "no");
        assertThat(row(compare(none, five), "errors")).containsExactly("errors", "0", "5", "n/a", "yes");
        assertThat(row(compare(five, none), "errors")).containsExactly("errors", "5", "0", "-100.0%", "yes");
    }

    @Test
    void latencyWithoutPerSecondSeriesCannotBeJudged() throws Exception {
        Path a = write("a.json", A.json());
        Path b = write("b.json", A.latency(100, 200, 5000, 9000, 20000).wobble(null).json());
        Cli.Outcome o = compare(a, b);
        assertThat(o.exitCode()).isZero();
        assertThat(row(o, "latency p99")).containsExactly("latency p99", "500.0 us", "5.00 ms", "+900.0%", "n/a");
        assertThat(row(o, "req/s")).last().isEqualTo("no");
        assertThat(o.out()).contains("n/a: no per-second spread to judge by");
    }

    @Test
    void differentConfigsAreWarnedAbout() throws Exception {
        Path a = write("a.json", A.json());
        Path b = write("b.json", A.config("nio", 200).json());
        Cli.Outcome o = compare(a, b);
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("B: " + b + ": http://10.0.0.5:8080/, 200 connections, pipelining 1, engine nio, "
                + "closed-loop, 10s\n").contains("warning: the runs differ in connections 100 vs 200, engine io_uring "
                + "vs nio; the comparison is not like for like\n");
    }

    @Test
    void jsonHasTheSameRows() throws Exception {
        Path a = write("a.json", A.json());
        Path b = write("b.json", A.with(11_000, 150).latency(112, 200, 800, 910, 1500).errors(150).wobble(null)
                .config("nio", 100).json());
        Cli.Outcome o = compare(a, b, "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat(MiniJson.at(json, "a.file")).isEqualTo(a.toString());
        assertThat(MiniJson.at(json, "a.connections")).isEqualTo(100.0);
        assertThat(MiniJson.at(json, "b.engine")).isEqualTo("nio");
        assertThat(MiniJson.at(json, "b.durationSeconds")).isEqualTo(10.0);
        assertThat(MiniJson.at(json, "configDifferences")).isEqualTo(List.of("engine io_uring vs nio"));
        List<?> rows = (List<?>) MiniJson.at(json, "rows");
        assertThat(rows).extracting(r -> MiniJson.at(r, "metric")).containsExactly("requestsPerSecond", "latencyP50",
                "latencyP90", "latencyP99", "latencyP99_9", "latencyMax", "errors");
        assertRow(rows.get(0), "label", "req/s", "a", 10_000.0, "b", 11_000.0, "changePercent", 10.0, "spread", 150.0,
                "significant", true);
        assertRow(rows.get(3), "unit", "us", "a", 500.0, "b", 800.0, "changePercent", 60.0, "spread", null,
                "significant", null);
        assertRow(rows.get(6), "spread", 12.247, "significant", true);
    }

    private static void assertRow(Object row, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            assertThat(MiniJson.at(row, key)).as(key).isEqualTo(keysAndValues[i + 1]);
        }
    }

    @Test
    void latencySpreadIsThePopulationStdevOfTheNumbers() {
        assertThat(CompareCommand.stdev(Arrays.asList(1.0, null, 3.0))).isEqualTo(1.0);
        assertThat(CompareCommand.stdev(Arrays.asList(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0))).isEqualTo(2.0);
        assertThat(CompareCommand.stdev(Arrays.asList(5.0, null))).as("one second").isNull();
        assertThat(CompareCommand.stdev(null)).isNull();
    }

    @Test
    void aMissingFileIsExit2NamingIt() throws Exception {
        Path a = write("a.json", A.json());
        Path missing = dir.resolve("nope.json");
        Cli.Outcome o = compare(a, missing);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("ringload compare: " + missing + ": no such file\n");
        assertThat(o.out()).isEmpty();
        assertThat(compare(dir, a).err()).isEqualTo("ringload compare: " + dir + " is a directory, not a report\n");
    }

    @Test
    void jsonThatIsNotARunReportIsExit2() throws Exception {
        Path a = write("a.json", A.json());
        Path doctor = write("doctor.json", "{\"findings\":[]}");
        Cli.Outcome o = compare(a, doctor);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("ringload compare: " + doctor
                + " is not a ringload run report (no \"requests\" object)\n");
        assertThat(o.out()).isEmpty();
        Path truncated = write("old.json", A.json().replace("\"p99_9\"", "\"p99_90\""));
        assertThat(compare(truncated, a).err()).isEqualTo("ringload compare: " + truncated
                + " is not a ringload run report (no number at latency.p99_9)\n");
    }

    @Test
    void garbageIsExit2WithWhereItBroke() throws Exception {
        Path a = write("a.json", A.json());
        Path garbage = write("garbage.json", "{\"requests\": {\n  oops }");
        Cli.Outcome o = compare(garbage, a);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("ringload compare: " + garbage
                + " is not JSON (expected a string key at line 2 column 3)\n");
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThat(compare(a, binary).err()).isEqualTo("ringload compare: " + binary + " is not JSON (not UTF-8 text)\n");
    }

    @Test
    void twoFilesAreRequired() throws Exception {
        Path a = write("a.json", A.json());
        Cli.Outcome o = compare(a);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Missing required parameter: 'B.json'");
        assertThat(compare("--help").out()).contains("2 x max(stdev of A's req/s per second, stdev of B's)")
                .contains("Exit codes:").contains("0  compared");
    }
}
