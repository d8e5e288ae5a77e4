package dev.ringload.engine.load;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.ringload.bindings.uring.ringload_h.ECONNREFUSED;
import static dev.ringload.bindings.uring.ringload_h.ECONNRESET;
import static dev.ringload.bindings.uring.ringload_h.EHOSTUNREACH;
import static dev.ringload.bindings.uring.ringload_h.EMFILE;

/**
 * The NIO engine, for hosts where io_uring is missing or blocked: one {@link Selector} per pinned thread,
 * non-blocking channels, direct buffers, and everything else (pipelining, parsing, accounting, timeouts, ramp,
 * verdict) from {@link LoadWorkerBase}, shared with the io_uring engine. Each send is a write(2) and each receive a
 * read(2), so it makes a system call per socket where io_uring batches them.
 */
public final class NioLoadWorker extends LoadWorkerBase {

    private static final int READ_BUFFER_SIZE = 64 * 1024;

    private Arena arena;
    private Selector selector;
    private MemorySegment requests;
    private ByteBuffer requestsBuffer;
    private long requestsAddress;
    private MemorySegment readSegment;
    private ByteBuffer readBuffer;
    private InetSocketAddress address;
    private NioState[] states;
    private long waitingSince = -1;
    private final Consumer<SelectionKey> onSelected = this::onSelected;

    /** Per-connection NIO state beside the shared {@link LoadConnection}. */
    private static final class NioState {
        SocketChannel channel;
        SelectionKey key;
        /** Bytes of the current send still to write, and where they start in the requests buffer. */
        int pendingOffset;
        int pendingLength;
        int chunkLength;
    }

    public NioLoadWorker(LoadConfig config, int workerIndex) {
        super(config, workerIndex);
    }

    @Override
    protected void setUp() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
        arena = Arena.ofConfined();
        requests = pipelinedRequests(arena);
        requestsBuffer = requests.asByteBuffer();
        requestsAddress = requests.address();
        readSegment = arena.allocate(READ_BUFFER_SIZE, 64);
        readBuffer = readSegment.asByteBuffer();
        address = new InetSocketAddress(config.target().address(), config.target().port());
        states = new NioState[connections.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = new NioState();
        }
    }

    @Override
    protected void loop() {
        try {
            while (keepRunning()) {
                beforeWait();
                nowNs = System.nanoTime();
                beforeDrain();
                try {
                    // One epoll_wait per iteration. The time until the first ready key is handed over (see
                    // onSelected) is the time the thread was blocked; with keys already ready it is ~0.
                    waitingSince = nowNs;
                    selector.select(onSelected, TimeUnit.NANOSECONDS.toMillis(MAX_WAIT_NS));
                    endWait();
                } finally {
                    afterDrain();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("selector failed: " + e.getMessage(), e);
        }
    }

    /** Accounts the time blocked in select and refreshes the clock, once per wait. */
    private void endWait() {
        if (waitingSince >= 0) {
            nowNs = System.nanoTime();
            blocked(nowNs - waitingSince);
            waitingSince = -1;
        }
    }

    private void onSelected(SelectionKey key) {
        endWait();
        LoadConnection c = (LoadConnection) key.attachment();
        NioState s = states[c.index];
        if (!key.isValid() || s.key != key) {
            return;
        }
        if (c.state == LoadConnection.CONNECTING && key.isConnectable()) {
            finishConnect(c, s);
            return;
        }
        if (c.state != LoadConnection.OPEN) {
            return;
        }
        if (key.isWritable() && s.pendingLength > 0) {
            writePending(c, s);
            if (c.state != LoadConnection.OPEN || s.key != key) {
                return;
            }
        }
        if (key.isReadable()) {
            read(c, s);
        }
    }

    private void finishConnect(LoadConnection c, NioState s) {
        try {
            if (s.channel.finishConnect()) {
                s.key.interestOps(SelectionKey.OP_READ);
                connected(c);
            }
        } catch (IOException e) {
            connectFailed(c, -errnoOf(e));
        }
    }

    private void read(LoadConnection c, NioState s) {
        // Read until the socket is empty or a whole buffer was parsed, whichever comes first.
        for (int round = 0; round < 4; round++) {
            int n;
            try {
                readBuffer.clear();
                n = s.channel.read(readBuffer);
            } catch (IOException e) {
                lost(c, ErrorKind.RESET);
                return;
            }
            if (n < 0) {
                peerClosed(c);
                return;
            }
            if (n == 0) {
                return;
            }
            if (!onData(c, readSegment, 0, n) || n < READ_BUFFER_SIZE) {
                return;
            }
        }
    }

    @Override
    protected void tearDown() {
        try {
            if (states != null) {
                for (NioState s : states) {
                    closeQuietly(s);
                }
            }
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // closing at the end: nothing left to report
        } finally {
            if (arena != null) {
                arena.close();
            }
        }
    }

    @Override
    protected long requestsAddress() {
        return requestsAddress;
    }

    @Override
    protected void ioConnect(LoadConnection c) {
        NioState s = states[c.index];
        try {
            s.channel = SocketChannel.open();
            s.channel.configureBlocking(false);
            s.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = s.channel.connect(address);
            s.key = s.channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            c.fd = c.index; // marks the connection as owning a socket (the NIO engine has no raw fds)
            if (done) {
                connected(c);
            }
        } catch (IOException e) {
            closeQuietly(s);
            c.fd = c.index;
            connectFailed(c, -errnoOf(e));
        }
    }

    @Override
    protected void ioAbortConnect(LoadConnection c) {
        connectFailed(c, -dev.ringload.bindings.uring.ringload_h.ETIMEDOUT());
    }

    @Override
    protected void ioSend(LoadConnection c, long address, int length) {
        NioState s = states[c.index];
        s.pendingOffset = (int) (address - requestsAddress);
        s.pendingLength = length;
        s.chunkLength = length;
        // The batch is handed to the kernel now: stamp it with this iteration's clock.
        stampPending(nowNs);
        writePending(c, s);
    }

    private void writePending(LoadConnection c, NioState s) {
        try {
            // One view, re-aimed per write: writes are synchronous, so nothing else uses it meanwhile.
            requestsBuffer.limit(s.pendingOffset + s.pendingLength).position(s.pendingOffset);
            int written = s.channel.write(requestsBuffer);
            s.pendingOffset += written;
            s.pendingLength -= written;
        } catch (IOException e) {
            sendProgress(c, -ECONNRESET());
            return;
        }
        if (s.pendingLength > 0) {
            s.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        s.key.interestOps(SelectionKey.OP_READ);
        sendProgress(c, s.chunkLength);
    }

    @Override
    protected void ioClose(LoadConnection c) {
        if (c.fd < 0) {
            return;
        }
        closeQuietly(states[c.index]);
        c.fd = -1;
    }

    private static void closeQuietly(NioState s) {
        if (s.key != null) {
            s.key.cancel();
            s.key = null;
        }
        if (s.channel != null) {
            try {
                s.channel.close();
            } catch (IOException ignored) {
                // already broken: nothing more to do
            }
            s.channel = null;
        }
        s.pendingLength = 0;
    }

    /** Best-effort errno for a connect failure, for the same error kinds the io_uring engine reports. */
    private static int errnoOf(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof ConnectException && message.contains("refused")) return ECONNREFUSED();
        if (e instanceof NoRouteToHostException) return EHOSTUNREACH();
        if (message.contains("Too many open files")) return EMFILE();
        if (message.contains("reset")) return ECONNRESET();
        return dev.ringload.bindings.uring.ringload_h.ECONNABORTED();
    }
}
