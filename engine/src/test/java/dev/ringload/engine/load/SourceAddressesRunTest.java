package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.transport.SourceAddresses;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** --source: connections leave from the listed addresses, spread evenly, on both engines; a foreign one is an error. */
@ParameterizedClass
@EnumSource(Engine.class)
class SourceAddressesRunTest {

    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);

    @Parameter
    Engine engine;

    private ServerSocket listener;
    private final Map<String, AtomicInteger> connectionsFrom = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        EngineAssumptions.assumeUsable(engine);
        listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::accept);
    }

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    /** Records each peer's address and answers every request (one per blank line) with a fixed response. */
    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                connectionsFrom.computeIfAbsent(s.getInetAddress().getHostAddress(), a -> new AtomicInteger()).incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int state = 0; // how much of "\r\n\r\n" was just seen
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
                    if (state == 4) {
                        out.write(RESPONSE);
                        state = 0;
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client closed: done
        }
    }

    private RunResult run(String sources, int connections, int threads) throws Exception {
        Target target = Target.parse("http://127.0.0.1:" + listener.getLocalPort() + "/");
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(connections).threads(threads).pipelining(2).requests(3000)
                .connectTimeoutNs(TimeUnit.SECONDS.toNanos(2)).sources(SourceAddresses.parse(sources)).build();
        return new LoadRun(config, engine.label(), engine.transports()).execute();
    }

    @Test
    void connectionsLeaveFromEverySourceAddressInTurn() throws Exception {
        RunResult r = run("127.0.0.2-127.0.0.4", 12, 2);
        assertThat(r.responses()).isEqualTo(3000);
        assertThat(r.errors()).isZero();
        assertThat(connectionsFrom).containsOnlyKeys("127.0.0.2", "127.0.0.3", "127.0.0.4");
        assertThat(connectionsFrom.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(4));
    }

    @Test
    void anAddressThisHostDoesNotHaveIsAConnectErrorNotAHang() throws Exception {
        Target target = Target.parse("http://127.0.0.1:" + listener.getLocalPort() + "/");
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(2).durationNs(TimeUnit.MILLISECONDS.toNanos(500))
                .sources(SourceAddresses.parse("192.0.2.1")).build(); // TEST-NET-1: never a local address
        long start = System.nanoTime();
        RunResult r = new LoadRun(config, engine.label(), engine.transports()).execute();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(r.responses()).isZero();
        assertThat(r.totals().errors(ErrorKind.CONNECT_OTHER)).isPositive();
        assertThat(connectionsFrom).isEmpty();
    }
}
