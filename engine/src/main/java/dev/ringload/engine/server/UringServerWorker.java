package dev.ringload.engine.server;

import dev.ringload.bindings.uring.__kernel_timespec;
import dev.ringload.engine.uring.Affinity;
import dev.ringload.engine.uring.CompletionHandler;
import dev.ringload.engine.uring.IoUring;
import dev.ringload.engine.uring.MultishotRecv;
import dev.ringload.engine.uring.ProvidedBufferRing;
import dev.ringload.engine.uring.Sockets;
import dev.ringload.engine.uring.SubmissionQueue;
import dev.ringload.engine.uring.UserData;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ringload.bindings.uring.ringload_h.*;

/**
 * One pinned thread of {@code serve}: its own ring, listener, buffers and connections. Each loop iteration reads
 * the clock once, makes one io_uring_enter (submit + wait) and drains the completions; every request framed by a
 * receive is answered by one send of pre-encoded responses.
 */
final class UringServerWorker implements Runnable, CompletionHandler {

    private static final int OP_ACCEPT = 1;
    private static final int OP_RECV = 2;
    private static final int OP_SEND = 3;
    private static final int OP_DELAY = 4;
    private static final int OP_CLOSE = 5;
    private static final int LISTENER = -1;
    private static final int BUFFER_GROUP = 0;
    private static final int BUFFERS = 512;
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final long WAIT_NS = TimeUnit.MILLISECONDS.toNanos(200);
    /** A closing connection whose peer never closes is dropped after this long. */
    private static final long LINGER_SECONDS = 2;

    private final ServerConfig config;
    private final int listenFd;
    private final int cpu;
    private final CountDownLatch started;
    private volatile boolean running = true;
    private volatile long servedPublished;
    private volatile long maxPipelinedPublished;
    private long maxPipelined;
    private volatile Throwable failure;

    private IoUring ring;
    private SubmissionQueue sq;
    private ProvidedBufferRing buffers;
    private ResponseArea responses;
    private Sockets sockets;
    private MemorySegment delay;
    private ServerConnection[] connections = new ServerConnection[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotsUsed;
    private long served;
    private long nowSecond;
    private boolean acceptArmed;

    UringServerWorker(ServerConfig config, int listenFd, int cpu, CountDownLatch started) {
        this.config = config;
        this.listenFd = listenFd;
        this.cpu = cpu;
        this.started = started;
    }

    long served() {
        return servedPublished;
    }

    /** The most requests one connection had framed but not yet answered: the pipelining depth clients used. */
    long maxPipelined() {
        return maxPipelinedPublished;
    }

    Throwable failure() {
        return failure;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (Arena arena = Arena.ofConfined()) {
            if (cpu >= 0) {
                Affinity.pinCurrentThread(cpu);
            }
            sockets = new Sockets(arena);
            ring = IoUring.open(1024, 8192);
            try {
                sq = ring.sq();
                buffers = ProvidedBufferRing.register(ring, BUFFER_GROUP, BUFFERS, BUFFER_SIZE);
                responses = new ResponseArea(arena, config);
                delay = __kernel_timespec.allocate(arena);
                __kernel_timespec.tv_sec(delay, config.delayNs() / 1_000_000_000L);
                __kernel_timespec.tv_nsec(delay, config.delayNs() % 1_000_000_000L);
                armAccept();
                started.countDown();
                loop();
            } finally {
                closeAll();
                ring.close();
            }
        } catch (Throwable t) {
            failure = t;
            started.countDown();
        }
    }

    private void loop() {
        while (running) {
            long second = System.currentTimeMillis() / 1000;
            if (second != nowSecond) {
                nowSecond = second;
                responses.refreshDate(second);
                onTick();
            }
            ring.submitAndWait(1, WAIT_NS);
            ring.drain(this);
            buffers.publish();
            servedPublished = served;
            maxPipelinedPublished = maxPipelined;
        }
    }

    /** Once a second: drop connections that lingered too long; retry accepting after fd exhaustion. */
    private void onTick() {
        for (int i = 0; i < slotsUsed; i++) {
            ServerConnection c = connections[i];
            if (c != null && c.open && c.lingering && nowSecond - c.lingerSinceSecond >= LINGER_SECONDS) {
                closeNow(c);
            }
        }
        if (!acceptArmed) {
            armAccept();
        }
    }

    private void armAccept() {
        sq.acceptMultishot(listenFd, SOCK_CLOEXEC(), UserData.encode(LISTENER, OP_ACCEPT, 0));
        acceptArmed = true;
    }

    @Override
    public void onCompletion(int res, int flags, long userData) {
        int op = UserData.op(userData);
        if (op == OP_ACCEPT) {
            onAccept(res, flags);
            return;
        }
        int slot = UserData.connection(userData);
        ServerConnection c = slot >= 0 && slot < slotsUsed ? connections[slot] : null;
        boolean current = c != null && c.open && c.generation == UserData.aux(userData);
        switch (op) {
            case OP_RECV -> {
                if (current) {
                    onRecv(c, res, flags);
                } else if (ProvidedBufferRing.hasBuffer(flags)) {
                    buffers.recycle(ProvidedBufferRing.bufferId(flags));
                }
            }
            case OP_SEND -> {
                if (current) {
                    onSend(c, res);
                }
            }
            case OP_DELAY -> {
                if (current) {
                    c.ready += c.popDelayBatch();
                    trySend(c);
                }
            }
            default -> {
                // close, shutdown and cancel completions carry nothing to act on
            }
        }
    }

    private void onAccept(int res, int flags) {
        if (!MultishotRecv.hasMore(flags)) {
            acceptArmed = false; // re-armed below, or on the next tick after an error such as EMFILE
        }
        if (res >= 0) {
            openConnection(res);
            if (!acceptArmed) {
                armAccept();
            }
        }
    }

    private void openConnection(int fd) {
        try {
            sockets.setNoDelay(fd);
        } catch (RuntimeException e) {
            sockets.close(fd); // the peer is already gone
            return;
        }
        ServerConnection c = allocate();
        c.reset(fd);
        armRecv(c);
    }

    private ServerConnection allocate() {
        if (freeCount > 0) {
            return connections[freeSlots[--freeCount]];
        }
        if (slotsUsed == connections.length) {
            connections = java.util.Arrays.copyOf(connections, connections.length * 2);
            freeSlots = java.util.Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        ServerConnection c = new ServerConnection(slotsUsed);
        connections[slotsUsed++] = c;
        return c;
    }

    private void armRecv(ServerConnection c) {
        sq.recvMultishot(c.fd, BUFFER_GROUP, UserData.encode(c.slot, OP_RECV, c.generation));
        c.recvArmed = true;
    }

    private void onRecv(ServerConnection c, int res, int flags) {
        if (!MultishotRecv.hasMore(flags)) {
            c.recvArmed = false;
        }
        if (ProvidedBufferRing.hasBuffer(flags)) {
            int bid = ProvidedBufferRing.bufferId(flags);
            if (res > 0 && !c.discardInput && !c.lingering) {
                frame(c, buffers.offset(bid), res);
            }
            buffers.recycle(bid);
        }
        if (res == 0 || (res < 0 && res != -ENOBUFS())) {
            closeNow(c); // peer closed or reset: nothing more can be answered
        } else if (!c.recvArmed && c.open) {
            armRecv(c);
        }
    }

    private void frame(ServerConnection c, long offset, int length) {
        c.parser.parse(buffers.buffers(), offset, length);
        int framed = c.parser.completed();
        if (c.parser.closeAfterLast()) {
            c.closeAt = c.queued + framed;
        }
        long closeEvery = config.closeEvery();
        if (closeEvery > 0 && c.queued + framed >= closeEvery) {
            // Requests past the N-th are left unanswered: the client sees the close mid-pipeline.
            framed = (int) (closeEvery - c.queued);
            c.closeAt = c.closeAt < 0 ? closeEvery : Math.min(c.closeAt, closeEvery);
        }
        if (c.parser.error() != 0 && c.closeAt < 0) {
            c.errorStatus = c.parser.error();
        }
        c.discardInput = c.parser.stopped() || c.closeAt >= 0;
        if (framed > 0) {
            c.queued += framed;
            maxPipelined = Math.max(maxPipelined, c.queued - c.sent);
            if (config.delayNs() > 0) {
                if (c.pushDelayBatch(framed)) {
                    sq.timeout(delay.address(), 0, 0, UserData.encode(c.slot, OP_DELAY, c.generation));
                }
            } else {
                c.ready = c.queued;
            }
        }
        trySend(c);
    }

    private void trySend(ServerConnection c) {
        if (c.sending || c.lingering) {
            return;
        }
        long owed = c.ready - c.sent;
        if (owed > 0) {
            int k = (int) Math.min(owed, responses.repeat());
            if (c.closeAt >= 0 && c.sent + k == c.closeAt) {
                startSend(c, k, responses.closingBatch(k), responses.closingBatchLength(k));
            } else {
                startSend(c, k, responses.normalBatch(), responses.normalBatchLength(k));
            }
        } else if (c.errorStatus != 0 && c.ready == c.queued) {
            c.sendingError = true;
            startSend(c, 0, responses.error(c.errorStatus), responses.errorLength(c.errorStatus));
        }
    }

    private void startSend(ServerConnection c, int responseCount, long address, long length) {
        c.sending = true;
        c.inFlightResponses = responseCount;
        c.sendAddress = address;
        c.sendRemaining = length;
        submitSend(c);
    }

    private void submitSend(ServerConnection c) {
        int chunk = (int) Math.min(c.sendRemaining, Integer.MAX_VALUE);
        sq.send(c.fd, c.sendAddress, chunk, 0, UserData.encode(c.slot, OP_SEND, c.generation));
    }

    private void onSend(ServerConnection c, int res) {
        if (res < 0) {
            closeNow(c); // EPIPE / ECONNRESET: the client is gone
            return;
        }
        if (res < c.sendRemaining) {
            c.sendAddress += res; // short send: the rest goes out before anything else
            c.sendRemaining -= res;
            submitSend(c);
            return;
        }
        c.sending = false;
        c.sent += c.inFlightResponses;
        served += c.inFlightResponses;
        if (c.sendingError || (c.closeAt >= 0 && c.sent >= c.closeAt)) {
            startLingeringClose(c);
        } else {
            trySend(c);
        }
    }

    /**
     * Half-close after the last response and keep reading until the peer closes: closing with unread input would
     * make the kernel send a reset, which can destroy the response before the client reads it.
     */
    private void startLingeringClose(ServerConnection c) {
        c.lingering = true;
        c.lingerSinceSecond = nowSecond;
        // Only responses whose send completed were queued in the socket, so the FIN goes out right behind them.
        sockets.shutdownWrite(c.fd);
        if (!c.recvArmed) {
            armRecv(c);
        }
    }

    private void closeNow(ServerConnection c) {
        if (c.recvArmed) {
            sq.cancel(0, IORING_ASYNC_CANCEL_FD() | IORING_ASYNC_CANCEL_ALL(), UserData.encode(c.slot, OP_CLOSE, 0));
            sq.setFdOfLast(c.fd);
            sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        }
        sq.close(c.fd, UserData.encode(c.slot, OP_CLOSE, 0));
        sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        c.open = false;
        c.fd = -1;
        freeSlots[freeCount++] = c.slot;
    }

    private void closeAll() {
        for (int i = 0; i < slotsUsed; i++) {
            ServerConnection c = connections[i];
            if (c != null && c.open) {
                sockets.close(c.fd);
                c.open = false;
            }
        }
    }
}
