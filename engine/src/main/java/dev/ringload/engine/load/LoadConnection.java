package dev.ringload.engine.load;

import dev.ringload.engine.http.RepeatedResponse;
import dev.ringload.engine.http.ResponseParser;

/**
 * One client connection's pipeline state. Requests and responses are numbered since the connection opened:
 * {@code sent} requests were handed to a send, {@code received} responses completed; their times sit in
 * {@link #slots}.
 */
final class LoadConnection {

    static final int CLOSED = 0;
    static final int CONNECTING = 1;
    static final int OPEN = 2;
    /** Waiting to reconnect after a failed connect. */
    static final int BACKOFF = 3;

    final int index;
    final ResponseParser parser;
    final RequestSlots slots;

    int state = CLOSED;
    long sent;
    long received;
    /** Requests allowed to go out but not yet handed to a send. */
    int owed;
    /** A send is queued or in progress; {@code sendingCount} requests are in it. */
    boolean sending;
    int sendingCount;
    /** The current send waits for its hand-over time stamp. */
    boolean stampPending;
    long connectStartNs;
    long retryAtNs;
    boolean connectTimedOut;
    /** Open loop: queued in the worker's ring of connections that may take due requests. */
    boolean ready;
    /** Whether this connection ever connected (later connects are reconnects). */
    boolean everConnected;

    /** @param repeated the worker's last framed response, shared by its connections' parsers */
    LoadConnection(int index, RequestSlots slots, RepeatedResponse repeated) {
        this.parser = new ResponseParser(repeated);
        this.index = index;
        this.slots = slots;
    }

    int inFlight() {
        return (int) (sent - received);
    }

    void resetPipeline() {
        sent = 0;
        received = 0;
        owed = 0;
        sending = false;
        sendingCount = 0;
        stampPending = false;
        connectTimedOut = false;
        parser.reset();
    }
}
