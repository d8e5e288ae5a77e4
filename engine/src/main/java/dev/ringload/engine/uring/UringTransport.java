package dev.ringload.engine.uring;

import dev.ringload.engine.os.ErrnoException;
import dev.ringload.engine.os.SocketAddresses;
import dev.ringload.engine.os.Sockets;
import dev.ringload.engine.transport.LaterEvents;
import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Route;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportError;
import dev.ringload.engine.transport.TransportEvents;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import static dev.ringload.bindings.uring.ringload_h.*;

/**
 * Plain TCP over one io_uring: every {@link #poll} is one io_uring_enter that submits all the sends, connects,
 * closes and re-armed receives queued since the last one and reaps whatever completed, for all of the worker's
 * sockets at once. Receives are multishot from a provided-buffer ring.
 */
public final class UringTransport implements Transport, CompletionHandler {

    private static final int OP_CONNECT = 1;
    private static final int OP_RECV = 2;
    private static final int OP_SEND = 3;
    private static final int OP_CLOSE = 4;
    private static final int BUFFER_GROUP = 0;
    private static final int LARGE_BUFFER_SIZE = 64 * 1024;
    /** Retry sends that the socket took only partly inside the kernel (stream sockets, Linux 5.18+). */
    private static final int MSG_WAITALL = 0x100;

    private static final byte CLOSED = 0;
    private static final byte CONNECTING = 1;
    private static final byte OPEN = 2;

    private final InetSocketAddress target;
    private final Route route;
    private final int connections;
    private final int bufferSize;
    private final int[] fd;
    /** Bumped per connect; completions of an earlier socket on the same number carry an older one. */
    private final int[] generation;
    private final byte[] state;
    private final boolean[] recvArmed;
    private final boolean[] sending;
    private final long[] sendAddress;
    private final int[] sendRemaining;
    /** Connects that failed before reaching the ring (socket(2) refused): reported in the next poll. */
    private final LaterEvents failedConnects;

    private TransportEvents events;
    private NanoClock clock;
    private Arena arena;
    private Sockets sockets;
    private IoUring ring;
    private SubmissionQueue sq;
    private ProvidedBufferRing buffers;
    private MemorySegment sockaddr;
    /** Per connection, the source address to bind before connecting; null: none (the kernel picks). */
    private MemorySegment[] sourceSockaddr;
    private int family;

    public UringTransport(Route route, int connections, int receiveBufferBytes) {
        this.target = route.target();
        this.route = route;
        this.connections = connections;
        this.bufferSize = receiveBufferBytes;
        this.fd = new int[connections];
        java.util.Arrays.fill(fd, -1);
        this.generation = new int[connections];
        this.state = new byte[connections];
        this.recvArmed = new boolean[connections];
        this.sending = new boolean[connections];
        this.sendAddress = new long[connections];
        this.sendRemaining = new int[connections];
        this.failedConnects = new LaterEvents(connections * 2);
    }

    @Override
    public void open(TransportEvents events, NanoClock clock) {
        this.events = events;
        this.clock = clock;
        arena = Arena.ofConfined();
        sockets = new Sockets(arena);
        int sqEntries = Integer.highestOneBit(Math.clamp(connections * 4L, 64, 4096) * 2 - 1);
        ring = IoUring.open(sqEntries, sqEntries * 4);
        sq = ring.sq();
        int bufferCount = Integer.highestOneBit(Math.clamp(connections * 4L, 256, 4096) * 2 - 1);
        if (bufferSize >= LARGE_BUFFER_SIZE) {
            bufferCount = Math.min(bufferCount, 1024);
        }
        buffers = ProvidedBufferRing.register(ring, BUFFER_GROUP, bufferCount, bufferSize);
        sockaddr = SocketAddresses.allocate(arena, target);
        family = SocketAddresses.family(target);
        sourceSockaddr = sourceAddresses(route, connections, arena);
    }

    /** Each connection's source as a sockaddr (port 0), one segment per distinct address; null without sources. */
    static MemorySegment[] sourceAddresses(Route route, int connections, Arena arena) {
        if (route.sources().isEmpty()) {
            return null;
        }
        Map<InetAddress, MemorySegment> made = new HashMap<>();
        MemorySegment[] out = new MemorySegment[connections];
        for (int c = 0; c < connections; c++) {
            out[c] = made.computeIfAbsent(route.sourceOf(c),
                    a -> SocketAddresses.allocate(arena, new InetSocketAddress(a, 0)));
        }
        return out;
    }

    @Override
    public void connect(int c) {
        generation[c] = (generation[c] + 1) & 0xff_ffff;
        int socket;
        try {
            socket = sockets.socket(family);
        } catch (ErrnoException e) {
            // EMFILE and friends: reported from the next poll, as every event is.
            failedConnects.add(c, LaterEvents.CONNECT_FAILED, e.errno());
            return;
        }
        try {
            sockets.setNoDelay(socket);
            if (sourceSockaddr != null) {
                sockets.bindSource(socket, sourceSockaddr[c]); // EADDRNOTAVAIL: not an address of this host
            }
        } catch (ErrnoException e) {
            sockets.close(socket);
            failedConnects.add(c, LaterEvents.CONNECT_FAILED, e.errno());
            return;
        }
        fd[c] = socket;
        state[c] = CONNECTING;
        sq.connect(socket, sockaddr.address(), (int) sockaddr.byteSize(), UserData.encode(c, OP_CONNECT, generation[c]));
    }

    @Override
    public void send(int c, MemorySegment bytes, long offset, int length) {
        long address = bytes.address() + offset;
        sending[c] = true;
        sendAddress[c] = address;
        sendRemaining[c] = length;
        sq.send(fd[c], address, length, MSG_WAITALL, UserData.encode(c, OP_SEND, generation[c]));
    }

    @Override
    public void close(int c) {
        closeSocket(c);
    }

    @Override
    public void abort(int c) {
        closeSocket(c);
    }

    private void closeSocket(int c) {
        if (fd[c] < 0) {
            return;
        }
        if (recvArmed[c] || sending[c] || state[c] == CONNECTING) {
            sq.cancel(0, IORING_ASYNC_CANCEL_FD() | IORING_ASYNC_CANCEL_ALL(), UserData.encode(c, OP_CLOSE, 0));
            sq.setFdOfLast(fd[c]);
            sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        }
        sq.close(fd[c], UserData.encode(c, OP_CLOSE, 0));
        sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        fd[c] = -1;
        state[c] = CLOSED;
        recvArmed[c] = false;
        sending[c] = false;
    }

    @Override
    public int poll(long maxWaitNs) {
        // Submit and reap without sleeping; only when nothing was ready does a second enter wait. A busy thread
        // still makes one system call per iteration, and the time in the waiting call is exactly the time it was
        // blocked for completions (the busy/idle split of the client-bound verdict).
        ring.submitAndWait(0);
        long nowNs = clock.nanoTime();
        if (failedConnects.isEmpty() && ring.ready() == 0 && !ring.overflowPending() && maxWaitNs > 0) {
            ring.submitAndWait(1, maxWaitNs);
            long woken = clock.nanoTime();
            events.onWake(woken, woken - nowNs);
        } else {
            events.onWake(nowNs, 0);
        }
        int handled = failedConnects.deliver(events, c -> false); // only failures are ever queued here
        try {
            handled += ring.drain(this);
        } finally {
            buffers.publish();
        }
        return handled;
    }

    @Override
    public void onCompletion(int res, int flags, long userData) {
        int op = UserData.op(userData);
        int c = UserData.connection(userData);
        boolean current = generation[c] == UserData.aux(userData) && fd[c] >= 0;
        switch (op) {
            case OP_RECV -> onRecv(c, current, res, flags);
            case OP_SEND -> {
                if (current && state[c] == OPEN) {
                    onSend(c, res);
                }
            }
            case OP_CONNECT -> {
                if (current && state[c] == CONNECTING) {
                    onConnect(c, res);
                }
            }
            default -> {
                // cancel/close completions: nothing to do
            }
        }
    }

    private void onConnect(int c, int res) {
        if (res == 0) {
            state[c] = OPEN;
            sq.recvMultishot(fd[c], BUFFER_GROUP, UserData.encode(c, OP_RECV, generation[c]));
            recvArmed[c] = true;
            events.onConnected(c);
        } else {
            closeSocket(c);
            events.onConnectFailed(c, TransportError.ofErrno(-res), -res);
        }
    }

    private void onSend(int c, int res) {
        if (res < 0) {
            closeSocket(c);
            events.onClosed(c, TransportError.RESET);
        } else if (res < sendRemaining[c]) {
            sendAddress[c] += res;
            sendRemaining[c] -= res;
            sq.send(fd[c], sendAddress[c], sendRemaining[c], MSG_WAITALL, UserData.encode(c, OP_SEND, generation[c]));
        } else {
            sending[c] = false;
            sendRemaining[c] = 0;
            events.onSent(c);
        }
    }

    private void onRecv(int c, boolean current, int res, int flags) {
        boolean more = MultishotRecv.hasMore(flags);
        if (ProvidedBufferRing.hasBuffer(flags)) {
            int bid = ProvidedBufferRing.bufferId(flags);
            if (current && state[c] == OPEN && res > 0) {
                // The worker may close the connection while parsing; fd[c] then tells us.
                current = events.onData(c, buffers.buffers(), buffers.offset(bid), res) && fd[c] >= 0;
            }
            buffers.recycle(bid);
        }
        if (!current || state[c] != OPEN) {
            return;
        }
        recvArmed[c] = more;
        if (MultishotRecv.needsRearm(res, flags)) {
            sq.recvMultishot(fd[c], BUFFER_GROUP, UserData.encode(c, OP_RECV, generation[c]));
            recvArmed[c] = true;
        } else if (res == 0) {
            closeSocket(c);
            events.onClosed(c, TransportError.PEER_CLOSED);
        } else if (res < 0) {
            closeSocket(c);
            events.onClosed(c, TransportError.RESET);
        }
    }

    @Override
    public void close() {
        try {
            if (sockets != null) {
                for (int c = 0; c < connections; c++) {
                    if (fd[c] >= 0) {
                        sockets.close(fd[c]);
                        fd[c] = -1;
                    }
                }
            }
        } finally {
            if (ring != null) {
                ring.close();
            }
            if (arena != null) {
                arena.close();
            }
        }
    }
}
