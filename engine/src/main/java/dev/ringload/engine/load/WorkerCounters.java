package dev.ringload.engine.load;

import java.util.Arrays;

/**
 * One worker's counters, written only by its thread: the scalar {@link Counter}s and errors in one array that is
 * published whole once per loop iteration, and the per-status counts, which are read only after the thread ended.
 */
final class WorkerCounters {

    static final int STATUS_CODES = 600;

    final long[] values = new long[Counts.SLOTS];
    final long[] statusCodes = new long[STATUS_CODES];
    /** The first connect error, as text, for "target unreachable" messages. */
    String firstConnectError;
    private final PublishedCounts published = new PublishedCounts();

    void add(Counter counter, long n) {
        values[counter.ordinal()] += n;
    }

    void set(Counter counter, long value) {
        values[counter.ordinal()] = value;
    }

    long get(Counter counter) {
        return values[counter.ordinal()];
    }

    void error(ErrorKind kind, long n) {
        values[Counts.slot(kind)] += n;
    }

    void status(int code) {
        statusCodes[code >= 100 && code < STATUS_CODES ? code : 0]++; // 0: outside 100-599, as RunTotals says
    }

    /** The measured phase begins: forget the warmup's requests, statuses and errors (bytes and connects run on). */
    void restartAfterWarmup() {
        for (Counter c : Counter.values()) {
            if (c.restartsAfterWarmup()) {
                values[c.ordinal()] = 0;
            }
        }
        Arrays.fill(values, Counts.COUNTERS, Counts.SLOTS, 0);
        Arrays.fill(statusCodes, 0);
    }

    void publish() {
        published.publish(values);
    }

    /** The last published snapshot; any thread. */
    Counts snapshot() {
        return published.read();
    }
}
