package dev.ringload.engine.transport;

import java.util.function.IntPredicate;

/**
 * Events a transport learnt outside its kernel wait (a connect that finished or failed at once, a write that
 * completed or failed), queued to be delivered right after the next onWake, so that a worker sees every event
 * in one place. Both transports use it.
 */
public final class LaterEvents {

    public static final byte CONNECTED = 0;
    public static final byte CONNECT_FAILED = 1;
    public static final byte SENT = 2;
    public static final byte RESET = 3;

    private final int[] connection;
    private final byte[] kind;
    /** The errno of a failed connect (0: unknown). */
    private final int[] errno;
    private int size;
    /** Queued events other than SENT (see {@link #urgent()}). */
    private int urgent;

    /** @param capacity the most events queued at once (a few per connection) */
    public LaterEvents(int capacity) {
        connection = new int[capacity];
        kind = new byte[capacity];
        errno = new int[capacity];
    }

    public void add(int c, byte what, int errnoOrZero) {
        connection[size] = c;
        kind[size] = what;
        errno[size++] = errnoOrZero;
        if (what != SENT) {
            urgent++;
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Whether an event is queued that nothing in the kernel would wake the worker for (a connect's outcome). A
     * completed send needs no hurry: the requests it carried will be answered, and that wakes the poll.
     */
    public boolean urgent() {
        return urgent > 0;
    }

    /**
     * Delivers what was queued before this call and returns how many events that was.
     *
     * @param stillConnected whether a queued at-once connect still stands (the connection was not dropped since)
     */
    public int deliver(TransportEvents events, IntPredicate stillConnected) {
        // Delivering may queue more (a failed connect retried at once): those stay for the next poll.
        int n = size;
        for (int i = 0; i < n; i++) {
            int c = connection[i];
            switch (kind[i]) {
                case CONNECTED -> {
                    if (stillConnected.test(c)) {
                        events.onConnected(c);
                    }
                }
                case CONNECT_FAILED -> events.onConnectFailed(c, TransportError.ofErrno(errno[i]), errno[i]);
                case SENT -> events.onSent(c);
                default -> events.onClosed(c, TransportError.RESET);
            }
        }
        int left = size - n;
        System.arraycopy(connection, n, connection, 0, left);
        System.arraycopy(kind, n, kind, 0, left);
        System.arraycopy(errno, n, errno, 0, left);
        size = left;
        urgent = 0;
        for (int i = 0; i < left; i++) {
            if (kind[i] != SENT) {
                urgent++;
            }
        }
        return n;
    }
}
