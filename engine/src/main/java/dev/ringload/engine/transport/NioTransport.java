package dev.ringload.engine.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import static dev.ringload.bindings.uring.ringload_h.ECONNREFUSED;
import static dev.ringload.bindings.uring.ringload_h.EADDRNOTAVAIL;
import static dev.ringload.bindings.uring.ringload_h.EHOSTUNREACH;

/**
 * Plain TCP over NIO, for hosts where io_uring is missing or blocked: one {@link Selector} per worker thread,
 * non-blocking channels, one direct read buffer. Queued sends are written at the start of the next {@link #poll},
 * as the io_uring transport hands them over in its next io_uring_enter, so a send time means the same on both.
 * Each send is a write(2) and each receive a read(2): a system call per socket where io_uring batches them.
 */
public final class NioTransport implements Transport {

    private static final int READ_BUFFER_SIZE = 64 * 1024;
    /** Reads per ready socket per poll before moving on to the others. */
    private static final int READS_PER_WAKE = 4;

    private final InetSocketAddress target;
    private final Route route;
    private final SocketChannel[] channels;
    private final SelectionKey[] keys;
    /** Per connection, the send under way: its segment and [sendAt, sendEnd) of it still to write. */
    private final MemorySegment[] sendSource;
    private final int[] sendAt;
    private final int[] sendEnd;
    private final SegmentViews views = new SegmentViews();
    private final int[] queuedSends;
    private int queuedSendCount;
    /** What happened outside the selector's callbacks (writes, connects), reported right after onWake. */
    private final LaterEvents later;
    /** epoll_wait's resolution: {@link Selector#select(long)} takes milliseconds. */
    private static final long SHORTEST_SELECT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Consumer<SelectionKey> onSelected = this::onSelected;
    /** Per connection, the channel whose connect() finished at once and is not yet reported. */
    private final SocketChannel[] connectedAtOnce;
    private final IntPredicate armConnectedAtOnce = this::armConnectedAtOnce;

    private TransportEvents events;
    private NanoClock clock;
    private Selector selector;
    private Arena arena;
    private MemorySegment readSegment;
    private ByteBuffer readBuffer;
    private long waitStartNs;
    private boolean woken;

    public NioTransport(Route route, int connections, int receiveBufferBytes) {
        this.target = route.target();
        this.route = route;
        this.channels = new SocketChannel[connections];
        this.keys = new SelectionKey[connections];
        this.sendSource = new MemorySegment[connections];
        this.sendAt = new int[connections];
        this.sendEnd = new int[connections];
        this.queuedSends = new int[connections * 2 + 2]; // a connection lost and reopened in one poll queues twice
        this.later = new LaterEvents(connections * 4 + 4);
        this.connectedAtOnce = new SocketChannel[connections];
    }

    @Override
    public void open(TransportEvents events, NanoClock clock) {
        this.events = events;
        this.clock = clock;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
        arena = Arena.ofConfined();
        readSegment = arena.allocate(READ_BUFFER_SIZE, 64);
        readBuffer = readSegment.asByteBuffer();
    }

    @Override
    public void connect(int c) {
        try {
            SocketChannel channel = SocketChannel.open();
            channels[c] = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetAddress source = route.sourceOf(c);
            if (source != null) {
                // NIO has no IP_BIND_ADDRESS_NO_PORT: the port is reserved at bind, for this address alone. To one
                // destination that is the same range per address; io_uring's path binds without a port.
                channel.bind(new InetSocketAddress(source, 0));
            }
            boolean done = channel.connect(target);
            // A connect that finished at once is reported from the next poll, as every event is; until then the
            // key selects nothing, so no data can arrive for a connection the worker does not know is open.
            keys[c] = channel.register(selector, done ? 0 : SelectionKey.OP_CONNECT, c);
            if (done) {
                connectedAtOnce[c] = channel;
                later.add(c, LaterEvents.CONNECTED, 0);
            }
        } catch (IOException e) {
            drop(c);
            later.add(c, LaterEvents.CONNECT_FAILED, errnoOf(e));
        }
    }

    @Override
    public void send(int c, MemorySegment bytes, long offset, int length) {
        sendSource[c] = bytes;
        sendAt[c] = (int) offset;
        sendEnd[c] = (int) (offset + length);
        queuedSends[queuedSendCount++] = c;
    }

    @Override
    public void close(int c) {
        drop(c);
    }

    @Override
    public void abort(int c) {
        drop(c);
    }

    @Override
    public int poll(long maxWaitNs) {
        int handled = flushQueuedSends();
        woken = false;
        waitStartNs = clock.nanoTime(); // the writes above were work, not waiting
        try {
            if (later.urgent() || maxWaitNs <= 0) {
                wake();
                handled += selector.selectNow(onSelected);
            } else if (maxWaitNs < SHORTEST_SELECT_NS) {
                // The selector waits in whole milliseconds, an open loop's next request is due sooner: poll until
                // something is ready or it is due. The spin counts as blocked (wake), as the wait it stands for.
                long deadline = waitStartNs + maxWaitNs;
                int n;
                while ((n = selector.selectNow(onSelected)) == 0 && !later.urgent() && clock.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                handled += n;
                wake();
            } else {
                // One epoll_wait: the time until the first ready key is handed over (see wake) is the time the
                // thread was blocked; with keys already ready it is ~0.
                handled += selector.select(onSelected, TimeUnit.NANOSECONDS.toMillis(maxWaitNs));
                wake();
            }
        } catch (IOException e) {
            throw new IllegalStateException("selector failed: " + e.getMessage(), e);
        }
        return handled;
    }

    private void wake() {
        if (!woken) {
            woken = true;
            long nowNs = clock.nanoTime();
            events.onWake(nowNs, nowNs - waitStartNs);
            later.deliver(events, armConnectedAtOnce);
        }
    }

    /** Writes every queued send; completions and failures are reported after onWake, as every event is. */
    private int flushQueuedSends() {
        int n = queuedSendCount;
        queuedSendCount = 0;
        for (int i = 0; i < n; i++) {
            int c = queuedSends[i];
            if (channels[c] != null && sendAt[c] < sendEnd[c] && write(c)) {
                later.add(c, LaterEvents.SENT, 0);
            }
        }
        return n;
    }

    /** Whether {@code c}'s at-once connect still stands (not dropped since); if so, its key now selects reads. */
    private boolean armConnectedAtOnce(int c) {
        SocketChannel channel = connectedAtOnce[c];
        connectedAtOnce[c] = null;
        if (channel == null || channels[c] != channel || keys[c] == null) {
            return false;
        }
        keys[c].interestOps(SelectionKey.OP_READ);
        return true;
    }

    private void onSelected(SelectionKey key) {
        wake();
        int c = (Integer) key.attachment();
        if (!key.isValid() || keys[c] != key) {
            return;
        }
        int ready = key.readyOps();
        if ((key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
            finishConnect(c, key);
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && sendAt[c] < sendEnd[c]) {
            if (write(c)) {
                events.onSent(c);
            }
            if (keys[c] != key) {
                return;
            }
        }
        if ((ready & SelectionKey.OP_READ) != 0) {
            read(c);
        }
    }

    private void finishConnect(int c, SelectionKey key) {
        try {
            if (channels[c].finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                events.onConnected(c);
            }
        } catch (IOException e) {
            drop(c);
            int errno = errnoOf(e);
            events.onConnectFailed(c, TransportError.ofErrno(errno), errno);
        }
    }

    private void read(int c) {
        // Read until the socket is empty or a few whole buffers were parsed, whichever comes first.
        for (int round = 0; round < READS_PER_WAKE; round++) {
            int n;
            try {
                readBuffer.clear();
                n = channels[c].read(readBuffer);
            } catch (IOException e) {
                drop(c);
                events.onClosed(c, TransportError.RESET);
                return;
            }
            if (n < 0) {
                drop(c);
                events.onClosed(c, TransportError.PEER_CLOSED);
                return;
            }
            if (n == 0 || !events.onData(c, readSegment, 0, n) || channels[c] == null || n < READ_BUFFER_SIZE) {
                return;
            }
        }
    }

    /** Writes what the socket takes; true when the whole send is out. A failure is reported after onWake. */
    private boolean write(int c) {
        ByteBuffer view = views.of(sendSource[c]);
        view.limit(sendEnd[c]).position(sendAt[c]);
        try {
            channels[c].write(view);
        } catch (IOException e) {
            drop(c);
            later.add(c, LaterEvents.RESET, 0);
            return false;
        }
        sendAt[c] = view.position();
        if (sendAt[c] < sendEnd[c]) {
            keys[c].interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return false;
        }
        if ((keys[c].interestOps() & SelectionKey.OP_WRITE) != 0) {
            keys[c].interestOps(SelectionKey.OP_READ);
        }
        return true;
    }

    private void drop(int c) {
        connectedAtOnce[c] = null;
        if (keys[c] != null) {
            keys[c].cancel();
            keys[c] = null;
        }
        if (channels[c] != null) {
            try {
                channels[c].close();
            } catch (IOException ignored) {
                // already broken: nothing more to do
            }
            channels[c] = null;
        }
        sendAt[c] = 0;
        sendEnd[c] = 0;
    }

    /**
     * The errno behind a connect failure, from the exception type the JDK chose for it (sun.nio.ch maps
     * ECONNREFUSED and ETIMEDOUT to ConnectException, EHOSTUNREACH to NoRouteToHostException, EADDRNOTAVAIL and
     * EADDRINUSE to BindException); 0 where the type does not tell. A kernel ETIMEDOUT reads as ECONNREFUSED here,
     * but a connect the kernel gives up on (minutes) has long passed the connect timeout.
     */
    static int errnoOf(IOException e) {
        if (e instanceof NoRouteToHostException) return EHOSTUNREACH();
        if (e instanceof ConnectException) return ECONNREFUSED();
        if (e instanceof BindException) return EADDRNOTAVAIL();
        return 0;
    }

    @Override
    public void close() {
        try {
            for (int c = 0; c < channels.length; c++) {
                drop(c);
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
}
