package dev.ringload.engine.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's counters as one consistent snapshot, written by the worker once per loop iteration and read by the
 * coordinator at any time: a sequence lock (as in the Linux kernel's seqcount and Java's StampedLock validation).
 * The writer makes the sequence odd, copies, and makes it even again; a reader that saw the same even sequence
 * before and after its copy has a consistent one. The writer never allocates; the reader copies.
 */
final class PublishedCounts {

    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(PublishedCounts.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] published = new long[Counts.SLOTS];
    @SuppressWarnings("unused") // accessed through SEQUENCE
    private volatile long sequence;

    /** Writer (the worker thread only). */
    void publish(long[] values) {
        long s = (long) SEQUENCE.getOpaque(this);
        SEQUENCE.setOpaque(this, s + 1);
        VarHandle.storeStoreFence(); // the odd sequence is visible before any value changes
        for (int i = 0; i < published.length; i++) {
            published[i] = values[i];
        }
        SEQUENCE.setRelease(this, s + 2); // the values are visible before the even sequence
    }

    /** Reader (any thread): the last complete snapshot. */
    Counts read() {
        long[] copy = new long[published.length];
        while (true) {
            long before = (long) SEQUENCE.getAcquire(this);
            if ((before & 1) == 0) {
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = published[i];
                }
                VarHandle.loadLoadFence(); // the copy is complete before the sequence is read again
                if ((long) SEQUENCE.getOpaque(this) == before) {
                    return new Counts(copy);
                }
            }
            Thread.onSpinWait();
        }
    }
}
