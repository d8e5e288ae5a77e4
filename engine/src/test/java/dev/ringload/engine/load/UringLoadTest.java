package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.Engines;

import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both engines end to end against the built-in server and small hand-written servers: the same suite runs on
 * io_uring and on NIO (the built-in server itself runs on io_uring here).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class UringLoadTest {

    @Parameter
    Engine engine;

    private TargetServer server;

    /** Only the io_uring half needs io_uring: where it is unusable, the NIO half still runs. */
    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The built-in server on whichever engine this host has (the client's engine is the parameter). */
    private TargetServer serve(ServerConfig config) {
        server = TargetServer.start(config, Engines.usable());
        return server;
    }

    private static ServerConfig defaults() {
        return ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private RunResult run(String url, int connections, int pipelining, long durationMs, long requests, long timeoutMs)
            throws InterruptedException {
        return run(engine, url, "GET", connections, pipelining, durationMs, requests, timeoutMs);
    }

    private RunResult run(String url, String method, int connections, int pipelining, long durationMs, long requests,
                          long timeoutMs) throws InterruptedException {
        return run(engine, url, method, connections, pipelining, durationMs, requests, timeoutMs);
    }

    /** A run of {@code engine}; durations in milliseconds, requests -1 for none. */
    static RunResult run(Engine engine, String url, String method, int connections, int pipelining, long durationMs,
                         long requests, long timeoutMs) throws InterruptedException {
        Target target = Target.parse(url);
        byte[] request = RequestTemplate.encode(method, target, List.of(), new byte[0]);
        LoadConfig config = LoadConfig.builder(target, request).headRequests(method.equals("HEAD"))
                .connections(connections).pipelining(pipelining).durationNs(TimeUnit.MILLISECONDS.toNanos(durationMs))
                .requests(requests).timeoutNs(TimeUnit.MILLISECONDS.toNanos(timeoutMs))
                .connectTimeoutNs(TimeUnit.SECONDS.toNanos(2)).build();
        return new LoadRun(config, engine.label(), engine.transports()).execute();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private static String errors(RunResult r) {
        StringBuilder s = new StringBuilder();
        for (ErrorKind kind : ErrorKind.values()) {
            s.append(kind).append('=').append(r.totals().errors(kind)).append(' ');
        }
        return s.toString();
    }

    /** Every request sent is a response, an error of exactly one kind, or still in flight at the stop. */
    private static void assertAccountedFor(RunResult r) {
        RunTotals t = r.totals();
        long requestErrors = 0;
        for (ErrorKind kind : ErrorKind.values()) {
            if (!kind.isConnect()) {
                requestErrors += t.errors(kind);
            }
        }
        assertThat(t.get(Counter.REQUESTS_SENT)).as("sent = responses + request errors + in flight at stop")
                .isEqualTo(t.responses() + requestErrors + t.get(Counter.IN_FLIGHT_AT_STOP));
    }

    private void awaitServed(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.served() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void countsAgreeWithTheServer() throws Exception {
        serve(defaults());
        RunResult r = run(url(), 10, 4, 1000, -1, 5000);
        assertThat(r.responses()).isPositive();
        assertThat(r.errors()).isZero();
        assertThat(r.totals().status(200)).isEqualTo(r.responses());
        assertThat(r.totals().get(Counter.CONNECTIONS_ESTABLISHED)).isEqualTo(10);
        assertAccountedFor(r);
        Thread.sleep(300);
        // The server may have answered requests whose responses were still on their way at the stop.
        assertThat(server.served()).isBetween(r.responses(), r.responses() + 10 * 4);
        assertThat(r.perSecondResponses()).hasSize(1);
        assertThat(r.latency().count()).isEqualTo(r.responses());
    }

    @Test
    void warmupIsMeasuredSeparatelyAndExcluded() throws Exception {
        serve(defaults());
        Target target = Target.parse(url());
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(4).pipelining(2).durationNs(TimeUnit.MILLISECONDS.toNanos(1000))
                .timeoutNs(TimeUnit.SECONDS.toNanos(5)).connectTimeoutNs(TimeUnit.SECONDS.toNanos(2))
                .warmupNs(TimeUnit.MILLISECONDS.toNanos(500)).build();
        RunResult r = new LoadRun(config, engine.label(), engine.transports()).execute();
        assertThat(r.warmupResponses()).isPositive();
        assertThat(r.warmupNs()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(r.durationNs()).isBetween(TimeUnit.MILLISECONDS.toNanos(1000), TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(r.latency().count()).isEqualTo(r.responses());
        Thread.sleep(300);
        // Warmup and measured responses together are what the server answered (up to what was in flight).
        assertThat(server.served()).isBetween(r.responses() + r.warmupResponses(),
                r.responses() + r.warmupResponses() + 4 * 2 * 2);
    }

    @Test
    void requestLimitIsExact() throws Exception {
        serve(defaults());
        RunResult r = run(url(), 10, 4, 0, 1234, 5000);
        assertThat(r.responses()).isEqualTo(1234);
        assertThat(r.totals().get(Counter.REQUESTS_SENT)).isEqualTo(1234);
        assertThat(r.errors()).isZero();
        awaitServed(1234);
        Thread.sleep(100);
        assertThat(server.served()).isEqualTo(1234);
    }

    @Test
    void pipeliningDepthIsObservedAtTheServer() throws Exception {
        serve(defaults());
        RunResult r = run(url(), 4, 10, 0, 4000, 5000);
        assertThat(r.responses()).isEqualTo(4000);
        assertThat(server.maxPipelineDepth()).isEqualTo(10);
    }

    @Test
    void depthOneNeverPipelines() throws Exception {
        serve(defaults());
        run(url(), 4, 1, 0, 2000, 5000);
        assertThat(server.maxPipelineDepth()).isEqualTo(1);
    }

    @Test
    void connectionCloseResponsesReconnectWithoutErrors() throws Exception {
        serve(defaults().withCloseEvery(1));
        RunResult r = run(url(), 5, 1, 0, 300, 5000);
        assertThat(r.responses()).isEqualTo(300);
        assertThat(r.errors()).as(errors(r)).isZero();
        assertThat(r.totals().get(Counter.RECONNECTS)).isGreaterThanOrEqualTo(290);
    }

    @Test
    void serverClosingMidPipelineIsCountedNotLost() throws Exception {
        serve(defaults().withCloseEvery(5));
        RunResult r = run(url(), 4, 10, 1000, -1, 5000);
        assertThat(r.responses()).isPositive();
        assertThat(r.totals().errors(ErrorKind.CLOSED_MID_PIPELINE)).isPositive();
        assertThat(r.totals().errors(ErrorKind.RESET) + r.totals().errors(ErrorKind.PARSE)).as(errors(r)).isZero();
        assertAccountedFor(r);
    }

    @Test
    void requestLimitStillExactWhenTheServerClosesMidPipeline() throws Exception {
        serve(defaults().withCloseEvery(3));
        RunResult r = run(url(), 2, 5, 0, 500, 5000);
        assertThat(r.responses()).isEqualTo(500);
        assertThat(r.totals().errors(ErrorKind.CLOSED_MID_PIPELINE)).isPositive();
    }

    @Test
    void refusedTargetIsUnreachable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long start = System.nanoTime();
        RunResult r = run("http://127.0.0.1:" + port + "/", 3, 1, 10_000, -1, 5000);
        assertThat(r.unreachable()).isTrue();
        assertThat(r.totals().firstConnectError()).contains("ECONNREFUSED");
        assertThat(r.totals().errors(ErrorKind.CONNECT_REFUSED)).isGreaterThanOrEqualTo(3);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("gives up early").isLessThan(5);
    }

    @Test
    void slowResponsesBecomeTimeoutsAndTheConnectionIsReplaced() throws Exception {
        serve(defaults().withDelayNs(TimeUnit.SECONDS.toNanos(2)));
        RunResult r = run(url(), 2, 1, 1200, -1, 200);
        assertThat(r.responses()).isZero();
        assertThat(r.totals().errors(ErrorKind.TIMEOUT)).isGreaterThanOrEqualTo(4);
        assertThat(r.totals().get(Counter.RECONNECTS)).isGreaterThanOrEqualTo(2);
        assertAccountedFor(r);
    }

    @Test
    void latencyFollowsTheServersDelay() throws Exception {
        serve(defaults().withDelayNs(TimeUnit.MILLISECONDS.toNanos(20)));
        RunResult r = run(url(), 10, 1, 2000, -1, 5000);
        double medianMs = r.latency().valueAtPercentileNs(50) / 1e6;
        assertThat(medianMs).isBetween(20.0, 25.0);
        assertThat(r.latency().minNs() / 1e6).isGreaterThanOrEqualTo(19.9);
    }

    @Test
    void chunkedResponsesWithTrailers() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")) {
            RunResult r = run("http://127.0.0.1:" + canned.port() + "/", 2, 5, 0, 200, 5000);
            assertThat(r.responses()).isEqualTo(200);
            assertThat(r.errors()).isZero();
        }
    }

    @Test
    void garbageResponsesAreParseErrors() throws Exception {
        try (CannedServer canned = new CannedServer("SSH-2.0-OpenSSH\r\n\r\n")) {
            RunResult r = run("http://127.0.0.1:" + canned.port() + "/", 2, 1, 500, -1, 5000);
            assertThat(r.responses()).isZero();
            assertThat(r.totals().errors(ErrorKind.PARSE)).isPositive();
            assertAccountedFor(r);
        }
    }

    @Test
    void headResponsesHaveNoBody() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")) {
            RunResult r = run("http://127.0.0.1:" + canned.port() + "/", "HEAD", 2, 3, 0, 90, 5000);
            assertThat(r.responses()).isEqualTo(90);
            assertThat(r.errors()).isZero();
        }
    }

    /** Answers every request (header block, no body) with the same canned bytes; one thread per connection. */
    static final class CannedServer implements AutoCloseable {
        private final ServerSocket socket;
        private final byte[] response;

        CannedServer(String response) throws IOException {
            this.response = response.getBytes(StandardCharsets.ISO_8859_1);
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon(true).start(this::acceptLoop);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread.ofPlatform().daemon(true).start(() -> answer(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void answer(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                int matched = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                    if (matched == 4) {
                        out.write(response);
                        out.flush();
                        matched = 0;
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
