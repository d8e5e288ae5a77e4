package dev.ringload.engine.load;

import dev.ringload.engine.uring.CompletionHandler;
import dev.ringload.engine.os.ErrnoException;
import dev.ringload.engine.uring.IoUring;
import dev.ringload.engine.uring.MultishotRecv;
import dev.ringload.engine.uring.ProvidedBufferRing;
import dev.ringload.engine.os.SocketAddresses;
import dev.ringload.engine.os.Sockets;
import dev.ringload.engine.uring.SubmissionQueue;
import dev.ringload.engine.uring.UserData;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

import static dev.ringload.bindings.uring.ringload_h.*;

/**
 * The io_uring engine: one ring per pinned thread. Every loop iteration makes one io_uring_enter that submits all
 * the sends, connects, closes and re-armed receives prepared since the last one and reaps whatever completed, for
 * all of this thread's sockets at once. Receives are multishot from a provided-buffer ring.
 */
public final class UringLoadWorker extends LoadWorkerBase implements CompletionHandler {

    private static final int OP_CONNECT = 1;
    private static final int OP_RECV = 2;
    private static final int OP_SEND = 3;
    private static final int OP_CLOSE = 4;
    private static final int BUFFER_GROUP = 0;
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int DEEP_BUFFER_SIZE = 64 * 1024;
    /** Retry sends that the socket took only partly inside the kernel (stream sockets, Linux 5.18+). */
    private static final int MSG_WAITALL = 0x100;

    private Arena arena;
    private Sockets sockets;
    private IoUring ring;
    private SubmissionQueue sq;
    private ProvidedBufferRing buffers;
    private MemorySegment requests;
    private long requestsAddress;
    private MemorySegment sockaddr;
    private int family;

    public UringLoadWorker(LoadConfig config, int workerIndex) {
        super(config, workerIndex);
    }

    @Override
    protected void setUp() {
        arena = Arena.ofConfined();
        sockets = new Sockets(arena);
        int count = connections.length;
        int sqEntries = Integer.highestOneBit(Math.clamp(count * 4L, 64, 4096) * 2 - 1);
        ring = IoUring.open(sqEntries, sqEntries * 4);
        sq = ring.sq();
        // Deep pipelines bring big bursts per connection: larger buffers mean fewer completions per response.
        int bufferSize = pipelining >= 16 ? DEEP_BUFFER_SIZE : BUFFER_SIZE;
        int bufferCount = Integer.highestOneBit((int) Math.clamp(count * 4L, 256, 4096) * 2 - 1);
        if (bufferSize == DEEP_BUFFER_SIZE) {
            bufferCount = Math.min(bufferCount, 1024);
        }
        buffers = ProvidedBufferRing.register(ring, BUFFER_GROUP, Math.min(bufferCount, 4096), bufferSize);
        requests = pipelinedRequests(arena);
        requestsAddress = requests.address();
        InetSocketAddress address = new InetSocketAddress(config.target().address(), config.target().port());
        sockaddr = SocketAddresses.allocate(arena, address);
        family = SocketAddresses.family(address);
    }

    @Override
    protected void loop() {
        while (keepRunning()) {
            beforeWait();
            // Submit and reap without sleeping; only when nothing was ready does a second enter wait. Busy threads
            // still make one system call per iteration, and the time in the waiting call is exactly the time the
            // thread spent blocked for completions (the busy/idle split of the client-bound verdict).
            ring.submitAndWait(0);
            nowNs = System.nanoTime();
            if (drainAll() == 0 && keepRunning()) {
                long waitStart = nowNs;
                ring.submitAndWait(1, MAX_WAIT_NS);
                nowNs = System.nanoTime();
                blocked(nowNs - waitStart);
                drainAll();
            }
        }
    }

    private int drainAll() {
        beforeDrain();
        try {
            return ring.drain(this);
        } finally {
            afterDrain();
            buffers.publish();
        }
    }

    @Override
    protected void tearDown() {
        try {
            if (sockets != null) {
                for (LoadConnection c : connections) {
                    if (c.fd >= 0) {
                        sockets.close(c.fd);
                        c.fd = -1;
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

    @Override
    protected long requestsAddress() {
        return requestsAddress;
    }

    @Override
    protected void ioConnect(LoadConnection c) {
        int fd;
        try {
            fd = sockets.socket(family);
            sockets.setNoDelay(fd);
        } catch (ErrnoException e) {
            connectFailed(c, -e.errno()); // EMFILE and friends: counted, retried after the backoff
            return;
        }
        c.fd = fd;
        sq.connect(fd, sockaddr.address(), (int) sockaddr.byteSize(), UserData.encode(c.index, OP_CONNECT, c.generation));
    }

    @Override
    protected void ioAbortConnect(LoadConnection c) {
        // Cancelling by fd makes the pending connect complete with -ECANCELED, which connectFailed counts as a timeout.
        sq.cancel(0, IORING_ASYNC_CANCEL_FD() | IORING_ASYNC_CANCEL_ALL(), UserData.encode(c.index, OP_CLOSE, 0));
        sq.setFdOfLast(c.fd);
    }

    @Override
    protected void ioSend(LoadConnection c, long address, int length) {
        sq.send(c.fd, address, length, MSG_WAITALL, UserData.encode(c.index, OP_SEND, c.generation));
    }

    @Override
    protected void ioClose(LoadConnection c) {
        if (c.fd < 0) {
            return;
        }
        if (c.recvArmed || c.sending || c.state == LoadConnection.CONNECTING) {
            sq.cancel(0, IORING_ASYNC_CANCEL_FD() | IORING_ASYNC_CANCEL_ALL(), UserData.encode(c.index, OP_CLOSE, 0));
            sq.setFdOfLast(c.fd);
            sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        }
        sq.close(c.fd, UserData.encode(c.index, OP_CLOSE, 0));
        sq.addFlagsToLast(IOSQE_CQE_SKIP_SUCCESS());
        c.fd = -1;
        c.recvArmed = false;
    }

    @Override
    public void onCompletion(int res, int flags, long userData) {
        int op = UserData.op(userData);
        int index = UserData.connection(userData);
        LoadConnection c = connections[index];
        boolean current = c.generation == UserData.aux(userData) && c.fd >= 0;
        switch (op) {
            case OP_RECV -> onRecv(c, current, res, flags);
            case OP_SEND -> {
                if (current && c.state == LoadConnection.OPEN) {
                    sendProgress(c, res);
                }
            }
            case OP_CONNECT -> {
                if (current && c.state == LoadConnection.CONNECTING) {
                    if (res == 0) {
                        armRecv(c);
                        connected(c);
                    } else {
                        connectFailed(c, res);
                    }
                }
            }
            default -> {
                // cancel/close completions: nothing to do
            }
        }
    }

    private void armRecv(LoadConnection c) {
        sq.recvMultishot(c.fd, BUFFER_GROUP, UserData.encode(c.index, OP_RECV, c.generation));
        c.recvArmed = true;
    }

    private void onRecv(LoadConnection c, boolean current, int res, int flags) {
        boolean more = MultishotRecv.hasMore(flags);
        if (ProvidedBufferRing.hasBuffer(flags)) {
            int bid = ProvidedBufferRing.bufferId(flags);
            if (current && c.state == LoadConnection.OPEN && res > 0) {
                current = onData(c, buffers.buffers(), buffers.offset(bid), res);
            }
            buffers.recycle(bid);
        }
        if (!current || c.state != LoadConnection.OPEN) {
            return;
        }
        if (!more) {
            c.recvArmed = false;
        }
        if (res == 0) {
            peerClosed(c);
        } else if (res < 0 && res != -ENOBUFS()) {
            lost(c, ErrorKind.RESET);
        } else if (!c.recvArmed) {
            armRecv(c);
        }
    }
}
