package dev.ringload.engine.transport;

import static dev.ringload.bindings.uring.ringload_h.*;

/** Why a connect failed or a connection ended, in words every transport can say. */
public enum TransportError {
    REFUSED("connection refused"),
    TIMED_OUT("connect timed out"),
    UNREACHABLE("host or network unreachable"),
    /** Out of file descriptors, local ports or memory. */
    NO_RESOURCES("out of local resources (file descriptors or ports)"),
    RESET("connection reset"),
    /** An orderly close (EOF) by the peer. */
    PEER_CLOSED("closed by the peer"),
    OTHER("connection failed");

    private final String description;

    TransportError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The kind of a connect's or socket's errno (0: unknown). */
    public static TransportError ofErrno(int errno) {
        if (errno == ECONNREFUSED()) return REFUSED;
        if (errno == ETIMEDOUT() || errno == ECANCELED()) return TIMED_OUT;
        if (errno == EHOSTUNREACH() || errno == ENETUNREACH()) return UNREACHABLE;
        if (errno == EMFILE() || errno == ENFILE() || errno == EADDRNOTAVAIL() || errno == ENOBUFS()
                || errno == ENOMEM()) return NO_RESOURCES;
        if (errno == ECONNRESET()) return RESET;
        return OTHER;
    }
}
