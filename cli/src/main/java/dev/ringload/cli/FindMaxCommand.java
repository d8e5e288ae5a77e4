package dev.ringload.cli;

import dev.ringload.engine.Engines;
import dev.ringload.engine.load.Arrival;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.OpenLoopRate;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.search.JudgedStep;
import dev.ringload.engine.search.RateSearch;
import dev.ringload.engine.search.RateSearchResult;
import dev.ringload.engine.search.RateStep;
import dev.ringload.engine.search.Slo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code ringload find-max}: the highest constant open-loop rate that meets every SLO. */
@Command(name = "find-max",
        mixinStandardHelpOptions = true,
        description = {
                "Find the highest request rate the server sustains within the SLOs.",
                "Runs open-loop steps at constant rates: from --start-rate it doubles until an SLO breaks or the "
                        + "achieved rate falls below 99%% of the target, then bisects between the last good and the "
                        + "first bad rate until they are within 2%%. Each step has its own warmup and measured "
                        + "duration, over fresh connections."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  a rate met every SLO (the answer is printed)",
                "  1  run-time failure",
                "  2  invalid URL, option or SLO",
                "  3  target unreachable",
                "  4  --engine uring where io_uring is unusable",
                "  99  no rate met the SLOs, down to 1 req/s",
                "  130  interrupted by Ctrl-C/SIGTERM: the steps so far and the best rate so far are printed",
        })
final class FindMaxCommand implements Callable<Integer> {

    /** The closed-loop probe that picks the default start rate: short, after a short warmup. */
    static final Duration PROBE = Duration.ofSeconds(2);
    static final Duration PROBE_WARMUP = Duration.ofSeconds(1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "http://host[:port]/path?query (none with --targets)")
    String url;

    @Option(names = "--slo", required = true, paramLabel = "EXPR",
            description = "An SLO every step must meet; repeatable: p50, p90, p99, p99.9 (any pNN), mean or max "
                    + "with a unit (p99<10ms, p99.9<=50ms), or errors<0.1%%.")
    List<String> sloTexts = new ArrayList<>();

    @Option(names = "--start-rate", paramLabel = "R",
            description = "First step's rate, req/s (default: a 2 s closed-loop probe's throughput / 4).")
    Double startRate;

    @Option(names = "--step", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "Measured duration of each step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "2s", paramLabel = "DURATION",
            description = "Warmup before each step, at its rate, not measured (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--max-steps", defaultValue = "" + RateSearch.DEFAULT_MAX_STEPS, paramLabel = "N",
            description = "Stop after N steps and give the best rate so far (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--arrival", defaultValue = "uniform", paramLabel = "uniform|poisson",
            description = "Evenly spaced requests or Poisson arrivals (default: ${DEFAULT-VALUE}).")
    String arrival;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout: every step and the conclusion.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report of the steps.")
    Path html;

    @CommandLine.Mixin
    LoadOptions load = new LoadOptions();

    @CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Slo> slos = new ArrayList<>();
        LoadConfig.Builder builder;
        RunDescription description;
        RateSearch search;
        int threads;
        InetAddress target;
        try {
            for (String text : sloTexts) {
                slos.add(Slo.parse(text));
            }
            if (startRate != null && !(startRate >= RateSearch.FLOOR_RATE)) {
                throw new IllegalArgumentException("--start-rate must be at least 1 req/s, got " + startRate);
            }
            OutputOptions.checkWritable(html, "--html");
            search = new RateSearch(slos, startRate == null ? RateSearch.FLOOR_RATE : startRate, maxSteps);
            RunCommand.arrival(arrival);
            if (load.shard != null) {
                throw new IllegalArgumentException("--shard is for run: each shard of a search would search alone");
            }
            LoadOptions.Prepared prepared = load.prepare(url);
            builder = prepared.builder();
            threads = prepared.threads();
            target = prepared.target().address();
            builder.build(); // refuses a bad combination now, not at the first step
            description = prepared.describe(load.method, load.headers, false, json)
                    .withCommandLine(spec.commandLine().getParseResult().originalArgs());
        } catch (IllegalArgumentException | IOException e) {
            err.println("ringload find-max: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Engines.Choice choice = engine.choose("ringload find-max", err);
        if (choice == null) {
            return engine.exitCode();
        }
        description = description.withEngineReason(choice.reason());
        if (!RunCommand.enoughFileDescriptors(load.connections, err)) {
            return ExitCodes.FAILURE;
        }
        RunCommand.warnAboutHostLimits(load.connections, load.sources == null ? 0 : load.sources.size(), err);
        FindMaxReport report = new FindMaxReport(description.url(), slos, description, choice.name(), target, out,
                json);
        Steps steps = new Steps(builder, choice, description.mix());
        try (SignalStop ignored = SignalStop.install(steps::interrupt)) {
            RunResult probe = null;
            if (startRate == null) {
                probe = steps.probe();
                if (probe.unreachable()) {
                    return unreachable(probe, err);
                }
                if (probe.partial()) {
                    report.interruptedDuringProbe();
                    return ExitCodes.INTERRUPTED;
                }
                double start = Math.max(RateSearch.FLOOR_RATE, Math.floor(probe.requestsPerSecond() / 4));
                search = new RateSearch(slos, start, maxSteps);
            }
            report.header(load, threads, search.startRate(), probe, step, warmup);
            AtomicReference<RunResult> unreachable = new AtomicReference<>();
            Slo[] judged = slos.toArray(Slo[]::new);
            RateSearchResult result = search.search(rate -> {
                RunResult run = steps.at(rate, RunCommand.arrival(arrival), warmup, step);
                if (run.unreachable()) {
                    unreachable.set(run);
                    steps.interrupt(); // nothing more to learn: the search stops at this step
                }
                RateStep measured = RateStep.of(rate, run);
                report.step(JudgedStep.judge(measured, JudgedStep.Phase.START, List.of(judged)), run);
                return measured.interrupted() || run.unreachable()
                        ? new RateStep(rate, measured.achievedRate(), measured.measured(), measured.responses(),
                        measured.errors(), measured.clientBusyPercent(), measured.clientBound(), true)
                        : measured;
            });
            if (unreachable.get() != null) {
                return unreachable(unreachable.get(), err);
            }
            String json = report.conclusion(result);
            if (html != null && !HtmlOutput.write(json, html, err)) {
                return ExitCodes.FAILURE;
            }
            return result.partial() ? ExitCodes.INTERRUPTED
                    : result.maxRate().isEmpty() ? ExitCodes.NOT_MET : ExitCodes.OK;
        }
    }

    private static int unreachable(RunResult run, PrintWriter err) {
        String reason = run.totals().firstConnectError() == null ? "no connection succeeded"
                : run.totals().firstConnectError();
        err.println("ringload find-max: target unreachable: " + reason);
        err.flush();
        return ExitCodes.UNREACHABLE;
    }

    /** Runs the probe and the steps, one {@link LoadRun} at a time, so a signal stops the one in progress. */
    private static final class Steps {
        private final LoadConfig.Builder builder;
        private final Engines.Choice engine;
        private volatile LoadRun current;
        private volatile boolean interrupted;

        private final RequestMix mix;

        Steps(LoadConfig.Builder builder, Engines.Choice engine, RequestMix mix) {
            this.mix = mix;
            this.builder = builder;
            this.engine = engine;
        }

        RunResult probe() throws InterruptedException {
            return run(builder.rate(null).warmupNs(PROBE_WARMUP.toNanos()).durationNs(PROBE.toNanos()).build());
        }

        RunResult at(double rate, Arrival arrival, Duration warmup, Duration step)
                throws InterruptedException {
            return run(builder.rate(OpenLoopRate.constant(rate, arrival)).warmupNs(warmup.toNanos())
                    .durationNs(step.toNanos()).build());
        }

        private RunResult run(LoadConfig config) throws InterruptedException {
            LoadRun run = new LoadRun(config, engine.name(), engine.engine().transports(),
                    LoadOptions.plans(config, mix, 0));
            current = run;
            if (interrupted) {
                run.interrupt();
            }
            return run.execute();
        }

        void interrupt() {
            interrupted = true;
            LoadRun run = current;
            if (run != null) {
                run.interrupt();
            }
        }
    }
}
