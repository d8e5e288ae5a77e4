package dev.ringload.cli;

import dev.ringload.engine.server.FaultKind;
import dev.ringload.engine.server.InjectedFault;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.Engines;
import dev.ringload.engine.server.TargetServer;
import dev.ringload.engine.os.ErrnoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ringload serve}: the built-in target server. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Run the built-in HTTP/1.1 target server.",
                "io_uring (or NIO where io_uring is unusable), pre-encoded responses, pipelining honoured. Every "
                        + "request gets the same response, except where a --fault hits it. Stop it with Ctrl-C or "
                        + "SIGTERM; it prints the complete responses served and, per --fault kind, how often it fired."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  stopped by --help/--version",
                "  1  cannot listen (port in use, permission denied, address not local)",
                "  2  invalid option value or address",
                "  4  --engine uring where io_uring is unusable (the reason is printed)",
                "  130  stopped by SIGINT, 143  by SIGTERM (after printing the served count)",
        })
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8083", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--threads", defaultValue = "1",
            description = "Worker threads, each with its own ring and listener (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--cpus", converter = CpuListConverter.class, paramLabel = "LIST",
            description = "Pin worker i to the i-th CPU of LIST, e.g. 1 or 2-3 (default: not pinned).")
    CpuListConverter.CpuList cpus;

    @CommandLine.ArgGroup(exclusive = true)
    Body body;

    static final class Body {
        @Option(names = "--body", paramLabel = "TEXT", description = "Response body (default: {\"message\":\"hi\"}).")
        String text;

        @Option(names = "--body-file", paramLabel = "FILE", description = "Response body read from FILE.")
        Path file;
    }

    @Option(names = "--content-type", defaultValue = "application/json",
            description = "Content-Type of the response (default: ${DEFAULT-VALUE}).")
    String contentType;

    @Option(names = "--status", defaultValue = "200", description = "Status code, 200-599 (default: ${DEFAULT-VALUE}).")
    int status;

    @Option(names = "--delay", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Answer each request this long after it arrived, e.g. 20ms (default: at once).")
    Duration delay;

    @CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @Option(names = "--close-every", paramLabel = "N", defaultValue = "0",
            description = "Close each connection after N responses (default: never).")
    long closeEvery;

    @Option(names = "--stall", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Fault for testing clients: stop answering for DURATION out of every --stall-every.")
    Duration stall;

    @Option(names = "--stall-every", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The period of --stall, e.g. --stall 1s --stall-every 5s.")
    Duration stallEvery;

    @Option(names = "--max-rate", paramLabel = "N", defaultValue = "0",
            description = "Fault for testing clients: answer at most N requests per second, the rest in order later.")
    double maxRate;

    @Option(names = "--fault", paramLabel = "KIND[:VALUE][@WHEN]",
            description = {"Fault for testing clients, repeatable: reset, close-mid-pipeline, trickle:BYTES_PER_MS, "
                    + "stall:DURATION, huge-headers:BYTES, bad-status, bad-chunk, garbage:BYTES, no-response. WHEN is N "
                    + "(every N-th request) or P%% (a probability); default every request. reset:100 = reset@100.",
                    "Examples: --fault reset@1%% --fault trickle:10@50 --fault stall:2s@5%%"})
    List<String> faults = new ArrayList<>();

    @Option(names = "--fault-seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the --fault probabilities: the same seed faults the same requests (default: ${DEFAULT-VALUE}).")
    long faultSeed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | IOException e) {
            err.println("ringload serve: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Engines.Choice choice = engine.choose("ringload serve", err);
        if (choice == null) {
            return engine.exitCode();
        }
        TargetServer server;
        try {
            server = TargetServer.start(config, choice.engine());
        } catch (ErrnoException | java.io.UncheckedIOException e) {
            err.println("ringload serve: cannot listen: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        out.printf("ringload serve: listening on http://%s/ (engine %s, %d thread%s%s)%n",
                hostPort(server.address()), server.engine(), config.threads(), config.threads() == 1 ? "" : "s",
                config.cpus().length == 0 ? "" : ", cpus " + java.util.Arrays.toString(config.cpus()));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.printf("ringload serve: stopped; served %d requests%n", server.served());
            printFaultCounts(out, server);
            out.flush();
            stopped.countDown();
        }, "ringload-serve-shutdown"));
        // The JVM exits from the shutdown hook (SIGINT/SIGTERM); this thread only waits.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** One line per configured fault kind: how often it fired (the served line counts complete responses). */
    private static void printFaultCounts(PrintWriter out, TargetServer server) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (InjectedFault f : server.config().faults().injected()) {
            kinds.add(f.kind());
        }
        for (FaultKind kind : kinds) {
            out.printf("ringload serve: fault %s sent %d times%n", kind.label(), server.faultsSent(kind));
        }
    }

    ServerConfig config() throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address '" + host + "': cannot resolve it");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port + ": must be 0-65535");
        }
        byte[] content = body == null ? ServerConfig.DEFAULT_BODY.getBytes(StandardCharsets.US_ASCII)
                : body.file != null ? Files.readAllBytes(body.file)
                : body.text.getBytes(StandardCharsets.UTF_8);
        if (contentType.contains("\r") || contentType.contains("\n")) {
            throw new IllegalArgumentException("bad --content-type: must be one line");
        }
        int[] cpuList = cpus == null ? new int[0] : cpus.cpus();
        int threadCount = threads;
        if (cpuList.length > 0 && !spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
            threadCount = cpuList.length; // one worker per listed CPU unless told otherwise
        }
        return new ServerConfig(new InetSocketAddress(address, port), threadCount, cpuList, status,
                contentType.isEmpty() ? null : contentType, content, delay == null ? 0 : delay.toNanos(), closeEvery,
                new ServerConfig.Faults(stall == null ? 0 : stall.toNanos(), stallEvery == null ? 0 : stallEvery.toNanos(),
                        maxRate, injectedFaults(), faultSeed));
    }

    private List<InjectedFault> injectedFaults() {
        List<InjectedFault> parsed = new ArrayList<>();
        for (String spec : faults) {
            parsed.add(InjectedFault.parse(spec));
        }
        return parsed;
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
