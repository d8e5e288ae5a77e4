package dev.ringload.engine.server;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in server, on both engines, against real clients (curl, wrk, h2load) and raw sockets. */
@ParameterizedClass
@EnumSource(Engine.class)
class UringServerTest {

    @Parameter
    Engine engine;

    private static final String GET = "GET / HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String POST = "POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello";
    private static final String CHUNKED = "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n10;x=y\r\n0123456789abcdef\r\n0\r\nTrailer: v\r\n\r\n";

    private TargetServer server;

    /** Only the io_uring half needs io_uring: where it is unusable, the NIO half still runs. */
    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TargetServer start(ServerConfig config) {
        server = TargetServer.start(config, engine);
        assertThat(server.engine()).isEqualTo(engine.label());
        return server;
    }

    private static ServerConfig defaults() {
        return ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** served() is published once per worker loop iteration; wait until it settles on the expected value. */
    private void assertServedEventually(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.served() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.served()).isEqualTo(expected);
    }

    @Test
    void curlKeepAliveReusesTheConnection() throws Exception {
        ExternalTool.require("curl");
        start(defaults());
        ExternalTool.Result r = ExternalTool.run(List.of("curl", "-sv", url() + "a", url() + "b"), 30);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("Re-using existing connection");
        assertThat(r.output().split("< HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(r.output().split("\\{\"message\":\"hi\"}", -1)).as("two bodies").hasSize(3);
        assertThat(r.output()).contains("< Server: ringload").contains("< Content-Type: application/json")
                .contains("< Content-Length: 16").containsPattern("< Date: \\w{3}, \\d{2} \\w{3} \\d{4} [0-9:]{8} GMT");
        assertServedEventually(2);
    }

    @Test
    void curlHttp10GetsItsResponseAndAClose() throws Exception {
        ExternalTool.require("curl");
        start(defaults());
        ExternalTool.Result r = ExternalTool.run(List.of("curl", "-sv", "--http1.0", url()), 30);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("< HTTP/1.1 200 OK").contains("< Connection: close")
                .contains("{\"message\":\"hi\"}");
        assertServedEventually(1);
    }

    @Test
    void curlPostWithBodiesPlainAndChunked(@TempDir Path dir) throws Exception {
        ExternalTool.require("curl");
        start(defaults());
        Path body = dir.resolve("body.bin");
        Files.write(body, new byte[300_000]);
        ExternalTool.Result plain = ExternalTool.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--data-binary", "@" + body, url()), 30);
        assertThat(plain.output()).isEqualTo("200");
        ExternalTool.Result chunked = ExternalTool.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + body, url()), 30);
        assertThat(chunked.output()).isEqualTo("200");
        assertServedEventually(2);
    }

    @Test
    void h2loadPipelinedCountsMatchExactly() throws Exception {
        ExternalTool.require("h2load");
        start(defaults());
        ExternalTool.Result r = ExternalTool.run(List.of("h2load", "--h1", "-t1", "-c10", "-m16", "-n", "50000", url()), 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("50000 total, 50000 started, 50000 done, 50000 succeeded, 0 failed, 0 errored")
                .contains("status codes: 50000 2xx, 0 3xx, 0 4xx, 0 5xx");
        assertServedEventually(50_000);
    }

    @Test
    void wrkPipelinedHasNoErrorsAndTheCountsAgree() throws Exception {
        ExternalTool.require("wrk");
        start(defaults());
        int connections = 20;
        int depth = 16;
        ExternalTool.Result r = ExternalTool.run(List.of("wrk", "-t1", "-c" + connections, "-d1s",
                "-s", ExternalTool.pipelineScript().toString(), url(), "--", String.valueOf(depth)), 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("Non-2xx").doesNotContain("Socket errors");
        Matcher m = Pattern.compile("(\\d+) requests in").matcher(r.output());
        assertThat(m.find()).as(r.output()).isTrue();
        long wrkCount = Long.parseLong(m.group(1));
        assertThat(wrkCount).isPositive();
        Thread.sleep(300); // let the last loop iteration publish
        // wrk stops counting at its deadline; responses to its last pipelined batches may be sent but unread.
        assertThat(server.served()).isBetween(wrkCount, wrkCount + (long) connections * depth);
    }

    @Test
    void requestsSplitAtEveryByteBoundary() throws Exception {
        start(defaults());
        String all = GET + POST + CHUNKED + GET;
        try (RawHttp client = new RawHttp(server.address())) {
            for (int cut = 1; cut < all.length(); cut++) {
                client.send(all.substring(0, cut));
                Thread.sleep(0, 200_000); // let the first part arrive as its own receive
                client.send(all.substring(cut));
                List<RawHttp.Response> responses = client.read(4);
                assertThat(responses).as("split at %d", cut).allMatch(resp -> resp.status() == 200 && !resp.closes());
            }
        }
        assertServedEventually(4L * (all.length() - 1));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderInOneGo() throws Exception {
        start(defaults().withResponse(200, "text/plain", "ok".getBytes(StandardCharsets.US_ASCII)));
        try (RawHttp client = new RawHttp(server.address())) {
            client.send((GET + POST + CHUNKED).repeat(100));
            assertThat(client.read(300)).allMatch(resp -> resp.status() == 200 && resp.body().equals("ok"));
        }
    }

    /** HEAD gets the head of the GET response, Content-Length included, and no body, pipelined between others. */
    @Test
    void headIsAnsweredWithoutTheBodyInAPipeline() throws Exception {
        start(defaults().withResponse(200, "text/plain", "ok".getBytes(StandardCharsets.US_ASCII)));
        String head = "HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n";
        String closingHead = "HEAD /h HTTP/1.1\r\nConnection: close\r\n\r\n";
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET + head + head + GET + POST + head + GET + closingHead + GET);
            RawHttp.Response get = client.read();
            assertThat(get.body()).isEqualTo("ok");
            String getHead = withoutDate(get.head());
            assertThat(withoutDate(client.readToHead().head())).isEqualTo(getHead).contains("Content-Length: 2");
            assertThat(withoutDate(client.readToHead().head())).isEqualTo(getHead);
            assertThat(client.read(2)).allMatch(r -> r.body().equals("ok") && withoutDate(r.head()).equals(getHead));
            assertThat(withoutDate(client.readToHead().head())).isEqualTo(getHead);
            assertThat(client.read().body()).isEqualTo("ok");
            RawHttp.Response last = client.readToHead();
            assertThat(last.closes()).isTrue();
            assertThat(last.head()).contains("Content-Length: 2");
            assertThat(client.closedByServer()).as("nothing after the closing HEAD's head").isTrue();
        }
        assertServedEventually(8);
    }

    /** A response head without its Date line, which may change between two responses. */
    private static String withoutDate(String head) {
        return head.replaceFirst("\r\nDate: [^\r]*", "");
    }

    @Test
    void malformedRequestGets400AndAClose() throws Exception {
        start(defaults());
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET + "THIS IS NOT HTTP\r\n\r\n" + GET);
            RawHttp.Response first = client.read();
            RawHttp.Response second = client.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.head()).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(second.closes()).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
        assertServedEventually(1);
    }

    @Test
    void overLongHeaderBlockGets431AndAClose() throws Exception {
        start(defaults());
        try (RawHttp client = new RawHttp(server.address())) {
            client.send("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
            RawHttp.Response response = client.read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.closes()).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionCloseIsHonouredAfterItsResponse() throws Exception {
        start(defaults());
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET + "GET / HTTP/1.1\r\nConnection: close\r\n\r\n" + GET);
            List<RawHttp.Response> responses = client.read(2);
            assertThat(responses.get(0).closes()).isFalse();
            assertThat(responses.get(1).closes()).isTrue();
            assertThat(client.closedByServer()).as("no third response, then EOF").isTrue();
        }
    }

    @Test
    void delayIsObservedByTheClient() throws Exception {
        start(defaults().withDelayNs(TimeUnit.MILLISECONDS.toNanos(50)));
        try (RawHttp client = new RawHttp(server.address())) {
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                client.send(GET + GET + GET);
                assertThat(client.read(3)).allMatch(resp -> resp.status() == 200);
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(elapsedMs).as("round %d", round).isGreaterThanOrEqualTo(50).isLessThan(2_000);
            }
        }
        assertServedEventually(9);
    }

    @Test
    void closeEveryClosesAfterNResponsesMidPipeline() throws Exception {
        start(defaults().withCloseEvery(3));
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET.repeat(5));
            List<RawHttp.Response> responses = client.read(3);
            assertThat(responses.get(0).closes()).isFalse();
            assertThat(responses.get(2).closes()).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET);
            client.read();
            client.send(GET + GET);
            assertThat(client.read(2).get(1).closes()).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
        assertServedEventually(6);
    }

    @Test
    void vanishingClientsCostNothingButTheirSlot() throws Exception {
        start(defaults());
        List<Socket> rude = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
            s.getOutputStream().write((i % 2 == 0 ? "GET / HT" : GET + GET).getBytes(StandardCharsets.US_ASCII));
            rude.add(s);
        }
        for (Socket s : rude) {
            s.setSoLinger(true, 0); // reset, not a polite close
            s.close();
        }
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET);
            assertThat(client.read().status()).isEqualTo(200);
        }
    }

    @Test
    void configuredStatusBodyAndContentType() throws Exception {
        start(defaults().withResponse(404, "text/plain", "nope".getBytes(StandardCharsets.US_ASCII)));
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET);
            RawHttp.Response response = client.read();
            assertThat(response.head()).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Content-Type: text/plain\r\n");
            assertThat(response.body()).isEqualTo("nope");
        }
    }

    @Test
    void noContentHasNoBody() throws Exception {
        start(defaults().withResponse(204, null, "ignored".getBytes(StandardCharsets.US_ASCII)));
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET + GET);
            List<RawHttp.Response> responses = client.read(2);
            assertThat(responses).allMatch(r -> r.status() == 204 && r.body().isEmpty()
                    && !r.head().contains("Content-Length"));
        }
    }

    @Test
    void severalWorkersShareThePort() throws Exception {
        start(defaults().withThreads(2));
        for (int i = 0; i < 20; i++) {
            try (RawHttp client = new RawHttp(server.address())) {
                client.send(GET);
                assertThat(client.read().status()).isEqualTo(200);
            }
        }
        assertServedEventually(20);
    }

    @Test
    void dateHeaderIsRefreshed() throws Exception {
        start(defaults());
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(GET);
            String first = dateOf(client.read());
            Thread.sleep(1_300);
            client.send(GET);
            String second = dateOf(client.read());
            assertThat(second).isNotEqualTo(first);
        }
    }

    private static String dateOf(RawHttp.Response response) {
        Matcher m = Pattern.compile("\r\nDate: ([^\r]+)\r\n").matcher(response.head());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void portTakenByAPlainListenerIsReported() throws Exception {
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig taken = ServerConfig.defaults((InetSocketAddress) plain.getLocalSocketAddress());
            var thrown = org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetServer.start(taken, engine));
            if (engine == Engine.IO_URING) {
                thrown.isInstanceOf(dev.ringload.engine.os.ErrnoException.class)
                        .hasMessage("bind 127.0.0.1:" + plain.getLocalPort() + " failed: EADDRINUSE (address already in use)");
            } else {
                thrown.isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("Address already in use");
            }
        }
    }
}
