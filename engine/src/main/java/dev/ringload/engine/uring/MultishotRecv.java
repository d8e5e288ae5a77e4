package dev.ringload.engine.uring;

import static dev.ringload.bindings.uring.ringload_h.*;

/** What a multishot recv completion means for the receive that produced it. */
public final class MultishotRecv {

    private MultishotRecv() {
    }

    /** The kernel will post more completions for this receive. */
    public static boolean hasMore(int cqeFlags) {
        return (cqeFlags & IORING_CQE_F_MORE()) != 0;
    }

    /**
     * The receive ended but the connection did not: it ran out of provided buffers ({@code -ENOBUFS}) or the kernel
     * stopped it after data (e.g. CQ pressure). Re-arm it once buffers are recycled. EOF (0) and other errors end
     * the connection instead.
     */
    public static boolean needsRearm(int res, int cqeFlags) {
        return !hasMore(cqeFlags) && (res > 0 || res == -ENOBUFS());
    }
}
