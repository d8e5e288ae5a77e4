package dev.ringload.engine.load;

import dev.ringload.engine.http.ResponseParser;

/**
 * One client connection's pipeline state. Requests and responses are numbered since the connection opened:
 * {@code sent} requests were handed to the kernel, {@code received} responses completed, and the send time of
 * request n sits in {@code stamps[n % pipelining]} (at most {@code pipelining} are in flight).
 */
final class LoadConnection {

    static final int CLOSED = 0;
    static final int CONNECTING = 1;
    static final int OPEN = 2;
    /** Waiting to reconnect after a failed connect. */
    static final int BACKOFF = 3;

    final int index;
    final ResponseParser parser = new ResponseParser();
    final long[] stamps;

    int state = CLOSED;
    int generation;
    int fd = -1;
    long sent;
    long received;
    /** Requests allowed to go out but not yet handed to a send. */
    int owed;
    boolean sending;
    int sendingCount;
    long sendAddress;
    long sendRemaining;
    boolean recvArmed;
    long connectStartNs;
    long retryAtNs;
    boolean connectTimedOut;
    /** Whether this connection ever connected (later connects are reconnects). */
    boolean everConnected;

    LoadConnection(int index, int pipelining) {
        this.index = index;
        this.stamps = new long[pipelining];
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
        sendRemaining = 0;
        recvArmed = false;
        connectTimedOut = false;
        parser.reset();
    }
}
