package dev.ringload.cli;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ParameterizedClass
@ValueSource(strings = {"uring", "nio"})
class RunCommandTest {

    @Parameter
    String engine;

    /** {@code ringload run --engine <engine> args...} in-process. */
    private Cli.Outcome run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--engine";
        all[2] = engine;
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.execute(all);
    }

    @RegisterExtension
    static final ServeTarget target = ServeTarget.forClass();

    /** Only the io_uring half needs io_uring: where it is unusable, the NIO half still runs. */
    @BeforeEach
    void engineUsable() {
        if (engine.equals("uring")) {
            assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        }
    }

    @Test
    void humanReportHasTheTablesTotalsAndEngine() {
        Cli.Outcome o = run("-d", "1s", "-c", "4", "-t", "1", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Running 1s test @ " + target.url())
                .contains("4 connections, pipelining 1, 1 thread (engine "
                        + (engine.equals("nio") ? "nio" : "io_uring"))
                .contains("Latency").contains("2.5%").contains("97.5%").contains("Stdev").contains("Req/Sec")
                .contains("Bytes/Sec").containsPattern("[\\d,]+ requests in 1\\.\\d\\ds")
                .contains("Status codes: 2xx").contains("Errors: none")
                .contains("Connections: 4 requested, 4 established").contains("Engine: " + (engine.equals("nio") ? "nio" : "io_uring"))
                .containsPattern("client: 1 thread, \\d+% busy \\(user \\d+%, sys \\d+%\\), longest stall [0-9.]+ [mu]?s -> (CLIENT-BOUND|not client-bound)")
                .doesNotContain("Latency distribution").doesNotContain("PARTIAL");
    }

    @Test
    void latencyFlagAddsTheSpectrum() {
        Cli.Outcome o = run("-n", "500", "-c", "2", "-l", target.url());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("Running 500 requests @").contains("Latency distribution")
                .contains("99.999%").contains("100%").contains("500 requests in");
    }

    @Test
    void jsonIsExactlyOneObjectWithTheDocumentedFields() {
        Cli.Outcome o = run("-d", "1s", "-c", "3", "-p", "2", "-H", "X-Test: 1", "--json", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat(json).isInstanceOf(Map.class);
        double total = (double) MiniJson.at(json, "requests.total");
        assertThat(total).isPositive();
        assertThat((double) MiniJson.at(json, "statusCodes.2xx")).isEqualTo(total);
        assertThat((double) MiniJson.at(json, "statusCodes.200")).isEqualTo(total);
        assertThat((double) MiniJson.at(json, "errors.total")).isZero();
        assertThat((double) MiniJson.at(json, "anomalies.latencyBelowZero")).isZero();
        for (String key : List.of("requests.perSecond.mean", "requests.perSecond.stdev", "requests.perSecond.p2_5",
                "requests.perSecond.p50", "requests.perSecond.p97_5", "requests.perSecond.min", "latency.p50",
                "latency.p99", "latency.p99_999", "latency.mean", "latency.stdev", "latency.max",
                "throughput.bytesTotal", "throughput.perSecond.mean", "errors.reset", "errors.timeout",
                "errors.parseError", "errors.closedMidPipeline", "errors.connectRefused", "durationSeconds",
                "connections.established", "client.stalls.longestMs", "client.stalls.longestThread",
                "client.stalls.gcPauseMs", "client.stalls.jitMs", "anomalies.latencyBelowZero")) {
            assertThat(MiniJson.at(json, key)).as(key).isInstanceOf(Double.class);
        }
        assertThat(MiniJson.at(json, "latency.unit")).isEqualTo("us");
        assertThat(MiniJson.at(json, "engine")).isEqualTo(engine.equals("nio") ? "nio" : "io_uring");
        assertThat(MiniJson.at(json, "client.verdict")).isIn("client-bound", "not client-bound");
        assertThat(MiniJson.at(json, "environment.container")).isIn(true, false);
        assertThat((String) MiniJson.at(json, "environment.jdk")).startsWith("25");
        assertThat(MiniJson.at(json, "environment.kernel")).isEqualTo(System.getProperty("os.version"));
        assertThat(MiniJson.at(json, "environment.image")).isEqualTo(System.getenv("RINGLOAD_IMAGE_VERSION"));
        assertThat((double) MiniJson.at(json, "client.busyPercent")).isBetween(0.0, 100.0);
        assertThat((double) MiniJson.at(json, "client.thresholdBusyPercent")).isEqualTo(85.0);
        assertThat((String) MiniJson.at(json, "client.line")).startsWith("client: ").contains("longest stall ");
        assertThat((List<?>) MiniJson.at(json, "client.stalls.longestPerThreadMs"))
                .hasSize(((Double) MiniJson.at(json, "threads")).intValue());
        assertThat((List<?>) MiniJson.at(json, "client.perThread")).hasSize(((Double) MiniJson.at(json, "threads")).intValue());
        assertThat(MiniJson.at(json, "partial")).isEqualTo(false);
        assertThat((String) MiniJson.at(json, "startedAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat((double) MiniJson.at(json, "threads")).isPositive();
        assertThat((double) MiniJson.at(json, "config.connections")).isEqualTo(3);
        assertThat((double) MiniJson.at(json, "config.pipelining")).isEqualTo(2);
        assertThat(MiniJson.at(json, "config.headers")).isEqualTo(List.of("X-Test: 1"));
        assertThat(MiniJson.at(json, "config.url")).isEqualTo(target.url());
        assertThat(MiniJson.at(json, "target.addresses")).isEqualTo(List.of("127.0.0.1"));
        assertThat((double) MiniJson.at(json, "latency.p50")).isLessThanOrEqualTo((double) MiniJson.at(json, "latency.p99"));
    }

    /**
     * A timed run warms up by default until the client is warm (at least a second, at most five); {@code --warmup 0}
     * measures from the first request, and {@code -n} counts every response it asked for, so it has none either.
     */
    @Test
    void aTimedRunWarmsUpUntilTheClientIsWarmUnlessToldOtherwise() {
        Cli.Outcome auto = run("-d", "1s", "-c", "2", "--json", target.url());
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        Object json = MiniJson.parse(auto.out());
        assertThat(MiniJson.at(json, "config.warmupAuto")).isEqualTo(true);
        assertThat((double) MiniJson.at(json, "config.warmupSeconds")).isEqualTo(5.0);
        assertThat((double) MiniJson.at(json, "warmup.seconds")).isBetween(1.0, 5.5);
        assertThat((double) MiniJson.at(json, "warmup.requests")).isPositive();

        Cli.Outcome text = run("-d", "1s", "-c", "2", target.url());
        assertThat(text.out()).contains("warming up until the client is warm, at most 5s");

        Cli.Outcome none = run("-d", "1s", "-c", "2", "--warmup", "0", "--json", target.url());
        Object noneJson = MiniJson.parse(none.out());
        assertThat(MiniJson.at(noneJson, "config.warmupAuto")).isEqualTo(false);
        assertThat((double) MiniJson.at(noneJson, "warmup.seconds")).isZero();

        Cli.Outcome counted = run("-n", "50", "-c", "2", "--json", target.url());
        Object countedJson = MiniJson.parse(counted.out());
        assertThat((double) MiniJson.at(countedJson, "warmup.seconds")).isZero();
        assertThat((double) MiniJson.at(countedJson, "requests.total")).isEqualTo(50);
    }

    @Test
    void openLoopReportsTheThreeLatenciesAndTheRate() {
        Cli.Outcome o = run("-R", "2000", "-d", "1s", "-c", "4", "-t", "1", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("open loop at 2,000 req/s, uniform arrivals")
                .containsPattern("\\ncorrected +\\d").containsPattern("\\nservice +\\d").containsPattern("\\nsched lag +\\d")
                .contains("Rate: target 2,000 req/s, achieved ");
    }

    @Test
    void openLoopJsonHasTheRateAndEveryLatency() {
        Cli.Outcome o = run("--rate", "1k:3k", "--arrival", "poisson", "-d", "1s", "-c", "4", "-t", "1", "--json",
                target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat(MiniJson.at(json, "config.mode")).isEqualTo("open-loop");
        assertThat(MiniJson.at(json, "rate.arrival")).isEqualTo("poisson");
        assertThat((double) MiniJson.at(json, "rate.targetFrom")).isEqualTo(1000);
        assertThat((double) MiniJson.at(json, "rate.targetTo")).isEqualTo(3000);
        assertThat((double) MiniJson.at(json, "rate.target")).isEqualTo(2000);
        assertThat((double) MiniJson.at(json, "rate.achieved")).isEqualTo((double) MiniJson.at(json, "requests.average"));
        assertThat((double) MiniJson.at(json, "rate.slotWaitShare")).isBetween(0.0, 1.0);
        assertThat(MiniJson.at(json, "rate.shortfall")).isIn("none", "client-bound", "slots", "server");
        for (String kind : List.of("latency", "serviceLatency", "scheduleLag")) {
            assertThat((double) MiniJson.at(json, kind + ".count")).as(kind).isPositive();
            assertThat((String) MiniJson.at(json, kind + ".histogram")).as(kind).isNotEmpty();
        }
        assertThat((double) MiniJson.at(json, "serviceLatency.p50"))
                .isLessThanOrEqualTo((double) MiniJson.at(json, "latency.p99_999"));
    }

    @Test
    void rampPrintsAStepTableAndAKneeLine() {
        Cli.Outcome o = run("--ramp", "2,4,8", "--step", "400ms", "-t", "1", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Ramping 2,4,8 connections").contains("Conns req/est").contains("2/2")
                .contains("4/4").contains("8/8").containsPattern("throughput (stops|still) scaling at")
                .contains("Connections: 8 requested, 8 established");
    }

    @Test
    void rampJsonHasEveryStepWithItsHistogram() throws Exception {
        Cli.Outcome o = run("--ramp", "2,4", "--step", "400ms", "-t", "1", "--json", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        List<?> steps = (List<?>) MiniJson.at(json, "steps");
        assertThat(steps).hasSize(2);
        double stepResponses = 0;
        for (Object step : steps) {
            for (String key : List.of("connectionsRequested", "connectionsEstablished", "requestsPerSecond",
                    "latency.p50", "latency.p99", "errors", "busyPercent", "verdict", "latency.histogram")) {
                MiniJson.at(step, key);
            }
            String encoded = (String) MiniJson.at(step, "latency.histogram");
            org.HdrHistogram.Histogram h = org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
                    java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(encoded)), 0);
            assertThat((double) h.getTotalCount()).isEqualTo((double) MiniJson.at(step, "responses"));
            stepResponses += h.getTotalCount();
        }
        assertThat((double) MiniJson.at(json, "requests.total")).isGreaterThanOrEqualTo(stepResponses);
        assertThat(MiniJson.at(json, "ramp.steps")).isEqualTo(List.of(2.0, 4.0));
        assertThat((String) MiniJson.at(json, "ramp.knee")).contains("scaling");
    }

    @Test
    void rampRejectsBadSteps() {
        Cli.Outcome o = run("--ramp", "10,5", target.url());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("ramp steps must increase");
        assertThat(run("--ramp", "10", "-n", "5", target.url()).err()).contains("--ramp and -n cannot be combined");
    }

    @Test
    void shorthandMeansRun() {
        assertThat(Main.withDefaultCommand(new String[] {"http://h/"})).containsExactly("run", "http://h/");
        assertThat(Main.withDefaultCommand(new String[] {"-c", "5", "http://h/"})).containsExactly("run", "-c", "5", "http://h/");
        assertThat(Main.withDefaultCommand(new String[] {"serve"})).containsExactly("serve");
        assertThat(Main.withDefaultCommand(new String[] {"--version"})).containsExactly("--version");
        Cli.Outcome o = Cli.execute("-n", "100", "-c", "2", target.url());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("100 requests in");
    }

    @Test
    void invalidInputIsExitCode2WithOneLine() {
        String url = target.url();
        record Case(String[] args, String message) {
        }
        for (Case c : List.of(
                new Case(new String[] {"run", "not a url"}, "ringload: invalid URL"),
                new Case(new String[] {"run", "ftp://h/"}, "expected http://host[:port]/path"),
                new Case(new String[] {"run", "https://example.invalid/"}, "https is not supported yet"),
                new Case(new String[] {"run", "http://no-such-host.invalid/"}, "cannot resolve host"),
                new Case(new String[] {"run", "-H", "NoColon", url}, "invalid header 'NoColon'"),
                new Case(new String[] {"run", "-c", "0", url}, "connections must be >= 1"),
                new Case(new String[] {"run", "-n", "0", url}, "-n must be at least 1, got 0"),
                new Case(new String[] {"run", "-n", "-1", url}, "-n must be at least 1, got -1"),
                new Case(new String[] {"run", "-t", "9", "-c", "2", url}, "must not exceed connections"),
                new Case(new String[] {"run", "-d", "fast", url}, "'fast' is not a duration"),
                new Case(new String[] {"run", "--warmup", "soon", url}, "'soon' is not a warmup: use auto, 0, or a duration"),
                new Case(new String[] {"run", "-m", "G E T", url}, "invalid method"),
                new Case(new String[] {"run", "--engine", "bogus", url}, "unknown engine 'bogus': expected auto, uring or nio"),
                new Case(new String[] {"run", "-R", "0", url}, "--rate must be more than 0 requests per second"),
                new Case(new String[] {"run", "--rate", "fast", url}, "'fast' is not a rate"),
                new Case(new String[] {"run", "-R", "1k", "-n", "10", url}, "--rate and -n cannot be combined"),
                new Case(new String[] {"run", "-R", "1k", "--ramp", "2,4", url}, "--rate and --ramp cannot be combined"),
                new Case(new String[] {"run", "-R", "1k", "--arrival", "bursty", url}, "--arrival must be uniform or poisson"))) {
            Cli.Outcome o = Cli.execute(c.args());
            assertThat(o.exitCode()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(o.err()).as(String.join(" ", c.args())).contains(c.message()).doesNotContain("\tat ");
        }
    }

    @Test
    void unreachableTargetIsExitCode3() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Cli.Outcome o = run("-d", "10s", "-c", "2", "http://127.0.0.1:" + port + "/");
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.err()).contains("ringload: target unreachable: ECONNREFUSED (connection refused) (127.0.0.1:" + port + ")");
    }

    @Test
    void helpDocumentsEveryFlagAndExitCode() {
        Cli.Outcome o = run("--help");
        for (String flag : List.of("--connections", "--duration", "--requests", "--pipelining", "--threads", "--cpus",
                "--method", "--header", "--body", "--body-file", "--timeout", "--connect-timeout", "--warmup",
                "--latency", "--json", "--rate", "--arrival", "130")) {
            assertThat(o.out()).contains(flag);
        }
    }

    @Test
    void sigintAndSigtermStopWithAPartialReportAndExit130() throws Exception {
        for (boolean json : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("run", "--engine", engine, "-d", "60s", "-c", "2"));
            if (json) {
                args.add("--json");
            }
            args.add(target.url());
            long before = target.server().served();
            Process process = startCli(args, List.of());
            // Once the load is under way (a JVM starting on a busy host may take seconds), not after a fixed sleep.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (target.server().served() - before < 100 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            // SIGINT for the tables, SIGTERM for JSON: both stop the run the same way.
            new ProcessBuilder("kill", json ? "-TERM" : "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out).isEqualTo(ExitCodes.INTERRUPTED);
            if (json) {
                Object parsed = MiniJson.parse(out);
                assertThat(MiniJson.at(parsed, "partial")).isEqualTo(true);
                assertThat((double) MiniJson.at(parsed, "requests.total")).isPositive();
            } else {
                assertThat(out).contains("[PARTIAL: interrupted]").contains("Engine: " + (engine.equals("nio") ? "nio" : "io_uring"));
            }
        }
    }

    @Test
    void tooFewFileDescriptorsIsRefusedBeforeStarting() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) not installed");
        Process process = startCli(List.of("run", "--engine", engine, "-d", "1s", "-c", "5000", target.url()),
                List.of("/usr/bin/prlimit", "--nofile=512:512"));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("5000 connections need about 5064 file descriptors, but the limit is 512 (hard limit 512)")
                .contains("ulimit -n 5064");
    }

    /** Runs the CLI in a child JVM built from this test's classpath, optionally behind a wrapper command. */
    static Process startCli(List<String> args, List<String> wrapper) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).start();
    }
}
