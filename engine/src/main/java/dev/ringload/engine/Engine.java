package dev.ringload.engine;

import dev.ringload.engine.transport.NioTransport;
import dev.ringload.engine.transport.TransportFactory;
import dev.ringload.engine.uring.UringTransport;

/** The two I/O engines, for the load generator and the built-in server alike. */
public enum Engine {
    IO_URING("io_uring"),
    NIO("nio");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    /** "io_uring" or "nio", as reports and JSON print it. */
    public String label() {
        return label;
    }

    /** The load generator's transport on this engine. */
    public TransportFactory transports() {
        return this == NIO ? NioTransport::new : UringTransport::new;
    }

    @Override
    public String toString() {
        return label;
    }
}
