package dev.ringload.engine.uring;

import java.lang.foreign.MemorySegment;

import static dev.ringload.bindings.uring.io_uring_cqe.*;
import static java.lang.foreign.ValueLayout.*;

/** The completion side of one ring: CQEs are read in place and the head handed back in one release store. */
final class CompletionQueue {

    private static final long CQE_SIZE = 16;

    private final MemorySegment ring;
    private final long headOffset;
    private final long tailOffset;
    private final long overflowOffset;
    private final long cqesOffset;
    private final int mask;
    private final int entries;

    CompletionQueue(MemorySegment ring, long headOffset, long tailOffset, long overflowOffset, long cqesOffset,
                    int entries) {
        this.ring = ring;
        this.headOffset = headOffset;
        this.tailOffset = tailOffset;
        this.overflowOffset = overflowOffset;
        this.cqesOffset = cqesOffset;
        this.entries = entries;
        this.mask = entries - 1;
    }

    int capacity() {
        return entries;
    }

    /** Completions ready to be drained. */
    int ready() {
        return RingMemory.getIntAcquire(ring, tailOffset) - RingMemory.getIntRelaxed(ring, headOffset);
    }

    /** Completions the kernel had to drop (only when it could not even allocate an overflow entry). */
    int dropped() {
        return RingMemory.getIntAcquire(ring, overflowOffset);
    }

    /** Hands up to {@code max} completions to {@code handler}; returns how many. */
    int drain(CompletionHandler handler, int max) {
        // The CQEs up to the tail are complete once we have read the tail with acquire semantics.
        int tail = RingMemory.getIntAcquire(ring, tailOffset);
        int head = RingMemory.getIntRelaxed(ring, headOffset);
        int end = tail - head > max ? head + max : tail;
        int count = 0;
        try {
            for (int i = head; i != end; i++) {
                long cqe = cqesOffset + (i & mask) * CQE_SIZE;
                long userData = ring.get(JAVA_LONG, cqe + user_data$offset());
                int res = ring.get(JAVA_INT, cqe + res$offset());
                int flags = ring.get(JAVA_INT, cqe + flags$offset());
                // Counted before the callback runs: a handler that throws consumes only its own CQE.
                count++;
                handler.onCompletion(res, flags, userData);
            }
        } finally {
            // One release store for the whole batch: the kernel may reuse the slots only after they were read.
            RingMemory.setIntRelease(ring, headOffset, head + count);
        }
        return count;
    }
}
