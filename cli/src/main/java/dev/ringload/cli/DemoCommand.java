package dev.ringload.cli;

import dev.ringload.engine.Engines;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.RequestTemplate;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ringload demo}: the built-in server and a short run against it, in one process. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Load-test the built-in server for a few seconds.",
                "Starts the built-in server on a free loopback port and runs a short load test against it. With "
                        + "two or more CPUs the server gets the last one and the client the others."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  4  --engine uring where io_uring is unusable", "  130  interrupted (partial results printed)"})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-d", "--duration"}, converter = DurationConverter.class, defaultValue = "3s",
            paramLabel = "DURATION", description = "Measured duration (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = {"-c", "--connections"}, defaultValue = "50", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-p", "--pipelining"}, defaultValue = "1", description = "Pipelining depth (default: ${DEFAULT-VALUE}).")
    int pipelining;

    @Option(names = "--json", description = "Print one JSON object instead of the tables.")
    boolean json;

    @CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engines.Choice choice = engine.choose("ringload demo", err);
        if (choice == null) {
            return engine.exitCode();
        }
        int[] cpus = Affinity.allowedCpus().stream().toArray();
        int[] serverCpus = cpus.length >= 2 ? new int[] {cpus[cpus.length - 1]} : new int[0];
        int[] clientCpus = cpus.length >= 2 ? Arrays.copyOf(cpus, cpus.length - 1) : new int[0];
        ServerConfig serverConfig = ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withCpus(serverCpus);
        try (TargetServer server = TargetServer.start(serverConfig, choice.engine())) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            if (!json) {
                out.printf("ringload demo: built-in server on %s (%s); client on %s%n", url,
                        serverCpus.length == 0 ? "unpinned" : "CPU " + serverCpus[0],
                        clientCpus.length == 0 ? "the same CPU"
                                : (clientCpus.length == 1 ? "CPU " : "CPUs ") + Report.cpuList(clientCpus));
            }
            Target target = Target.parse(url);
            int threads = Math.max(1, Math.min(Math.max(clientCpus.length, 1), connections));
            LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                    .connections(connections).threads(threads).cpus(clientCpus).pipelining(pipelining)
                    .durationNs(duration.toNanos()).warmupAuto(Warmup.AUTO_MAX.toNanos()).build();
            RunDescription description = new RunDescription(url, "GET", List.of(), 0,
                    clientCpus.length > threads ? Arrays.copyOf(clientCpus, threads) : clientCpus, false, json,
                    choice.reason(), spec.commandLine().getParseResult().originalArgs(), null);
            return RunCommand.execute(config, description, choice, OutputOptions.Outputs.NONE, out, err);
        }
    }
}
