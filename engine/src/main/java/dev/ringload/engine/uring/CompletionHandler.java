package dev.ringload.engine.uring;

/**
 * Receives completions drained from the CQ. Primitive arguments only: the CQE memory is handed back to the kernel
 * once the drain returns, so nothing may keep a reference to it.
 */
@FunctionalInterface
public interface CompletionHandler {

    /**
     * @param res      the operation's result: bytes, an fd, or {@code -errno}
     * @param flags    {@code IORING_CQE_F_*} bits; the upper 16 bits carry a provided buffer's id
     * @param userData the value the SQE was submitted with
     */
    void onCompletion(int res, int flags, long userData);
}
