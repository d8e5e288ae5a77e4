package dev.ringload.cli;

import dev.ringload.engine.doctor.Doctor;
import dev.ringload.engine.doctor.Finding;
import dev.ringload.engine.Engines;
import dev.ringload.engine.load.Arrival;
import dev.ringload.engine.load.IntervalListener;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.OpenLoopRate;
import dev.ringload.engine.load.RampPlan;
import dev.ringload.engine.load.RampResult;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.os.ResourceLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ringload run}: the load test. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Load-test an HTTP/1.1 server.",
                "Pinned threads each drive one io_uring ring (or NIO where io_uring is unusable) over their share "
                        + "of the connections. Shorthand: ringload URL [options]."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  the run completed",
                "  1  run-time failure (e.g. too few file descriptors for the connections)",
                "  2  invalid URL or option",
                "  3  target unreachable: no connection ever succeeded (the reason is printed)",
                "  4  --engine uring where io_uring is unusable (the reason is printed)",
                "  99  a --threshold failed",
                "  130  interrupted by Ctrl-C/SIGTERM: the results so far are printed, marked partial",
        })
final class RunCommand implements Callable<Integer> {

    /** Descriptors beyond one per connection: the JVM's own, the ring, stdio. */
    private static final int SPARE_FDS = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "http://host[:port]/path?query (none with --targets)")
    String url;

    @CommandLine.Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = {"-d", "--duration"}, converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Measured duration: 500ms, 10s, 2m, 1h (default: 10s; with -n: until the requests are done).")
    Duration duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Stop after exactly N responses.")
    Long requests;

    @Option(names = "--warmup", converter = Warmup.Converter.class, paramLabel = "auto|DURATION",
            description = "Load first, measured separately and excluded from the results: auto (the default, not "
                    + "with -n) until the client's JIT has settled and the rate stopped climbing, 1 to 5 s; a "
                    + "duration; or 0 for none.")
    Warmup warmup;

    @Option(names = {"-l", "--latency"}, description = "Print the full latency spectrum (50%% ... 100%%).")
    boolean latency;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout instead of the tables.")
    boolean json;

    @CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = {"-R", "--rate"}, converter = RateConverter.class, paramLabel = "R|A:B",
            description = "Open loop: send R requests per second in total, on a schedule, whether or not responses "
                    + "came back; A:B ramps linearly from A to B over the duration. Latency then counts from each "
                    + "request's intended send time. Default: closed loop.")
    RateConverter.Rate rate;

    @Option(names = "--arrival", defaultValue = "uniform", paramLabel = "uniform|poisson",
            description = "Open loop: evenly spaced requests or Poisson arrivals (default: ${DEFAULT-VALUE}).")
    String arrival;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Start measuring at TIME, an ISO-8601 instant (2026-11-30T14:00:00Z) or Unix seconds, so "
                    + "that shards on several hosts measure the same seconds: connections open and the warmup runs "
                    + "before it (load starts the warmup plus 1 s ahead), seconds count from TIME, and the run ends "
                    + "-d after it. A TIME already past is refused.")
    String startAt;

    @Option(names = "--ramp", split = ",", paramLabel = "N,N,...",
            description = "Step the connection count, e.g. 1000,2000,5000: one measured step each (replaces -c/-d).")
    int[] ramp;

    @Option(names = "--step", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "Measured length of each ramp step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--ramp-rate", paramLabel = "N", defaultValue = "0",
            description = "New connections per second during a ramp (default: a step's new connections within its first second).")
    double rampRate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadConfig config;
        RunDescription description;
        RampPlan plan = null;
        OutputOptions.Outputs outputs;
        try {
            outputs = output.resolve();
            if (ramp != null) {
                if (requests != null) {
                    throw new IllegalArgumentException("--ramp and -n cannot be combined");
                }
                plan = new RampPlan(ramp, step.toNanos(), rampRate);
                load.connections = plan.maxConnections();
                duration = step.multipliedBy(ramp.length);
            }
            OpenLoopRate openLoop = openLoopRate(rate, arrival, requests != null, ramp != null);
            if (requests != null && requests < 1) {
                throw new IllegalArgumentException("-n must be at least 1, got " + requests);
            }
            java.time.Instant measureAt = startAt == null ? null : StartAt.parse(startAt, java.time.Instant.now());
            if (measureAt != null && (requests != null || ramp != null)) {
                throw new IllegalArgumentException("--start-at cannot be combined with " + (ramp != null ? "--ramp"
                        : "-n: the requests would be spent in the warmup before the start"));
            }
            if (load.shard != null && ramp != null) {
                throw new IllegalArgumentException("--shard and --ramp cannot be combined");
            }
            LoadOptions.Prepared prepared = load.prepare(url);
            ShardPart part = shardPart(prepared, requests, openLoop);
            long ownRequests = requests == null ? -1 : part == null ? requests : prepared.shard().shareOf(requests);
            if (ownRequests == 0) {
                throw new IllegalArgumentException("--shard " + prepared.shard() + ": -n " + requests + " leaves this "
                        + "shard no request; give at least " + prepared.shard().count());
            }
            if (openLoop != null && part != null) {
                // The same split as the engine's between threads: by connections, so the shards' rates add up.
                openLoop = openLoop.share((double) prepared.shard().shareOf(prepared.runConnections())
                        / prepared.runConnections());
            }
            LoadConfig.Builder builder = prepared.builder().requests(ownRequests).rate(openLoop);
            (warmup != null ? warmup : requests != null || ramp != null ? Warmup.NONE : Warmup.AUTO).applyTo(builder);
            if (duration != null) {
                builder.durationNs(duration.toNanos());
            }
            config = builder.build();
            description = prepared.describe(load.method, load.headers, latency, json)
                    .withCommandLine(spec.commandLine().getParseResult().originalArgs()).withShard(part, measureAt);
        } catch (IllegalArgumentException | IOException e) {
            err.println("ringload: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Engines.Choice choice = engine.choose("ringload", err);
        if (choice == null) {
            return engine.exitCode();
        }
        description = description.withEngineReason(choice.reason());
        if (!enoughFileDescriptors(config.connections(), err)) {
            return ExitCodes.FAILURE;
        }
        warnAboutHostLimits(config.connections(), config.sources().size(), err);
        return plan == null ? execute(config, description, choice, outputs, out, err)
                : executeRamp(config, plan, description, choice, outputs, out, err);
    }

    /** The shard's place in the whole run, or null without {@code --shard}. */
    private static ShardPart shardPart(LoadOptions.Prepared prepared, Long requests, OpenLoopRate rate) {
        if (prepared.shard() == null) {
            return null;
        }
        return new ShardPart(prepared.shard(), prepared.runConnections(), requests == null ? -1 : requests,
                rate == null ? 0 : rate.fromPerSecond(), rate == null ? 0 : rate.toPerSecond());
    }

    /** Raises the open-files limit for {@code connections} where allowed; false (and why, on err) where not. */
    static boolean enoughFileDescriptors(int connections, PrintWriter err) {
        long neededFds = (long) connections + SPARE_FDS;
        ResourceLimits.OpenFiles files = ResourceLimits.ensureOpenFiles(neededFds);
        if (files.allows(neededFds)) {
            return true;
        }
        err.printf("ringload: %d connections need about %d file descriptors, but the limit is %d (hard limit %d); "
                + "raise it first, e.g. `ulimit -n %d` (containers: --ulimit nofile=%d)%n", connections,
                neededFds, files.soft(), files.hard(), neededFds, neededFds);
        err.flush();
        return false;
    }

    /** {@code --arrival}: uniform or poisson. */
    static Arrival arrival(String name) {
        return switch (name) {
            case "uniform" -> Arrival.UNIFORM;
            case "poisson" -> Arrival.POISSON;
            default -> throw new IllegalArgumentException("--arrival must be uniform or poisson, got '" + name + "'");
        };
    }

    /** The open-loop rate the options ask for, or null (closed loop); combinations that make no sense are refused. */
    static OpenLoopRate openLoopRate(RateConverter.Rate rate, String arrival, boolean withRequests, boolean withRamp) {
        Arrival spacing = arrival(arrival);
        if (rate == null) {
            return null;
        }
        if (withRequests) {
            throw new IllegalArgumentException("--rate and -n cannot be combined: an open-loop run lasts -d");
        }
        if (withRamp) {
            throw new IllegalArgumentException("--rate and --ramp cannot be combined: a ramp steps connections, "
                    + "--rate A:B ramps the rate");
        }
        return new OpenLoopRate(rate.from(), rate.to(), spacing);
    }

    /**
     * One line per doctor check that limits this run (ephemeral ports for the connections from each of
     * {@code sources} source addresses, 0: the kernel's pick), before it starts.
     */
    static void warnAboutHostLimits(long connections, int sources, PrintWriter err) {
        long perSource = (connections + Math.max(sources, 1) - 1) / Math.max(sources, 1);
        for (Finding f : Doctor.inspectLimits(new Doctor.Options(Path.of("/"), null, perSource, false))) {
            if (f.id().equals("ports") && f.status() != Finding.Status.OK) {
                err.println("ringload: warning: " + perSource + " connections from one address to one address need "
                        + "as many local ports, but the range is " + f.value() + "; fix: more --source addresses, or "
                        + f.fixes().getFirst().command() + " (see ringload doctor)");
                err.flush();
            }
        }
    }

    static int executeRamp(LoadConfig config, RampPlan plan, RunDescription description, Engines.Choice engine,
                           OutputOptions.Outputs outputs, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (!description.json()) {
            out.print(RampReport.header(config, plan, description, engine.name()));
            out.flush();
        }
        LoadRun run = new LoadRun(config, engine.name(), engine.engine().transports(),
                LoadOptions.plans(config, description.mix(), description.connectionBase()));
        RampResult result;
        try (SignalStop ignored = SignalStop.install(run::interrupt)) {
            result = run.executeRamp(plan);
        }
        List<Thresholds.Verdict> verdicts = outputs.thresholds().judge(result.run());
        String message = result.run().unreachable() ? unreachableMessage(result.run()) : null;
        String json = JsonReport.ramp(result, plan, description, message, verdicts);
        if (description.json()) {
            out.println(json);
        } else if (message == null) {
            RampReport.human(out, result);
            Thresholds.print(out, verdicts, result.run());
        }
        out.flush();
        return finish(result.run(), message, verdicts, json, outputs, err);
    }

    /** Runs {@code config} and prints the report; shared with {@code demo}. */
    static int execute(LoadConfig config, RunDescription description, Engines.Choice engine,
                       OutputOptions.Outputs outputs, PrintWriter out, PrintWriter err) throws InterruptedException {
        boolean json = description.json();
        if (!json) {
            out.print(Report.header(config, description, engine.name()));
            out.flush();
        }
        LoadRun run = new LoadRun(config, engine.name(), engine.engine().transports(),
                LoadOptions.plans(config, description.mix(), description.connectionBase()));
        if (description.startAt() != null) {
            run.measureFrom(description.startAt());
        }
        IntervalListener progress = ProgressLine.forRun(outputs.quiet(), config.durationNs() / 1e9,
                config.warmupNs() / 1e9, config.connections());
        SecondHistograms secondHistograms = description.shard() == null ? null : new SecondHistograms();
        RunResult result;
        try (HlogWriter hlog = outputs.hlog() == null ? null : new HlogWriter(outputs.hlog());
             SignalStop ignored = SignalStop.install(run::interrupt)) {
            run.onSecond((sample, latency, service) -> {
                if (hlog != null) {
                    hlog.onSecond(sample, latency, service);
                }
                if (secondHistograms != null) {
                    secondHistograms.onSecond(sample, latency, service);
                }
                progress.onSecond(sample, latency, service);
            });
            try {
                result = run.execute();
            } finally {
                if (progress instanceof ProgressLine line) {
                    line.clear();
                }
            }
        } catch (IOException e) {
            err.println("ringload: --hlog " + outputs.hlog() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<Thresholds.Verdict> verdicts = outputs.thresholds().judge(result);
        String message = result.unreachable() ? unreachableMessage(result) : null;
        warnIfLate(result, description, err);
        String report = JsonReport.run(result, description, message, verdicts, secondHistograms);
        if (json) {
            out.println(report);
        } else if (message == null) {
            Report.human(out, result, description);
            Thresholds.print(out, verdicts, result);
        }
        out.flush();
        return finish(result, message, verdicts, report, outputs, err);
    }

    /** A timed start that the connecting and warmup made miss its instant by more than a tenth of a second. */
    private static void warnIfLate(RunResult result, RunDescription description, PrintWriter err) {
        if (description.startAt() == null) {
            return;
        }
        long lateMs = result.startedAt().toEpochMilli() - description.startAt().toEpochMilli();
        if (lateMs > 100) {
            err.println("ringload: warning: measuring began " + lateMs + " ms after --start-at " + description.startAt()
                    + "; give the shards more time to connect and warm up");
            err.flush();
        }
    }

    private static String unreachableMessage(RunResult result) {
        String reason = result.totals().firstConnectError() == null ? "no connection succeeded"
                : result.totals().firstConnectError();
        LoadConfig config = result.config();
        return "target unreachable: " + reason + " (" + config.target().address().getHostAddress() + ":"
                + config.target().port() + ")";
    }

    /** Writes the HTML report, says why the target was unreachable, and picks the exit code. */
    private static int finish(RunResult result, String unreachable, List<Thresholds.Verdict> verdicts, String json,
                              OutputOptions.Outputs outputs, PrintWriter err) {
        if (outputs.html() != null && !HtmlOutput.write(json, outputs.html(), err)) {
            return ExitCodes.FAILURE;
        }
        if (unreachable != null) {
            err.println("ringload: " + unreachable);
            err.flush();
            return ExitCodes.UNREACHABLE;
        }
        return result.partial() ? ExitCodes.INTERRUPTED
                : Thresholds.anyFailed(verdicts) ? ExitCodes.NOT_MET : ExitCodes.OK;
    }

}
