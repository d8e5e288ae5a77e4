package dev.ringload.cli;

import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.os.Affinity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to send and over how many connections and threads: the options {@code run} and {@code find-max} share (a
 * picocli mixin), and the start of the {@link LoadConfig} they build from them.
 */
final class LoadOptions {

    @Option(names = {"-c", "--connections"}, defaultValue = "100", description = "Connections to keep open (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-p", "--pipelining"}, defaultValue = "1", description = "Requests in flight per connection (default: ${DEFAULT-VALUE}).")
    int pipelining;

    @Option(names = {"-t", "--threads"}, description = "Engine threads (default: min(CPUs in --cpus, connections)).")
    Integer threads;

    @Option(names = "--cpus", converter = CpuListConverter.class, paramLabel = "LIST",
            description = "Pin thread i to the i-th CPU of LIST, e.g. 0-3,8 (default: the CPUs this process may use).")
    CpuListConverter.CpuList cpus;

    @Option(names = {"-m", "--method"}, defaultValue = "GET", description = "Request method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @CommandLine.ArgGroup(exclusive = true)
    Body body;

    static final class Body {
        @Option(names = {"-b", "--body"}, paramLabel = "TEXT", description = "Request body.")
        String text;

        @Option(names = "--body-file", paramLabel = "FILE", description = "Request body read from FILE.")
        Path file;
    }

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "A request older than this is a timeout; its connection is replaced (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "5s", paramLabel = "DURATION",
            description = "A connect slower than this is a connect timeout (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    /** The options resolved for one URL: a builder with the request and connection settings, and what they were. */
    record Prepared(LoadConfig.Builder builder, Target target, int bodyBytes, int threads, int[] threadCpus) {

        /** The options as used, for reports. */
        RunDescription describe(String url, String method, List<String> headers, boolean latency, boolean json) {
            return new RunDescription(url, method, List.copyOf(headers), bodyBytes, threadCpus, latency, json, null,
                    List.of());
        }
    }

    /**
     * Parses the URL, encodes the request and starts a builder with connections, threads, CPUs, pipelining and
     * timeouts set; the caller adds duration, warmup, rate.
     *
     * @throws IllegalArgumentException for a bad URL or option, with a one-line reason
     * @throws IOException              when the body file cannot be read
     */
    Prepared prepare(String url) throws IOException {
        byte[] content = body == null ? new byte[0]
                : body.file != null ? Files.readAllBytes(body.file) : body.text.getBytes(StandardCharsets.UTF_8);
        Target target = Target.parse(url);
        byte[] request = RequestTemplate.encode(method, target, headers, content);
        int[] cpuList = cpus != null ? cpus.cpus() : Affinity.allowedCpus().stream().toArray();
        int threadCount = threads != null ? threads : Math.max(1, Math.min(cpuList.length, connections));
        LoadConfig.Builder builder = LoadConfig.builder(target, request).headRequests(method.equals("HEAD"))
                .connections(connections).threads(threadCount).cpus(cpuList).pipelining(pipelining)
                .timeoutNs(timeout.toNanos()).connectTimeoutNs(connectTimeout.toNanos());
        int[] used = cpuList.length > threadCount ? Arrays.copyOf(cpuList, threadCount) : cpuList;
        return new Prepared(builder, target, content.length, threadCount, used);
    }
}
