package dev.ringload.engine.load;

/**
 * One worker's counters. Written only by its worker thread; read by the coordinator after the thread is joined
 * (the join orders the reads after the writes), never while it runs.
 */
public final class WorkerStats {

    public final long[] statusCodes = new long[600];
    public final long[] errors = new long[ErrorKind.values().length];
    public long responses;
    public long requestsSent;
    public long bytesRead;
    public long connectsOk;
    public long reconnects;
    /** Connections that were established at least once. */
    public long connectionsEstablished;
    /** Requests still awaiting a response when the run stopped. */
    public long inFlightAtStop;
    /** The first connect error seen, as text, for "target unreachable" messages. */
    public String firstConnectError;

    void count(ErrorKind kind, long n) {
        errors[kind.ordinal()] += n;
    }

    void status(int code) {
        if (code >= 0 && code < statusCodes.length) {
            statusCodes[code]++;
        } else {
            statusCodes[0]++;
        }
    }

    /** Forget the warmup: counting starts again. */
    void reset() {
        java.util.Arrays.fill(statusCodes, 0);
        java.util.Arrays.fill(errors, 0);
        responses = 0;
        requestsSent = 0;
        reconnects = 0;
    }

    public long errors(ErrorKind kind) {
        return errors[kind.ordinal()];
    }

    /** Adds {@code other} into this (for totals over workers). */
    public void add(WorkerStats other) {
        for (int i = 0; i < statusCodes.length; i++) statusCodes[i] += other.statusCodes[i];
        for (int i = 0; i < errors.length; i++) errors[i] += other.errors[i];
        responses += other.responses;
        requestsSent += other.requestsSent;
        bytesRead += other.bytesRead;
        connectsOk += other.connectsOk;
        reconnects += other.reconnects;
        connectionsEstablished += other.connectionsEstablished;
        inFlightAtStop += other.inFlightAtStop;
        if (firstConnectError == null) firstConnectError = other.firstConnectError;
    }
}
