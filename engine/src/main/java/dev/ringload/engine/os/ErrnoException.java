package dev.ringload.engine.os;

/** A native call failed; carries the errno so callers can tell EPERM from ENOSYS without parsing text. */
public final class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
