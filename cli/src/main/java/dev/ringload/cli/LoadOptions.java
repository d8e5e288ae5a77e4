package dev.ringload.cli;

import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.SendPlanFactory;
import dev.ringload.engine.mix.MixPlan;
import dev.ringload.engine.mix.RawRequests;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.mix.RequestSpec;
import dev.ringload.engine.mix.TargetsFile;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.load.Shard;
import dev.ringload.engine.os.Affinity;
import dev.ringload.engine.transport.SourceAddresses;
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

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Requests from a vegeta-style targets file: 'METHOD URL', header lines, an optional @body-file "
                    + "line, a blank line between targets; '# weight=N' inside a target weights it. One endpoint; "
                    + "no URL argument then.")
    Path targets;

    @Option(names = "--raw", split = ",", paramLabel = "FILE[,FILE...]",
            description = "Requests from files, each one complete raw HTTP/1.1 request sent byte for byte (CRLF "
                    + "line endings checked), to the URL's host and port.")
    List<Path> raw;

    @Option(names = "--pick", defaultValue = "round-robin", paramLabel = "round-robin|random",
            description = "How each next request of --targets/--raw is chosen: in turn (exact shares, by weight) "
                    + "or at random by weight (default: ${DEFAULT-VALUE}).")
    String pick;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "A request older than this is a timeout; its connection is replaced (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--shard", paramLabel = "I/N|auto/N",
            description = "Be shard I (0-based) of N processes that together make one run: this one opens its share "
                    + "of -c, sends its share of -n and --rate, and its {seq} values and {conn} numbers are its own. "
                    + "auto/N takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs). Join the --json reports "
                    + "with ringload merge.")
    String shard;

    /** Where {@code --shard auto/N} reads its index; tests put their own here. */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "5s", paramLabel = "DURATION",
            description = "A connect slower than this is a connect timeout (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--source", converter = SourceAddressesConverter.class, paramLabel = "ADDR[-ADDR|/PREFIX][,...]",
            description = "Local addresses to connect from, spread over the connections: each brings its own "
                    + "ephemeral ports (about 28,000 connections per address to one target with Linux's default "
                    + "range). E.g. 127.0.0.2-127.0.0.9, 10.1.0.0/28.")
    SourceAddresses sources;

    /**
     * The options resolved for one URL: a builder with the request and connection settings, what they were, and
     * the request mix (null: one request, repeated), and with {@code --shard} which shard this is (else null) of a run
     * of {@code runConnections}.
     */
    record Prepared(LoadConfig.Builder builder, Target target, int bodyBytes, int threads, int[] threadCpus,
                    RequestMix mix, String url, Shard shard, int runConnections) {

        /** The options as used, for reports. */
        RunDescription describe(String method, List<String> headers, boolean latency, boolean json) {
            return new RunDescription(url, method, List.copyOf(headers), bodyBytes, threadCpus, latency, json, null,
                    List.of(), mix);
        }
    }

    /** Most memory the send areas of a mix may take (connections x pipelining x the longest request). */
    static final long MAX_SEND_AREAS = 1L << 30;

    /**
     * Parses the URL, encodes the request and starts a builder with connections, threads, CPUs, pipelining and
     * timeouts set; the caller adds duration, warmup, rate. With {@code --shard}, the connections are this shard's
     * share.
     *
     * @throws IllegalArgumentException for a bad URL or option, with a one-line reason
     * @throws IOException              when the body file cannot be read
     */
    Prepared prepare(String url) throws IOException {
        if (targets != null && raw != null) {
            throw new IllegalArgumentException("--targets and --raw cannot be combined");
        }
        if (targets != null && url != null) {
            throw new IllegalArgumentException("--targets names its URLs: give no URL argument with it");
        }
        if (targets == null && url == null) {
            throw new IllegalArgumentException("give a URL, or --targets FILE");
        }
        RequestMix.Pick order = switch (pick) {
            case "round-robin" -> RequestMix.Pick.ROUND_ROBIN;
            case "random" -> RequestMix.Pick.RANDOM;
            default -> throw new IllegalArgumentException("--pick must be round-robin or random, got '" + pick + "'");
        };
        List<RequestSpec> specs = targets != null ? TargetsFile.parse(targets) : raw != null ? RawRequests.parse(raw) : null;
        if (specs != null && url == null) {
            url = endpointOf(specs.getFirst().url());
        }
        byte[] content = body == null ? new byte[0]
                : body.file != null ? Files.readAllBytes(body.file) : body.text.getBytes(StandardCharsets.UTF_8);
        Target target = Target.parse(url);
        Shard part = shard == null ? Shard.WHOLE : ShardSpec.parse(shard, environment);
        int own = (int) part.shareOf(connections); // -c is the whole run's; this process opens its share
        if (shard != null && own < 1) { // without --shard, LoadConfig says what is wrong with -c
            throw new IllegalArgumentException("--shard " + part + ": -c " + connections + " leaves this shard no "
                    + "connection; give at least " + part.count() + " connections");
        }
        RequestMix mix = specs == null ? null : RequestMix.compile(specs, target, order);
        if (mix != null && (long) mix.maxLength() * pipelining * own > MAX_SEND_AREAS) {
            throw new IllegalArgumentException("the requests need " + mix.maxLength() + " bytes each; with "
                    + own + " connections x pipelining " + pipelining + " their send areas would pass 1 GiB: "
                    + "lower -c or -p");
        }
        byte[] request = mix != null ? mix.shapes().getFirst().bytesForReport()
                : RequestTemplate.encode(method, target, headers, content);
        int[] cpuList = cpus != null ? cpus.cpus() : Affinity.allowedCpus().stream().toArray();
        int threadCount = threads != null ? threads : Math.max(1, Math.min(cpuList.length, own));
        boolean head = mix != null ? mix.allHead() : method.equals("HEAD");
        if (sources != null && sources.addresses().getFirst().getClass() != target.address().getClass()) {
            throw new IllegalArgumentException("--source addresses and the target " + target.address().getHostAddress()
                    + " are not the same IP version");
        }
        LoadConfig.Builder builder = LoadConfig.builder(target, request).headRequests(head)
                .connections(own).threads(threadCount).cpus(cpuList).pipelining(pipelining)
                .timeoutNs(timeout.toNanos()).connectTimeoutNs(connectTimeout.toNanos()).shard(part)
                .sources(sources == null ? SourceAddresses.NONE : sources);
        int[] used = cpuList.length > threadCount ? Arrays.copyOf(cpuList, threadCount) : cpuList;
        return new Prepared(builder, target, content.length, threadCount, used, mix, url, shard == null ? null : part,
                connections);
    }

    /** The scheme, host and port of a targets file's URL: the endpoint every target shares. */
    private static String endpointOf(String targetUrl) {
        int scheme = targetUrl.indexOf("://");
        int slash = targetUrl.indexOf('/', scheme + 3);
        return (slash < 0 ? targetUrl : targetUrl.substring(0, slash)) + "/";
    }

    /**
     * Each worker's plan for {@code config}: the mix's, or the one request repeated; {@code connectionBase}: where
     * this process's connections start in the whole run (a shard's come after the earlier shards').
     */
    static SendPlanFactory plans(LoadConfig config, RequestMix mix, int connectionBase) {
        if (mix == null) {
            return SendPlanFactory.repeated(config);
        }
        return worker -> new MixPlan(mix, worker, config.threads(), connectionBase + config.firstConnectionOf(worker),
                config.connectionsOf(worker), config.pipelining(), config.seedOf(worker), config.shard());
    }
}
