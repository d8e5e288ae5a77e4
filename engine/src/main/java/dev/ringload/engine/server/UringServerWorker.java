package dev.ringload.engine.server;

import dev.ringload.bindings.uring.__kernel_timespec;
import dev.ringload.engine.os.Affinity;
import dev.ringload.engine.uring.CompletionHandler;
import dev.ringload.engine.uring.IoUring;
import dev.ringload.engine.uring.MultishotRecv;
import dev.ringload.engine.uring.ProvidedBufferRing;
import dev.ringload.engine.os.Sockets;
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
final class UringServerWorker extends ServerWorkerBase implements CompletionHandler {

    private static final int OP_ACCEPT = 1;
    private static final int OP_RECV = 2;
    private static final int OP_SEND = 3;
    private static final int OP_DELAY = 4;
    private static final int OP_CLOSE = 5;
    private static final int OP_FAULT_TIMER = 6;
    private static final int LISTENER = -1;
    private static final int BUFFER_GROUP = 0;
    private static final int BUFFERS = 512;
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final long WAIT_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final int listenFd;

    private IoUring ring;
    private SubmissionQueue sq;
    private ProvidedBufferRing buffers;
    private Sockets sockets;
    private MemorySegment delay;
    /** Per injected fault, the timespec of its timer (stall, trickle tick); null for faults without one. */
    private MemorySegment[] faultTimers;
    private boolean acceptArmed;

    UringServerWorker(ServerConfig config, int index, int listenFd, int cpu, CountDownLatch started) {
        super(config, index, cpu, started);
        this.listenFd = listenFd;
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
                prepareFaultTimers(arena);
                armAccept();
                started();
                loop();
            } finally {
                closeAll();
                ring.close();
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    private void prepareFaultTimers(Arena arena) {
        prepareFaults(arena);
        if (faults == null) {
            return;
        }
        faultTimers = new MemorySegment[faults.size()];
        for (int i = 0; i < faults.size(); i++) {
            long ns = faultTimerNs(faults.fault(i));
            if (ns > 0) {
                faultTimers[i] = __kernel_timespec.allocate(arena);
                __kernel_timespec.tv_sec(faultTimers[i], ns / 1_000_000_000L);
                __kernel_timespec.tv_nsec(faultTimers[i], ns % 1_000_000_000L);
            }
        }
    }

    private void loop() {
        while (running) {
            tick();
            ring.submitAndWait(1, WAIT_NS);
            ring.drain(this);
            buffers.publish();
            publish();
        }
    }

    /** Once a second: retry accepting after an error such as fd exhaustion. */
    @Override
    protected void onSecond() {
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
                    sendDone(c, res);
                }
            }
            case OP_DELAY -> {
                if (current) {
                    delayed(c);
                }
            }
            case OP_FAULT_TIMER -> {
                if (current) {
                    faultTimerDone(c);
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
        ServerConnection c = allocate(fd);
        armRecv(c);
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
            if (res > 0) {
                frame(c, buffers.buffers(), buffers.offset(bid), res);
            }
            buffers.recycle(bid);
        }
        if (res == 0 || (res < 0 && res != -ENOBUFS())) {
            closeNow(c); // peer closed or reset: nothing more can be answered
        } else if (!c.recvArmed && c.open) {
            armRecv(c);
        }
    }

    @Override
    protected void ioSend(ServerConnection c, long address, long length) {
        int chunk = (int) Math.min(length, Integer.MAX_VALUE);
        sq.send(c.fd, address, chunk, 0, UserData.encode(c.slot, OP_SEND, c.generation));
    }

    @Override
    protected void ioDelay(ServerConnection c) {
        sq.timeout(delay.address(), 0, 0, UserData.encode(c.slot, OP_DELAY, c.generation));
    }

    @Override
    protected void ioFaultTimer(ServerConnection c, int fault) {
        sq.timeout(faultTimers[fault].address(), 0, 0, UserData.encode(c.slot, OP_FAULT_TIMER, c.generation));
    }

    @Override
    protected void ioLingerZero(ServerConnection c) {
        try {
            sockets.setLingerZero(c.fd);
        } catch (RuntimeException e) {
            // the peer is gone already: the close that follows ends it all the same
        }
    }

    @Override
    protected void ioShutdownWrite(ServerConnection c) {
        // Only responses whose send completed were queued in the socket, so the FIN goes out right behind them.
        sockets.shutdownWrite(c.fd);
        if (!c.recvArmed) {
            armRecv(c); // keep reading (and discarding) until the peer closes
        }
    }

    @Override
    protected void ioClose(ServerConnection c) {
        if (c.recvArmed) {
            sq.cancel(0, IORING_ASYNC_CANCEL_FD() | IORING_ASYNC_CANCEL_ALL(), UserData.encode(c.slot, OP_CLOSE, 0));
            sq.setFdOfLast(c.fd);
            sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        }
        sq.close(c.fd, UserData.encode(c.slot, OP_CLOSE, 0));
        sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
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
