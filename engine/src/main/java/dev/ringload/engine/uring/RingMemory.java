package dev.ringload.engine.uring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** Ordered accesses to the ring indices the kernel shares with us (liburing's io_uring_smp_* helpers). */
final class RingMemory {

    private RingMemory() {
    }

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();

    /** smp_load_acquire: later reads may not move before this one. */
    static int getIntAcquire(MemorySegment segment, long offset) {
        return (int) INT.getAcquire(segment, offset);
    }

    /** smp_store_release: earlier writes are visible before this one. */
    static void setIntRelease(MemorySegment segment, long offset, int value) {
        INT.setRelease(segment, offset, value);
    }

    static int getIntRelaxed(MemorySegment segment, long offset) {
        return (int) INT.getOpaque(segment, offset);
    }

    static void setShortRelease(MemorySegment segment, long offset, short value) {
        SHORT.setRelease(segment, offset, value);
    }
}
