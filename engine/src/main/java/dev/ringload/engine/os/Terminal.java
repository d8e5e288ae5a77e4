package dev.ringload.engine.os;

import dev.ringload.bindings.uring.ringload_h;

import java.lang.foreign.Arena;

/** Whether a standard stream is a terminal ({@code isatty}): Java can only ask about stdin and stdout together. */
public final class Terminal {

    public static final int STDERR = 2;

    private Terminal() {
    }

    /** True when file descriptor {@code fd} is a terminal. */
    public static boolean isTerminal(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return ringload_h.isatty(ringload_h.errnoState(arena), fd) == 1;
        }
    }
}
