package dev.ringload.engine.os;

import static dev.ringload.bindings.uring.ringload_h.*;

/** Names and short descriptions of the errno values ringload meets, for one-line error messages. */
public final class Errno {

    private Errno() {
    }

    /** The symbolic name, e.g. {@code ECONNREFUSED}, or {@code errno N} for one not listed. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        if (e == EPERM()) return "EPERM";
        if (e == ENOENT()) return "ENOENT";
        if (e == EINTR()) return "EINTR";
        if (e == EAGAIN()) return "EAGAIN";
        if (e == ENOMEM()) return "ENOMEM";
        if (e == EFAULT()) return "EFAULT";
        if (e == EBUSY()) return "EBUSY";
        if (e == EEXIST()) return "EEXIST";
        if (e == EINVAL()) return "EINVAL";
        if (e == EMFILE()) return "EMFILE";
        if (e == ENFILE()) return "ENFILE";
        if (e == ENOSYS()) return "ENOSYS";
        if (e == ETIME()) return "ETIME";
        if (e == ENOBUFS()) return "ENOBUFS";
        if (e == EPIPE()) return "EPIPE";
        if (e == EOPNOTSUPP()) return "EOPNOTSUPP";
        if (e == EADDRINUSE()) return "EADDRINUSE";
        if (e == EADDRNOTAVAIL()) return "EADDRNOTAVAIL";
        if (e == ENETUNREACH()) return "ENETUNREACH";
        if (e == ECONNABORTED()) return "ECONNABORTED";
        if (e == ECONNRESET()) return "ECONNRESET";
        if (e == ETIMEDOUT()) return "ETIMEDOUT";
        if (e == ECONNREFUSED()) return "ECONNREFUSED";
        if (e == EHOSTUNREACH()) return "EHOSTUNREACH";
        if (e == EALREADY()) return "EALREADY";
        if (e == EINPROGRESS()) return "EINPROGRESS";
        if (e == ECANCELED()) return "ECANCELED";
        return "errno " + e;
    }

    /** Name plus meaning, e.g. {@code ECONNREFUSED (connection refused)}. */
    public static String describe(int errno) {
        int e = Math.abs(errno);
        String meaning;
        if (e == EPERM()) meaning = "operation not permitted";
        else if (e == ENOSYS()) meaning = "function not implemented";
        else if (e == EINVAL()) meaning = "invalid argument";
        else if (e == ENOMEM()) meaning = "out of memory";
        else if (e == EMFILE()) meaning = "too many open files in this process";
        else if (e == ENFILE()) meaning = "too many open files in the system";
        else if (e == ECONNREFUSED()) meaning = "connection refused";
        else if (e == ECONNRESET()) meaning = "connection reset by peer";
        else if (e == ETIMEDOUT()) meaning = "connection timed out";
        else if (e == EADDRINUSE()) meaning = "address already in use";
        else if (e == EADDRNOTAVAIL()) meaning = "address not available (out of local ports?)";
        else if (e == ENETUNREACH()) meaning = "network unreachable";
        else if (e == EHOSTUNREACH()) meaning = "host unreachable";
        else if (e == EPIPE()) meaning = "broken pipe";
        else if (e == ENOBUFS()) meaning = "no buffer space available";
        else if (e == EBUSY()) meaning = "device or resource busy";
        else if (e == EACCES) meaning = "permission denied";
        else return name(e);
        return name(e) + " (" + meaning + ")";
    }

    private static final int EACCES = 13;
}
