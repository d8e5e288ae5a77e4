// Hand-written: io_uring constants newer than the system header the bindings are checked against
// (linux-libc-dev 6.1 on Debian 12). Each cites the kernel release that introduced it; the engine only uses one
// after the kernel accepted it (setup flags are retried without it on EINVAL). LayoutCheckTest compares each value
// with gcc wherever the installed header does define it.
package dev.ringload.bindings.uring;

/** io_uring ABI constants that <linux/io_uring.h> from linux-libc-dev 6.1 does not define yet. */
public final class ringload_h_Addendum {

    private ringload_h_Addendum() {
    }

    /** Linux 6.6: no SQ index array; SQEs are consumed in ring order. {@code #define IORING_SETUP_NO_SQARRAY (1U << 16)} */
    public static int IORING_SETUP_NO_SQARRAY() {
        return 1 << 16;
    }

    /** Linux 6.10: send/recv a bundle of provided buffers. {@code #define IORING_RECVSEND_BUNDLE (1U << 4)} */
    public static int IORING_RECVSEND_BUNDLE() {
        return 1 << 4;
    }

    /** Linux 6.10: the kernel supports {@code IORING_RECVSEND_BUNDLE}. {@code #define IORING_FEAT_RECVSEND_BUNDLE (1U << 14)} */
    public static int IORING_FEAT_RECVSEND_BUNDLE() {
        return 1 << 14;
    }

    /** Linux 6.3: io_uring_register accepts a registered ring index. {@code #define IORING_FEAT_REG_REG_RING (1U << 13)} */
    public static int IORING_FEAT_REG_REG_RING() {
        return 1 << 13;
    }
}
