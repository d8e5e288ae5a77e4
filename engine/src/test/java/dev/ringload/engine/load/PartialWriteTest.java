package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests far larger than a socket's buffers, to a server that reads them slowly through a small receive buffer:
 * every send is written in many parts, and the server must still receive every byte of every request, in order
 * (a transport that forgot the rest of a partial write would leave the server waiting for a body that never ends).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PartialWriteTest {

    private static final int BODY_BYTES = 4 << 20;
    private static final long REQUESTS = 6;

    @Parameter
    Engine engine;

    private ServerSocket listener;
    private final AtomicLong requestsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicReference<String> wrongByte = new AtomicReference<>();

    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    /** The byte at {@code i} of every request body: a pattern in which a skipped or repeated stretch shows. */
    private static byte bodyByte(long i) {
        return (byte) (i % 251);
    }

    @Test
    void theServerReceivesEveryByteOfEveryHugeRequest() throws Exception {
        listener = new ServerSocket();
        listener.setReceiveBufferSize(4096); // inherited by accepted sockets: the client's writes come back short
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofPlatform().daemon().name("slow-server").start(this::acceptAll);
        Target target = Target.parse("http://127.0.0.1:" + listener.getLocalPort() + "/upload");
        byte[] body = new byte[BODY_BYTES];
        for (int i = 0; i < body.length; i++) {
            body[i] = bodyByte(i);
        }
        byte[] request = RequestTemplate.encode("POST", target, List.of(), body);
        LoadConfig config = LoadConfig.builder(target, request).connections(2).requests(REQUESTS)
                .durationNs(TimeUnit.SECONDS.toNanos(10)).timeoutNs(TimeUnit.SECONDS.toNanos(5)).build();
        RunResult r = new LoadRun(config, engine.label(), engine.transports()).execute();

        assertThat(r.errors()).isZero();
        assertThat(r.responses()).isEqualTo(REQUESTS);
        assertThat(r.totals().get(Counter.REQUESTS_SENT)).isEqualTo(REQUESTS);
        assertThat(wrongByte.get()).as("a body byte out of place").isNull();
        assertThat(requestsReceived.get()).isEqualTo(REQUESTS);
        assertThat(bytesReceived.get()).isEqualTo(REQUESTS * request.length);
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket s = listener.accept();
                Thread.ofPlatform().daemon().name("slow-connection").start(() -> serve(s));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    /** Reads requests (head, then Content-Length bytes checked one by one, a pause now and then) and answers each. */
    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 4096);
            byte[] chunk = new byte[16 * 1024];
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                long offset = 0;
                while (offset < length) {
                    int n = in.read(chunk, 0, (int) Math.min(chunk.length, length - offset));
                    if (n < 0) {
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        if (chunk[i] != bodyByte(offset + i)) {
                            wrongByte.compareAndSet(null, "body byte " + (offset + i) + " of request "
                                    + (requestsReceived.get() + 1));
                        }
                    }
                    offset += n;
                    if (offset % (256 * 1024) < n) {
                        Thread.sleep(1); // a slow reader: the client's socket buffer fills up
                    }
                }
                bytesReceived.addAndGet(head.length() + length);
                requestsReceived.incrementAndGet();
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | InterruptedException e) {
            // the client closed the connection at the end of the run
        }
    }

    /** The head through its blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
