package dev.ringload.cli;

import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a run writes besides its report: the interval log, thresholds, the per-second series, the status line. */
class RunOutputsTest {

    @RegisterExtension
    static final ServeTarget target = ServeTarget.forClass();

    @TempDir
    Path dir;

    /** HdrHistogram's own log processor reads the log, and its whole-run figures are the JSON's. */
    @Test
    void theIntervalLogIsReadByHdrHistogramsOwnProcessorAndAgreesWithTheJson() throws Exception {
        Path hlog = dir.resolve("run.hlog");
        Cli.Outcome o = Cli.execute("run", "-d", "3s", "--warmup", "1s", "-c", "4", "-t", "1", "--hlog",
                hlog.toString(), "--json", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        String log = Files.readString(hlog);
        assertThat(log).contains("#[StartTime: ").contains("#[BaseTime: ").contains("\"StartTimestamp\"")
                .contains("Tag=warmup,").contains("Tag=latency,");
        Path out = dir.resolve("processed");
        new HistogramLogProcessor(new String[] {"-i", hlog.toString(), "-o", out.toString(), "-tag", "latency",
                "-outputValueUnitRatio", "1000"}).run();
        String hgrm = Files.readString(Path.of(out + ".hgrm"));
        // Values in the .hgrm are the log's nanoseconds / 1000: microseconds, as in the JSON.
        assertThat(number(hgrm, "Total count\\s*=\\s*(\\d+)")).as("every measured response, once")
                .isEqualTo((double) MiniJson.at(json, "latency.count"));
        assertThat(number(hgrm, "Max\\s*=\\s*([\\d.]+)")).isCloseTo((double) MiniJson.at(json, "latency.max"),
                within(1.0));
        assertThat(number(hgrm, "Mean\\s*=\\s*([\\d.]+)")).isCloseTo((double) MiniJson.at(json, "latency.mean"),
                within(0.001 * (double) MiniJson.at(json, "latency.mean") + 0.01));
        double p50 = number(hgrm, "\\n\\s*([\\d.]+)\\s+0\\.500000000000\\s");
        assertThat(p50).as("p50, 3 significant digits").isCloseTo((double) MiniJson.at(json, "latency.p50"),
                within(0.001 * (double) MiniJson.at(json, "latency.p50") + 0.01));
        new HistogramLogProcessor(new String[] {"-i", hlog.toString(), "-o", dir.resolve("w").toString(), "-tag",
                "warmup"}).run();
        assertThat(number(Files.readString(dir.resolve("w.hgrm")), "Total count\\s*=\\s*(\\d+)"))
                .as("the warmup, under its own tag").isEqualTo((double) MiniJson.at(json, "warmup.requests"), within(50.0));
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void anOpenLoopLogHasServiceLatencyToo() throws Exception {
        Path hlog = dir.resolve("open.hlog");
        Cli.Outcome o = Cli.execute("run", "-R", "2000", "-d", "2s", "-c", "4", "-t", "1", "--hlog", hlog.toString(),
                target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(Files.readString(hlog)).contains("Tag=latency,").contains("Tag=service,");
    }

    @Test
    void thresholdsArePrintedWithTheirValuesAndAFailureExits99() {
        Cli.Outcome pass = Cli.execute("run", "-d", "1s", "-c", "2", "-t", "1", "--threshold", "p99<60s",
                "--threshold", "rps>1", "--threshold", "errors<1%", target.url());
        assertThat(pass.exitCode()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("Thresholds:").containsPattern("p99<60s +\\S+ +pass")
                .containsPattern("rps>1 +\\d+ req/s +pass");
        Cli.Outcome fail = Cli.execute("run", "-d", "1s", "-c", "2", "-t", "1", "--threshold", "rps>1e12",
                "--threshold", "max<60s", "--json", target.url());
        assertThat(fail.exitCode()).isEqualTo(99);
        List<?> thresholds = (List<?>) MiniJson.at(MiniJson.parse(fail.out()), "thresholds");
        assertThat(thresholds).hasSize(2);
        assertThat(((Map<?, ?>) thresholds.get(0)).get("expr")).isEqualTo("rps>1000000000000");
        assertThat(((Map<?, ?>) thresholds.get(0)).get("pass")).isEqualTo(false);
        assertThat(((Map<?, ?>) thresholds.get(1)).get("pass")).isEqualTo(true);
        assertThat(MiniJson.at(MiniJson.parse(fail.out()), "thresholdsJudged")).isEqualTo(true);
    }

    @Test
    void badThresholdsAndUnwritableOutputsAreRefusedBeforeTheRun() {
        for (String[] args : List.of(
                new String[] {"run", "--threshold", "p99<10", target.url()},
                new String[] {"run", "--threshold", "latency<1ms", target.url()},
                new String[] {"run", "--hlog", "/no/such/dir/run.hlog", target.url()},
                new String[] {"run", "--html", "/no/such/dir/run.html", target.url()},
                new String[] {"run", "--html", dir.toString(), target.url()})) {
            Cli.Outcome o = Cli.execute(args);
            assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.out()).as("refused before the run").doesNotContain("Running");
            assertThat(o.err().strip()).as(String.join(" ", args)).doesNotContain("\n")
                    .containsAnyOf("bad threshold '", "cannot be written", "is a directory");
        }
    }

    @Test
    void theJsonHasThePerSecondSeries() {
        Cli.Outcome o = Cli.execute("run", "-d", "3s", "-c", "2", "-t", "1", "--json", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat(MiniJson.at(json, "command")).isEqualTo("run");
        List<?> responses = (List<?>) MiniJson.at(json, "series.responses");
        assertThat(responses).hasSize(((Double) MiniJson.at(json, "requests.perSecond.samples")).intValue());
        assertThat(responses.stream().mapToDouble(v -> (Double) v).sum())
                .isLessThanOrEqualTo((double) MiniJson.at(json, "requests.total"));
        for (String key : List.of("seconds", "errors", "connections", "latency.p50", "latency.p90", "latency.p99",
                "latency.p99_9", "latency.max")) {
            assertThat((List<?>) MiniJson.at(json, "series." + key)).as(key).hasSize(responses.size());
        }
        assertThat((List<?>) MiniJson.at(json, "series.seconds")).first().isEqualTo(1.0);
        assertThat((double) MiniJson.at(json, "series.startMs")).isPositive();
        // Provenance: where and how the run was made.
        assertThat(MiniJson.at(json, "provenance.commandLine")).isEqualTo(List.of("ringload", "run", "-d", "3s", "-c",
                "2", "-t", "1", "--json", target.url()));
        assertThat((String) MiniJson.at(json, "provenance.version")).isNotBlank();
        assertThat((String) MiniJson.at(json, "provenance.commit")).isNotBlank();
        assertThat((double) MiniJson.at(json, "provenance.cpuCount")).isPositive();
        assertThat(MiniJson.at(json, "provenance.route.loopback")).isEqualTo(true);
        assertThat(MiniJson.at(json, "provenance.route.interface")).isEqualTo("lo");
        assertThat(MiniJson.at(json, "provenance.ioUring.usable")).isIn(true, false);
        assertThat((double) MiniJson.at(json, "provenance.nofile.soft")).isPositive();
        assertThat((double) MiniJson.at(json, "provenance.localPortRange.low")).isPositive();
        assertThat((String) MiniJson.at(json, "provenance.startedAt")).endsWith("Z");
        assertThat((List<?>) MiniJson.at(json, "provenance.engineCpus")).hasSize(1);
    }

    @Test
    void reportRendersASavedJsonAndRefusesWhatIsNotOne() throws Exception {
        Cli.Outcome run = Cli.execute("run", "-d", "1s", "-c", "2", "-t", "1", "--json", target.url());
        Path saved = dir.resolve("run.json");
        Files.writeString(saved, run.out());
        Path html = dir.resolve("run.html");
        Cli.Outcome o = Cli.execute("report", saved.toString(), "--html", html.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(Files.readString(html)).contains("<html").contains("uPlot");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThat(Cli.execute("report", other.toString(), "--html", html.toString()).err())
                .contains("is not a ringload JSON report");
        assertThat(Cli.execute("report", other.toString(), "--html", html.toString()).exitCode()).isEqualTo(2);
        Files.writeString(other, "not json");
        assertThat(Cli.execute("report", other.toString(), "--html", html.toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.execute("report", dir.resolve("missing.json").toString(), "--html", html.toString())
                .exitCode()).isEqualTo(2);
    }

    /** On a terminal (a pseudo-terminal from script(1)) the status line is drawn on stderr every second. */
    @Test
    void theStatusLineIsDrawnOnATerminalOnly() throws Exception {
        List<String> args = List.of("run", "-d", "2s", "-c", "2", "-t", "1", target.url());
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                Main.class.getName()));
        command.addAll(args);
        // script -c runs the command with stdin/stdout/stderr on a pseudo-terminal and copies it to its stdout.
        Process tty = new ProcessBuilder("script", "-qefc", String.join(" ", command), "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertThat(tty.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String screen = new String(tty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tty.exitValue()).as(screen).isZero();
        assertThat(screen).containsPattern("\\r\\u001b\\[K\\[1s/2s\\] [\\d,]+ req/s  p99 \\S+ \\S+  errors 0  connections 2/2")
                .contains("requests in");
        Process piped = RunCommandTest.startCli(args, List.of());
        assertThat(piped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(piped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).as("stderr is a pipe: no status line").doesNotContain("req/s");
        String quiet = screenOf(command, "-q");
        assertThat(quiet).doesNotContain("\u001b[K");
    }

    private static String screenOf(List<String> command, String flag) throws Exception {
        List<String> withFlag = new ArrayList<>(command);
        withFlag.add(withFlag.size() - 1, flag);
        Process tty = new ProcessBuilder("script", "-qefc", String.join(" ", withFlag), "/dev/null").start();
        assertThat(tty.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(tty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
