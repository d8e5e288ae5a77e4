package dev.ringload.engine.os;

import dev.ringload.bindings.uring.rlimit;
import dev.ringload.bindings.uring.ringload_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.ringload.bindings.uring.ringload_h.RLIMIT_NOFILE;

/** The open-files limit a run needs: raised to the hard limit when that suffices. */
public final class ResourceLimits {

    private ResourceLimits() {
    }

    /**
     * @param soft   the soft limit after the call
     * @param hard   the hard limit
     * @param raised whether the soft limit was raised
     */
    public record OpenFiles(long soft, long hard, boolean raised) {
        public boolean allows(long needed) {
            return soft >= needed;
        }
    }

    /** Makes sure at least {@code needed} descriptors may be open, raising the soft limit if the hard one allows. */
    public static OpenFiles ensureOpenFiles(long needed) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            MemorySegment limit = rlimit.allocate(arena);
            if (ringload_h.getrlimit(errnoState, RLIMIT_NOFILE(), limit) != 0) {
                throw new ErrnoException("getrlimit(RLIMIT_NOFILE)", ringload_h.errno(errnoState));
            }
            long soft = rlimit.rlim_cur(limit);
            long hard = rlimit.rlim_max(limit);
            // RLIM_INFINITY is all ones: treat it as unlimited.
            if (soft == -1 || soft >= needed) {
                return new OpenFiles(soft == -1 ? Long.MAX_VALUE : soft, hard == -1 ? Long.MAX_VALUE : hard, false);
            }
            if (hard != -1 && hard < needed) {
                return new OpenFiles(soft, hard, false);
            }
            long target = hard == -1 ? needed : hard;
            rlimit.rlim_cur(limit, target);
            if (ringload_h.setrlimit(errnoState, RLIMIT_NOFILE(), limit) != 0) {
                throw new ErrnoException("setrlimit(RLIMIT_NOFILE)", ringload_h.errno(errnoState));
            }
            return new OpenFiles(target, hard == -1 ? Long.MAX_VALUE : hard, true);
        }
    }
}
