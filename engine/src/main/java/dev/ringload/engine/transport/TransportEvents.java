package dev.ringload.engine.transport;

import java.lang.foreign.MemorySegment;

/** What a {@link Transport} reports, on the worker thread, from inside {@link Transport#poll}. */
public interface TransportEvents {

    /**
     * The kernel returned: the events that follow were seen at {@code nowNs}. {@code blockedNs} is how long this
     * poll waited with nothing ready (the idle time of the client-bound verdict).
     */
    void onWake(long nowNs, long blockedNs);

    void onConnected(int connection);

    /**
     * The connect failed; the transport has already closed its socket.
     *
     * @param errno the kernel's errno where the transport knows it, else 0
     */
    void onConnectFailed(int connection, TransportError error, int errno);

    /**
     * {@code length} bytes arrived at {@code offset} of {@code segment}, valid only during the call. Returns false
     * when the worker closed or aborted the connection meanwhile (the transport then delivers nothing more for it).
     */
    boolean onData(int connection, MemorySegment segment, long offset, int length);

    /** The whole slice of the last {@link Transport#send} is in the kernel. */
    void onSent(int connection);

    /** The connection ended: the peer closed it ({@link TransportError#PEER_CLOSED}) or it broke. */
    void onClosed(int connection, TransportError error);
}
