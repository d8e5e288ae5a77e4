package dev.ringload.engine.uring;

import dev.ringload.engine.os.SocketAddresses;

import dev.ringload.bindings.uring.ringload_h;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.ringload.bindings.uring.ringload_h.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real TCP through the ring against a local Java peer: socket, linked connect + send + multishot recv. */
class IoUringSocketTest {

    private static final int OP_SOCKET = 1;
    private static final int OP_CONNECT = 2;
    private static final int OP_SEND = 3;
    private static final int OP_RECV = 4;
    private static final int BUFFER_GROUP = 7;
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(10);

    private IoUring ring;
    private Arena arena;
    private int fd = -1;

    @BeforeAll
    static void ioUringAvailable() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
    }

    @BeforeEach
    void open() {
        ring = IoUring.open(32);
        arena = Arena.ofConfined();
    }

    @AfterEach
    void close() {
        if (fd >= 0) {
            ringload_h.close(ring.errnoState(), fd);
        }
        ring.close();
        arena.close();
    }

    /** State of one receive stream driven by completions. */
    private final class Exchange implements CompletionHandler {
        final ProvidedBufferRing buffers;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final ArrayDeque<Integer> usedBuffers = new ArrayDeque<>();
        final boolean recycleOnlyWhenStarved;
        int socketRes = Integer.MIN_VALUE;
        int connectRes = Integer.MIN_VALUE;
        int sendRes = Integer.MIN_VALUE;
        int recvError;
        int enobufs;
        int rearms;
        boolean eof;

        Exchange(ProvidedBufferRing buffers, boolean recycleOnlyWhenStarved) {
            this.buffers = buffers;
            this.recycleOnlyWhenStarved = recycleOnlyWhenStarved;
        }

        @Override
        public void onCompletion(int res, int flags, long userData) {
            switch (UserData.op(userData)) {
                case OP_SOCKET -> socketRes = res;
                case OP_CONNECT -> connectRes = res;
                case OP_SEND -> sendRes = res;
                case OP_RECV -> onRecv(res, flags);
                default -> throw new AssertionError("unexpected user_data " + userData);
            }
        }

        private void onRecv(int res, int flags) {
            if (ProvidedBufferRing.hasBuffer(flags)) {
                int bid = ProvidedBufferRing.bufferId(flags);
                byte[] bytes = buffers.buffers().asSlice(buffers.offset(bid), res).toArray(JAVA_BYTE);
                received.writeBytes(bytes);
                usedBuffers.add(bid);
                if (!recycleOnlyWhenStarved) {
                    recycleAll();
                }
            }
            if (res == -ENOBUFS()) {
                enobufs++;
            }
            if (MultishotRecv.needsRearm(res, flags)) {
                recycleAll();
                ring.sq().recvMultishot(fd, BUFFER_GROUP, UserData.encode(0, OP_RECV, 0));
                rearms++;
            } else if (res == 0 && !MultishotRecv.hasMore(flags)) {
                eof = true;
            } else if (res < 0 && res != -ENOBUFS()) {
                recvError = res;
            }
        }

        private void recycleAll() {
            while (!usedBuffers.isEmpty()) {
                buffers.recycle(usedBuffers.poll());
            }
            buffers.publish();
        }

        void runUntil(java.util.function.BooleanSupplier done) {
            long deadline = System.nanoTime() + DEADLINE_NS;
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("exchange finished within 10 s").isLessThan(deadline);
                ring.submitAndWait(1, TimeUnit.MILLISECONDS.toNanos(100));
                ring.drain(this);
            }
        }
    }

    private int openSocketThroughTheRing(Exchange exchange) {
        ring.sq().socket(AF_INET(), SOCK_STREAM() | SOCK_CLOEXEC(), 0, UserData.encode(0, OP_SOCKET, 0));
        exchange.runUntil(() -> exchange.socketRes != Integer.MIN_VALUE);
        assertThat(exchange.socketRes).as("IORING_OP_SOCKET result").isGreaterThanOrEqualTo(0);
        return exchange.socketRes;
    }

    /** Echoes everything it reads, then closes its side. */
    private static Thread echoPeer(ServerSocket server, int expected) {
        return Thread.ofPlatform().start(() -> {
            try (Socket s = server.accept()) {
                byte[] request = s.getInputStream().readNBytes(expected);
                s.getOutputStream().write(request);
                s.shutdownOutput();
                drainQuietly(s.getInputStream());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void linkedConnectSendAndMultishotRecvExchange() throws Exception {
        byte[] message = "GET / HTTP/1.1\r\nHost: ringload\r\n\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             ProvidedBufferRing buffers = ProvidedBufferRing.register(ring, BUFFER_GROUP, 8, 4096)) {
            Thread peer = echoPeer(server, message.length);
            Exchange exchange = new Exchange(buffers, false);
            fd = openSocketThroughTheRing(exchange);

            MemorySegment address = SocketAddresses.allocate(arena,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            MemorySegment payload = arena.allocateFrom(JAVA_BYTE, message);
            ring.sq().connect(fd, address.address(), (int) address.byteSize(), UserData.encode(0, OP_CONNECT, 0));
            ring.sq().addFlagsToLast(IOSQE_IO_LINK());
            ring.sq().send(fd, payload.address(), message.length, 0, UserData.encode(0, OP_SEND, 0));
            ring.sq().addFlagsToLast(IOSQE_IO_LINK());
            ring.sq().recvMultishot(fd, BUFFER_GROUP, UserData.encode(0, OP_RECV, 0));

            exchange.runUntil(() -> exchange.eof || exchange.recvError != 0);
            assertThat(exchange.connectRes).isZero();
            assertThat(exchange.sendRes).isEqualTo(message.length);
            assertThat(exchange.recvError).isZero();
            assertThat(exchange.received.toByteArray()).isEqualTo(message);
            closeClientSocket();
            assertThat(peer.join(java.time.Duration.ofSeconds(10))).as("peer finished").isTrue();
        }
    }

    @Test
    void tinyBufferRingRunsOutAndTheRecvIsRearmed() throws Exception {
        byte[] message = new byte[64 * 1024];
        new Random(42).nextBytes(message);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             ProvidedBufferRing buffers = ProvidedBufferRing.register(ring, BUFFER_GROUP, 2, 256)) {
            Thread peer = Thread.ofPlatform().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(message);
                    s.shutdownOutput();
                    drainQuietly(s.getInputStream());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Exchange exchange = new Exchange(buffers, true);
            fd = openSocketThroughTheRing(exchange);
            MemorySegment address = SocketAddresses.allocate(arena,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            ring.sq().connect(fd, address.address(), (int) address.byteSize(), UserData.encode(0, OP_CONNECT, 0));
            ring.sq().addFlagsToLast(IOSQE_IO_LINK());
            ring.sq().recvMultishot(fd, BUFFER_GROUP, UserData.encode(0, OP_RECV, 0));

            exchange.runUntil(() -> exchange.eof || exchange.recvError != 0);
            assertThat(exchange.recvError).isZero();
            assertThat(exchange.enobufs).as("-ENOBUFS completions").isPositive();
            assertThat(exchange.rearms).isGreaterThanOrEqualTo(exchange.enobufs);
            assertThat(exchange.received.size()).isEqualTo(message.length);
            assertThat(Arrays.equals(exchange.received.toByteArray(), message)).isTrue();
            closeClientSocket();
            assertThat(peer.join(java.time.Duration.ofSeconds(10))).as("peer finished").isTrue();
        }
    }

    @Test
    void connectToAClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Exchange exchange = new Exchange(null, false);
        fd = openSocketThroughTheRing(exchange);
        MemorySegment address = SocketAddresses.allocate(arena,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ring.sq().connect(fd, address.address(), (int) address.byteSize(), UserData.encode(0, OP_CONNECT, 0));
        exchange.runUntil(() -> exchange.connectRes != Integer.MIN_VALUE);
        assertThat(exchange.connectRes).isEqualTo(-ECONNREFUSED());
    }

    private void closeClientSocket() {
        ringload_h.close(ring.errnoState(), fd);
        fd = -1;
    }

    private static void drainQuietly(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client closing first is fine
        }
    }
}
