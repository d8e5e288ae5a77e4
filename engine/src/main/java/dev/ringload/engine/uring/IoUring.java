package dev.ringload.engine.uring;

import dev.ringload.engine.os.ErrnoException;

import dev.ringload.bindings.uring.__kernel_timespec;
import dev.ringload.bindings.uring.io_uring_getevents_arg;
import dev.ringload.bindings.uring.io_uring_params;
import dev.ringload.bindings.uring.io_uring_rsrc_update;
import dev.ringload.bindings.uring.io_cqring_offsets;
import dev.ringload.bindings.uring.io_sqring_offsets;
import dev.ringload.bindings.uring.ringload_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.ringload.bindings.uring.ringload_h.*;
import static dev.ringload.bindings.uring.ringload_h_Addendum.IORING_SETUP_NO_SQARRAY;
import static dev.ringload.bindings.uring.ringload_h_Syscalls.io_uring_enter;
import static dev.ringload.bindings.uring.ringload_h_Syscalls.io_uring_register;
import static dev.ringload.bindings.uring.ringload_h_Syscalls.io_uring_setup;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One io_uring instance, created on, used by and closed by a single owning thread (the ring is set up with
 * {@code IORING_SETUP_SINGLE_ISSUER}, and its memory lives in a confined {@link Arena}, so another thread touching
 * it fails fast). The intended loop, one system call per iteration:
 *
 * <pre>{@code
 * while (running) {
 *     ... sq().send(...), sq().recvMultishot(...) ...
 *     ring.submitAndWait(1, timeoutNs);   // publish SQ tail, submit, run task work, wait
 *     ring.drain(handler);                // CQEs in place, one head store
 * }
 * }</pre>
 */
public final class IoUring implements AutoCloseable {

    /** Flags tried in order; each later set drops what an older kernel refused with EINVAL. */
    private static final int[] SETUP_FLAG_CANDIDATES = setupFlagCandidates();

    /** Features every ring needs (all present since Linux 5.11). */
    static final int REQUIRED_FEATURES = IORING_FEAT_SINGLE_MMAP() | IORING_FEAT_NODROP()
            | IORING_FEAT_SUBMIT_STABLE() | IORING_FEAT_EXT_ARG();

    private static volatile IoUringProbe.Result cachedProbe;

    private final Arena arena;
    private final MemorySegment errnoState;
    private final Thread owner;
    private final int ringFd;
    private final int enterFd;
    private final int enterFlags;
    private final int setupFlags;
    private final int features;
    private final MemorySegment rings;
    private final MemorySegment sqes;
    private final long sqFlagsOffset;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final MemorySegment eventsArg;
    private final MemorySegment timespec;
    private boolean closed;

    private IoUring(Arena arena, MemorySegment errnoState, int ringFd, MemorySegment params) {
        this.arena = arena;
        this.errnoState = errnoState;
        this.owner = Thread.currentThread();
        this.ringFd = ringFd;
        this.setupFlags = io_uring_params.flags(params);
        this.features = io_uring_params.features(params);
        int sqEntries = io_uring_params.sq_entries(params);
        int cqEntries = io_uring_params.cq_entries(params);
        MemorySegment sqOff = io_uring_params.sq_off(params);
        MemorySegment cqOff = io_uring_params.cq_off(params);

        // With IORING_FEAT_SINGLE_MMAP both rings share one mapping, sized for the larger of the two.
        long sqRingSize = Integer.toUnsignedLong(io_sqring_offsets.array(sqOff)) + 4L * sqEntries;
        long cqRingSize = Integer.toUnsignedLong(io_cqring_offsets.cqes(cqOff)) + 16L * cqEntries;
        this.rings = map(Math.max(sqRingSize, cqRingSize), IORING_OFF_SQ_RING());
        this.sqes = map(64L * sqEntries, IORING_OFF_SQES());

        if ((setupFlags & IORING_SETUP_NO_SQARRAY()) == 0) {
            // Without NO_SQARRAY the kernel reads SQEs through an index array; make it the identity once.
            long array = Integer.toUnsignedLong(io_sqring_offsets.array(sqOff));
            for (int i = 0; i < sqEntries; i++) {
                rings.set(JAVA_INT, array + 4L * i, i);
            }
        }
        this.sqFlagsOffset = io_sqring_offsets.flags(sqOff);
        this.sq = new SubmissionQueue(this, rings, sqes, io_sqring_offsets.head(sqOff), io_sqring_offsets.tail(sqOff),
                sqEntries);
        this.cq = new CompletionQueue(rings, io_cqring_offsets.head(cqOff), io_cqring_offsets.tail(cqOff),
                io_cqring_offsets.overflow(cqOff), io_cqring_offsets.cqes(cqOff), cqEntries);

        this.timespec = __kernel_timespec.allocate(arena);
        this.eventsArg = io_uring_getevents_arg.allocate(arena);
        io_uring_getevents_arg.sigmask_sz(eventsArg, 8); // _NSIG / 8, as liburing passes
        io_uring_getevents_arg.ts(eventsArg, timespec.address());

        int registeredIndex = registerRingFd();
        this.enterFd = registeredIndex >= 0 ? registeredIndex : ringFd;
        this.enterFlags = registeredIndex >= 0 ? IORING_ENTER_REGISTERED_RING() : 0;
    }

    /** Opens a ring with {@code entries} SQEs and twice as many CQEs. */
    public static IoUring open(int entries) {
        return open(entries, entries * 2);
    }

    /**
     * Opens a ring on the calling thread, which becomes its only user.
     *
     * @throws ErrnoException when the kernel refuses io_uring (see {@link IoUringProbe} for a readable reason)
     */
    public static IoUring open(int sqEntries, int cqEntries) {
        if (Integer.bitCount(sqEntries) != 1 || cqEntries < sqEntries) {
            throw new IllegalArgumentException("sqEntries must be a power of two and cqEntries >= sqEntries, got "
                    + sqEntries + "/" + cqEntries);
        }
        Arena arena = Arena.ofConfined();
        try {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = -1;
            int errno = 0;
            for (int flags : SETUP_FLAG_CANDIDATES) {
                params.fill((byte) 0);
                io_uring_params.flags(params, flags);
                io_uring_params.cq_entries(params, cqEntries);
                fd = io_uring_setup(errnoState, sqEntries, params);
                if (fd >= 0) {
                    break;
                }
                errno = ringload_h.errno(errnoState);
                if (errno != EINVAL()) {
                    break;
                }
            }
            if (fd < 0) {
                throw new ErrnoException("io_uring_setup", errno);
            }
            int missing = REQUIRED_FEATURES & ~io_uring_params.features(params);
            if (missing != 0) {
                ringload_h.close(errnoState, fd);
                throw new IllegalStateException("kernel too old: " + IoUringProbe.describeFeatures(missing));
            }
            try {
                return new IoUring(arena, errnoState, fd, params);
            } catch (RuntimeException e) {
                ringload_h.close(errnoState, fd);
                throw e;
            }
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** Whether io_uring with everything ringload needs is usable here; cached after the first probe. */
    public static boolean isAvailable() {
        return probe().usable();
    }

    /** The cached probe result (see {@link IoUringProbe#probe()}). */
    public static IoUringProbe.Result probe() {
        IoUringProbe.Result result = cachedProbe;
        if (result == null) {
            result = IoUringProbe.probe();
            cachedProbe = result;
        }
        return result;
    }

    private static int[] setupFlagCandidates() {
        int base = IORING_SETUP_CQSIZE() | IORING_SETUP_SUBMIT_ALL();
        int deferred = base | IORING_SETUP_SINGLE_ISSUER() | IORING_SETUP_DEFER_TASKRUN();
        return new int[] {
                deferred | IORING_SETUP_NO_SQARRAY(),                          // Linux 6.6+
                deferred,                                                      // Linux 6.1+
                base | IORING_SETUP_COOP_TASKRUN() | IORING_SETUP_TASKRUN_FLAG(), // Linux 5.19+
                base,
        };
    }

    private MemorySegment map(long size, long offset) {
        MemorySegment address = ringload_h.mmap(errnoState, MemorySegment.NULL, size, PROT_READ() | PROT_WRITE(),
                MAP_SHARED() | MAP_POPULATE(), ringFd, offset);
        if (address.address() == -1L) {
            throw new ErrnoException("mmap of the io_uring rings", ringload_h.errno(errnoState));
        }
        // Unmapped explicitly in close(); the segment dies with the arena so later use fails fast.
        return address.reinterpret(size, arena, null);
    }

    /** Registers the ring fd with itself so io_uring_enter skips the fd table lookup (Linux 5.18+); -1 if refused. */
    private int registerRingFd() {
        MemorySegment update = io_uring_rsrc_update.allocate(arena);
        io_uring_rsrc_update.offset(update, -1); // let the kernel pick a slot
        io_uring_rsrc_update.data(update, ringFd);
        int ret = io_uring_register(errnoState, ringFd, IORING_REGISTER_RING_FDS(), update, 1);
        return ret == 1 ? io_uring_rsrc_update.offset(update) : -1;
    }

    public SubmissionQueue sq() {
        return sq;
    }

    /**
     * Publishes and submits pending SQEs, runs deferred task work and waits for at least {@code minComplete} CQEs:
     * one io_uring_enter. Returns the number of SQEs the kernel consumed.
     */
    public int submitAndWait(int minComplete) {
        ensureOpen();
        int toSubmit = sq.publish();
        return enter(toSubmit, minComplete, IORING_ENTER_GETEVENTS(), MemorySegment.NULL, 0);
    }

    /** As {@link #submitAndWait(int)}, but waits at most {@code timeoutNs}. */
    public int submitAndWait(int minComplete, long timeoutNs) {
        ensureOpen();
        int toSubmit = sq.publish();
        __kernel_timespec.tv_sec(timespec, timeoutNs / 1_000_000_000L);
        __kernel_timespec.tv_nsec(timespec, timeoutNs % 1_000_000_000L);
        return enter(toSubmit, minComplete, IORING_ENTER_GETEVENTS() | IORING_ENTER_EXT_ARG(), eventsArg,
                io_uring_getevents_arg.sizeof());
    }

    /** Submits without waiting or running task work; used when the SQ is full. */
    void submitPending() {
        enter(sq.publish(), 0, 0, MemorySegment.NULL, 0);
    }

    private int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) {
        int ret = io_uring_enter(errnoState, enterFd, toSubmit, minComplete, flags | enterFlags, arg, argSize);
        if (ret >= 0) {
            sq.submitted(ret);
            return ret;
        }
        int errno = ringload_h.errno(errnoState);
        // Interrupted, timed out, or short of memory / CQ space: nothing consumed; the caller's loop goes on.
        if (errno == EINTR() || errno == ETIME() || errno == EAGAIN() || errno == EBUSY()) {
            return 0;
        }
        throw new ErrnoException("io_uring_enter", errno);
    }

    /** Drains every ready completion, including any the kernel parked in its overflow list. */
    public int drain(CompletionHandler handler) {
        return drain(handler, Integer.MAX_VALUE);
    }

    /**
     * Hands at most {@code max} completions to {@code handler}. If the CQ overflowed, the kernel kept the extra
     * CQEs ({@code IORING_FEAT_NODROP}); they are flushed into the ring and drained too, never lost.
     */
    public int drain(CompletionHandler handler, int max) {
        ensureOpen();
        int count = cq.drain(handler, max);
        while (count < max && overflowPending()) {
            enter(0, 0, IORING_ENTER_GETEVENTS(), MemorySegment.NULL, 0); // flushes the overflow list
            int more = cq.drain(handler, max - count);
            if (more == 0) {
                break;
            }
            count += more;
        }
        int dropped = cq.dropped();
        if (dropped != 0) {
            throw new IllegalStateException("the kernel dropped " + dropped
                    + " completions (CQ overflow without memory for its overflow list)");
        }
        return count;
    }

    /** True while the kernel holds completions that did not fit in the CQ. */
    public boolean overflowPending() {
        return (RingMemory.getIntAcquire(rings, sqFlagsOffset) & IORING_SQ_CQ_OVERFLOW()) != 0;
    }

    /** Completions waiting in the CQ. */
    public int ready() {
        return cq.ready();
    }

    public int sqCapacity() {
        return sq.capacity();
    }

    public int cqCapacity() {
        return cq.capacity();
    }

    /** The {@code IORING_SETUP_*} flags the kernel accepted. */
    public int setupFlags() {
        return setupFlags;
    }

    /** The {@code IORING_FEAT_*} bits the kernel reported. */
    public int features() {
        return features;
    }

    public boolean usesRegisteredRingFd() {
        return enterFlags != 0;
    }

    public Thread owner() {
        return owner;
    }

    int fd() {
        return ringFd;
    }

    MemorySegment errnoState() {
        return errnoState;
    }

    /** Long-lived native memory owned by this ring (freed on close). */
    MemorySegment allocate(long size, long alignment) {
        ensureOpen();
        return arena.allocate(size, alignment);
    }

    /** io_uring_register on this ring; throws with the errno on failure. */
    int register(int opcode, MemorySegment arg, int count, String what) {
        ensureOpen();
        int ret = io_uring_register(errnoState, ringFd, opcode, arg, count);
        if (ret < 0) {
            throw new ErrnoException(what, ringload_h.errno(errnoState));
        }
        return ret;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("io_uring instance is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Unmaps the rings, closes the fd and frees every buffer allocated from this ring. Owner thread only. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("io_uring instance must be closed by its owner thread " + owner.getName());
        }
        closed = true;
        long ringsAddress = rings.address();
        long ringsSize = rings.byteSize();
        long sqesAddress = sqes.address();
        long sqesSize = sqes.byteSize();
        ringload_h.munmap(errnoState, MemorySegment.ofAddress(sqesAddress), sqesSize);
        ringload_h.munmap(errnoState, MemorySegment.ofAddress(ringsAddress), ringsSize);
        ringload_h.close(errnoState, ringFd);
        arena.close();
    }
}
