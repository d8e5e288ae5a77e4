package dev.ringload.engine.os;

import dev.ringload.bindings.uring.ringload_h;
import dev.ringload.bindings.uring.ringload_h_Syscalls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The calling thread's timer slack ({@code prctl(PR_SET_TIMERSLACK)}). Linux lets a timed sleep of an ordinary
 * thread end up to 50 us late so wake-ups can be merged; an open-loop thread that sleeps until its next request
 * is due would send every request that late.
 */
public final class TimerSlack {

    private TimerSlack() {
    }

    /** Sets the calling thread's timer slack to {@code ns} (at least 1); false where the kernel refused. */
    public static boolean setForCurrentThread(long ns) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            return ringload_h_Syscalls.prctl(errnoState, ringload_h.PR_SET_TIMERSLACK(), Math.max(1, ns)) == 0;
        }
    }
}
