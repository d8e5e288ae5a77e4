package dev.ringload.engine.uring;

import java.lang.foreign.MemorySegment;

import static dev.ringload.bindings.uring.io_uring_sqe.*;
import static dev.ringload.bindings.uring.ringload_h.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * The submission side of one ring. Each {@code prep} method writes one SQE straight into the kernel-mapped array
 * with plain stores; nothing is visible to the kernel until {@link IoUring} publishes the tail (release) and enters.
 * When the SQ is full, the pending entries are submitted first, so no operation is ever lost.
 */
public final class SubmissionQueue {

    private static final long SQE_SIZE = 64;

    private final IoUring ring;
    private final MemorySegment indices;
    private final MemorySegment sqes;
    private final long headOffset;
    private final long tailOffset;
    private final int mask;
    private final int entries;

    /** Our tail: SQEs up to here are written; up to {@link #publishedTail} the kernel may read them. */
    private int tail;
    private int publishedTail;
    /** SQEs up to here were handed to io_uring_enter. */
    private int submittedTail;
    /** Cached kernel head; refreshed only when the queue looks full. */
    private int head;
    private long lastSqe = -1;

    SubmissionQueue(IoUring ring, MemorySegment indices, MemorySegment sqes, long headOffset, long tailOffset,
                    int entries) {
        this.ring = ring;
        this.indices = indices;
        this.sqes = sqes;
        this.headOffset = headOffset;
        this.tailOffset = tailOffset;
        this.entries = entries;
        this.mask = entries - 1;
        this.tail = RingMemory.getIntAcquire(indices, tailOffset);
        this.publishedTail = tail;
        this.submittedTail = tail;
        this.head = RingMemory.getIntAcquire(indices, headOffset);
    }

    public int capacity() {
        return entries;
    }

    /** SQEs written but not yet handed to the kernel. */
    public int pending() {
        return tail - submittedTail;
    }

    public void nop(long userData) {
        prep(IORING_OP_NOP(), -1, 0, 0, 0, userData);
    }

    /** {@code IORING_OP_SEND} of {@code length} bytes at native address {@code address}. */
    public void send(int fd, long address, int length, int msgFlags, long userData) {
        long sqe = prep(IORING_OP_SEND(), fd, address, length, 0, userData);
        sqes.set(JAVA_INT, sqe + msg_flags$offset(), msgFlags);
    }

    /** {@code IORING_OP_RECV} into a caller-owned buffer. */
    public void recv(int fd, long address, int length, int msgFlags, long userData) {
        long sqe = prep(IORING_OP_RECV(), fd, address, length, 0, userData);
        sqes.set(JAVA_INT, sqe + msg_flags$offset(), msgFlags);
    }

    /**
     * Multishot {@code IORING_OP_RECV} that picks buffers from provided-buffer group {@code bufferGroup}. It posts a
     * CQE per receive while {@code IORING_CQE_F_MORE} is set; see {@link MultishotRecv#needsRearm}.
     */
    public void recvMultishot(int fd, int bufferGroup, long userData) {
        long sqe = prep(IORING_OP_RECV(), fd, 0, 0, 0, userData);
        sqes.set(JAVA_SHORT, sqe + ioprio$offset(), (short) IORING_RECV_MULTISHOT());
        sqes.set(JAVA_BYTE, sqe + flags$offset(), (byte) IOSQE_BUFFER_SELECT());
        sqes.set(JAVA_SHORT, sqe + buf_group$offset(), (short) bufferGroup);
    }

    /** {@code IORING_OP_SOCKET}: the CQE's res is the new fd. */
    public void socket(int domain, int type, int protocol, long userData) {
        long sqe = prep(IORING_OP_SOCKET(), domain, 0, protocol, type, userData);
        sqes.set(JAVA_INT, sqe + rw_flags$offset(), 0);
    }

    /** {@code IORING_OP_CONNECT} to the sockaddr at native address {@code sockaddr}. */
    public void connect(int fd, long sockaddr, int sockaddrLength, long userData) {
        prep(IORING_OP_CONNECT(), fd, sockaddr, 0, sockaddrLength, userData);
    }

    /** Multishot {@code IORING_OP_ACCEPT}: one CQE per accepted connection, res is its fd. */
    public void acceptMultishot(int listenFd, int flags, long userData) {
        long sqe = prep(IORING_OP_ACCEPT(), listenFd, 0, 0, 0, userData);
        sqes.set(JAVA_SHORT, sqe + ioprio$offset(), (short) IORING_ACCEPT_MULTISHOT());
        sqes.set(JAVA_INT, sqe + accept_flags$offset(), flags);
    }

    public void close(int fd, long userData) {
        prep(IORING_OP_CLOSE(), fd, 0, 0, 0, userData);
    }

    /**
     * {@code IORING_OP_TIMEOUT}: completes with {@code -ETIME} when the {@code __kernel_timespec} at
     * {@code timespec} elapses, or with 0 after {@code count} other completions (0: time only).
     */
    public void timeout(long timespec, int count, int timeoutFlags, long userData) {
        long sqe = prep(IORING_OP_TIMEOUT(), -1, timespec, 1, count, userData);
        sqes.set(JAVA_INT, sqe + timeout_flags$offset(), timeoutFlags);
    }

    /** {@code IORING_OP_ASYNC_CANCEL} of the request submitted with {@code targetUserData}. */
    public void cancel(long targetUserData, int cancelFlags, long userData) {
        long sqe = prep(IORING_OP_ASYNC_CANCEL(), -1, targetUserData, 0, 0, userData);
        sqes.set(JAVA_INT, sqe + cancel_flags$offset(), cancelFlags);
    }

    /** Sets the fd field of the SQE prepared last (e.g. a cancel by fd). */
    public void setFdOfLast(int fd) {
        if (lastSqe < 0) {
            throw new IllegalStateException("no SQE prepared yet");
        }
        sqes.set(JAVA_INT, lastSqe + fd$offset(), fd);
    }

    /** Adds {@code IOSQE_*} flags (e.g. {@code IOSQE_IO_LINK}) to the SQE prepared last. */
    public void addFlagsToLast(int sqeFlags) {
        if (lastSqe < 0) {
            throw new IllegalStateException("no SQE prepared yet");
        }
        byte current = sqes.get(JAVA_BYTE, lastSqe + flags$offset());
        sqes.set(JAVA_BYTE, lastSqe + flags$offset(), (byte) (current | sqeFlags));
    }

    /** Writes a zeroed SQE with the common fields and returns its byte offset in the SQE array. */
    private long prep(int opcode, int fd, long addr, int len, long off, long userData) {
        long sqe = nextSqe();
        sqes.set(JAVA_BYTE, sqe + opcode$offset(), (byte) opcode);
        sqes.set(JAVA_INT, sqe + fd$offset(), fd);
        sqes.set(JAVA_LONG, sqe + off$offset(), off);
        sqes.set(JAVA_LONG, sqe + addr$offset(), addr);
        sqes.set(JAVA_INT, sqe + len$offset(), len);
        sqes.set(JAVA_LONG, sqe + user_data$offset(), userData);
        return sqe;
    }

    private long nextSqe() {
        ring.ensureOpen();
        if (tail - head == entries) {
            head = RingMemory.getIntAcquire(indices, headOffset);
            if (tail - head == entries) {
                // Full: hand what is pending to the kernel (it consumes SQEs during the call), then go on.
                ring.submitPending();
                head = RingMemory.getIntAcquire(indices, headOffset);
                if (tail - head == entries) {
                    throw new IllegalStateException("submission queue full and the kernel consumed none of it");
                }
            }
        }
        long sqe = (tail & mask) * SQE_SIZE;
        // Every field starts at zero (liburing's io_uring_prep_rw does the same with memset-like stores).
        for (long i = 0; i < SQE_SIZE; i += 8) {
            sqes.set(JAVA_LONG, sqe + i, 0L);
        }
        tail++;
        lastSqe = sqe;
        return sqe;
    }

    /** Makes the written SQEs visible to the kernel; returns how many await io_uring_enter. */
    int publish() {
        if (publishedTail != tail) {
            // The kernel must see the SQE contents before it sees the new tail.
            RingMemory.setIntRelease(indices, tailOffset, tail);
            publishedTail = tail;
        }
        return tail - submittedTail;
    }

    void submitted(int count) {
        submittedTail += count;
    }
}
