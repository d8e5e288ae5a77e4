package dev.ringload.engine.transport;

import java.lang.foreign.MemorySegment;

/**
 * Moves a worker's bytes: what wrk's {@code struct sock} is to its connections. One instance per worker thread,
 * used only from that thread; connections are numbered {@code 0..connections-1} and a number is reused for the
 * connection that replaces a lost one. Everything it has to say comes back through {@link TransportEvents}, from
 * inside {@link #poll}, so a worker never sees an event in the middle of its own call into the transport.
 *
 * <p>Plain TCP has two implementations (io_uring and NIO). A TLS transport wraps one of them: it is a
 * {@code Transport} to the worker and a {@link TransportEvents} to the transport below, encrypting in
 * {@link #send} and decrypting in {@code onData}, which is why {@link #close} and {@link #abort} are separate.
 */
public interface Transport extends AutoCloseable {

    /**
     * Creates the kernel resources (ring, selector, buffers) on the worker thread; events go to {@code events},
     * stamped with {@code clock} (the runner's).
     */
    void open(TransportEvents events, NanoClock clock);

    /** Opens a socket for {@code connection} and starts connecting; reported by onConnected or onConnectFailed. */
    void connect(int connection);

    /**
     * Queues {@code length} bytes of {@code bytes} from {@code offset} for {@code connection}; they are handed to
     * the kernel in the next {@link #poll}, which is the moment a worker stamps as their send time. The bytes must
     * stay unchanged until {@link TransportEvents#onSent} for them. At most one send per connection is queued or in
     * progress at a time.
     */
    void send(int connection, MemorySegment bytes, long offset, int length);

    /** Ends {@code connection} in an orderly way (TLS: close_notify first); nothing more is reported for it. */
    void close(int connection);

    /** Drops {@code connection} at once (a timed-out connect, a broken pipeline); nothing more is reported. */
    void abort(int connection);

    /**
     * Hands every queued operation to the kernel and delivers what is ready; when nothing is, waits up to
     * {@code maxWaitNs} for something. Calls {@link TransportEvents#onWake} exactly once, before any other event.
     *
     * @return the number of kernel events handled
     */
    int poll(long maxWaitNs);

    /** Closes every socket and releases the kernel resources. */
    @Override
    void close();
}
