package dev.ringload.cli;

import dev.ringload.engine.load.CoreUsage;
import dev.ringload.engine.Engines;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import dev.ringload.engine.os.Affinity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringload ceiling}: this host's client ceiling. The built-in server runs on some CPUs, the engine on the
 * others; pipelining and then connections go up until req/s stops growing.
 */
@Command(name = "ceiling",
        mixinStandardHelpOptions = true,
        description = {
                "Measure this host's client ceiling against the built-in server.",
                "Pipelining goes up, then connections, until req/s stops growing; the report gives the maximum, "
                        + "req/s per client core and CPU-ns per request, and says so when the built-in server, not "
                        + "the client, was the bottleneck."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  2  invalid option", "  4  --engine uring where io_uring is unusable", "  130  interrupted"})
final class CeilingCommand implements Callable<Integer> {

    /** A step must add at least this much req/s to count as growth. */
    static final double MIN_GAIN_PERCENT = 5.0;
    /** Server CPUs busier than this mean the built-in server, not the client, set the pace. */
    static final double SERVER_SATURATED_PERCENT = 90.0;
    private static final int[] PIPELINING = {1, 4, 16, 64, 256};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--client-cpus", converter = CpuListConverter.class, paramLabel = "LIST",
            description = "CPUs for the engine threads (default: all but the server's).")
    CpuListConverter.CpuList clientCpus;

    @Option(names = "--server-cpus", converter = CpuListConverter.class, paramLabel = "LIST",
            description = "CPUs for the built-in server (default: the last quarter of the CPUs, at least one).")
    CpuListConverter.CpuList serverCpus;

    @Option(names = {"-d", "--duration"}, converter = DurationConverter.class, defaultValue = "3s", paramLabel = "DURATION",
            description = "Measured length of each step, after a 1 s warmup (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @Option(names = "--connections-per-thread", defaultValue = "32", paramLabel = "N",
            description = "Starting connections per client thread (default: ${DEFAULT-VALUE}).")
    int connectionsPerThread;

    private Engines.Choice engineChoice;

    record Step(int connections, int pipelining, RunResult result, double serverBusy, double clientCoresBusy) {
        double rps() {
            return result.requestsPerSecond();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engines.Choice choice = engine.choose("ringload ceiling", err);
        if (choice == null) {
            return engine.exitCode();
        }
        this.engineChoice = choice;
        int[] all = Affinity.allowedCpus().stream().toArray();
        int[] server = serverCpus != null ? serverCpus.cpus() : defaultServerCpus(all);
        int[] client = clientCpus != null ? clientCpus.cpus() : without(all, server);
        if (client.length == 0) {
            client = server; // one CPU: share it, and say so
            out.println("ringload ceiling: only one CPU available: client and server share it, so the figures are a lower bound");
        }
        if (connectionsPerThread < 1) {
            err.println("ringload ceiling: --connections-per-thread must be >= 1");
            err.flush();
            return ExitCodes.USAGE;
        }
        ServerConfig serverConfig = ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withThreads(server.length).withCpus(server);
        List<Step> steps = new ArrayList<>();
        try (TargetServer s = TargetServer.start(serverConfig, choice.engine())) {
            String url = "http://127.0.0.1:" + s.port() + "/";
            out.printf(Locale.ROOT, "ringload ceiling: server on CPU%s %s, client on CPU%s %s, %.3gs per step, engine %s%n",
                    server.length == 1 ? "" : "s", Report.cpuList(server), client.length == 1 ? "" : "s",
                    Report.cpuList(client), duration.toNanos() / 1e9, choice.name());
            out.printf(Locale.ROOT, "%8s %6s %12s %7s %8s %8s%n", "conns", "depth", "req/s", "busy", "client%", "server%");
            out.flush();
            int connections = connectionsPerThread * client.length;
            Step best = null;
            for (int p : PIPELINING) {
                Step step = measure(url, connections, p, client, server);
                steps.add(step);
                print(out, step);
                if (best != null && step.rps() < best.rps() * (1 + MIN_GAIN_PERCENT / 100)) {
                    if (step.rps() > best.rps()) best = step;
                    break;
                }
                best = step;
                // A busy server core at low depth is no reason to stop: deeper pipelines cost the server less per
                // request (on loopback its core also carries the client's TCP receive work).
                if (step.result().partial()) break;
            }
            for (int factor = 2; factor <= 4 && best.serverBusy() < SERVER_SATURATED_PERCENT
                    && !best.result().partial(); factor *= 2) {
                Step step = measure(url, connections * factor, best.pipelining(), client, server);
                steps.add(step);
                print(out, step);
                boolean grew = step.rps() >= best.rps() * (1 + MIN_GAIN_PERCENT / 100);
                if (step.rps() > best.rps()) best = step;
                if (!grew) break;
            }
            out.println();
            out.println(conclusion(best, client.length));
            out.flush();
            return best.result().partial() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Step measure(String url, int connections, int pipelining, int[] client, int[] server) throws Exception {
        Target target = Target.parse(url);
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(connections).threads(client.length).cpus(client).pipelining(pipelining)
                .durationNs(duration.toNanos()).warmupNs(TimeUnit.SECONDS.toNanos(1)).build();
        LoadRun run = new LoadRun(config, engineChoice.name(), engineChoice.engine().transports());
        CoreUsage before = CoreUsage.sample();
        RunResult result;
        try (SignalStop ignored = SignalStop.install(run::interrupt)) {
            result = run.execute();
        }
        CoreUsage after = CoreUsage.sample();
        // The samples include the warmup second, which is as loaded as the measured phase.
        return new Step(connections, pipelining, result, after.busyPercentSince(before, server),
                after.busyPercentSince(before, client));
    }

    private static void print(PrintWriter out, Step s) {
        out.printf(Locale.ROOT, "%8d %6d %12s %6.0f%% %7.0f%% %7.0f%%%n", s.connections(), s.pipelining(),
                Report.count(s.rps()), s.result().client().busyPercent(), s.clientCoresBusy(), s.serverBusy());
        out.flush();
    }

    static String conclusion(Step best, int clientCores) {
        RunResult r = best.result();
        long cpuNs = r.client().totalThreadCpuNs();
        double cpuNsPerRequest = r.responses() == 0 ? 0 : (double) cpuNs / r.responses();
        String figures = String.format(Locale.ROOT, "%s req/s with %d connections x pipelining %d (%s req/s per client "
                        + "core, %.0f CPU-ns per request on the engine threads)", Report.count(best.rps()),
                best.connections(), best.pipelining(), Report.count(best.rps() / clientCores), cpuNsPerRequest);
        if (best.serverBusy() >= SERVER_SATURATED_PERCENT) {
            return String.format(Locale.ROOT, "the built-in server became the bottleneck (its CPUs %.0f%% busy): the "
                    + "client ceiling is above %s; give the server more CPUs (--server-cpus)", best.serverBusy(), figures);
        }
        if (r.client().clientBound()) {
            return "client ceiling: " + figures + "; " + Verdicts.clientLine(r.client()).replaceFirst("^client: ", "client ");
        }
        return "client not saturated at the best step (" + String.format(Locale.ROOT, "%.0f%% busy",
                r.client().busyPercent()) + "): at least " + figures;
    }

    static int[] defaultServerCpus(int[] all) {
        if (all.length <= 1) {
            return all.clone();
        }
        int n = Math.max(1, all.length / 4);
        return Arrays.copyOfRange(all, all.length - n, all.length);
    }

    private static int[] without(int[] all, int[] removed) {
        return Arrays.stream(all).filter(c -> Arrays.stream(removed).noneMatch(r -> r == c)).toArray();
    }
}
