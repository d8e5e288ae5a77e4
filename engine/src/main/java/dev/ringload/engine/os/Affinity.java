package dev.ringload.engine.os;

import dev.ringload.bindings.uring.ringload_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** CPU pinning for the calling platform thread ({@code sched_setaffinity} with pid 0 means "this thread"). */
public final class Affinity {

    /** glibc's cpu_set_t is 1024 bits; larger hosts get a larger mask. */
    private static final int MIN_MASK_BITS = 1024;

    private Affinity() {
    }

    /** Pins the calling thread to {@code cpu}. */
    public static void pinCurrentThread(int cpu) {
        BitSet cpus = new BitSet();
        cpus.set(cpu);
        pinCurrentThread(cpus);
    }

    /** Restricts the calling thread to {@code cpus}. */
    public static void pinCurrentThread(BitSet cpus) {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("empty CPU set");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            long[] words = cpus.toLongArray();
            int bits = Math.max(MIN_MASK_BITS, words.length * 64);
            MemorySegment mask = arena.allocate(bits / 8, 8);
            for (int i = 0; i < words.length; i++) {
                mask.setAtIndex(JAVA_LONG, i, words[i]);
            }
            if (ringload_h.sched_setaffinity(errnoState, 0, mask.byteSize(), mask) != 0) {
                throw new ErrnoException("sched_setaffinity(" + cpus + ")", ringload_h.errno(errnoState));
            }
        }
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet allowedCpus() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            for (int bits = MIN_MASK_BITS; bits <= (1 << 20); bits *= 2) {
                MemorySegment mask = arena.allocate(bits / 8, 8);
                if (ringload_h.sched_getaffinity(errnoState, 0, mask.byteSize(), mask) == 0) {
                    return BitSet.valueOf(mask.toArray(JAVA_LONG));
                }
                if (ringload_h.errno(errnoState) != ringload_h.EINVAL()) {
                    throw new ErrnoException("sched_getaffinity", ringload_h.errno(errnoState));
                }
            }
            throw new IllegalStateException("sched_getaffinity: no mask size accepted");
        }
    }

    /** The CPU the calling thread runs on right now. */
    public static int currentCpu() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            int cpu = ringload_h.sched_getcpu(errnoState);
            if (cpu < 0) {
                throw new ErrnoException("sched_getcpu", ringload_h.errno(errnoState));
            }
            return cpu;
        }
    }
}
