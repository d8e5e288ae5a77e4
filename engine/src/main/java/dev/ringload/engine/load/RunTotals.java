package dev.ringload.engine.load;

import java.util.List;

/**
 * What the workers counted in the measured phase, summed once they stopped: the {@link Counts}, responses per
 * status code and the first connect error. Immutable.
 */
public final class RunTotals {

    private final Counts counts;
    private final long[] statusCodes;
    private final String firstConnectError;

    private RunTotals(Counts counts, long[] statusCodes, String firstConnectError) {
        this.counts = counts;
        this.statusCodes = statusCodes;
        this.firstConnectError = firstConnectError;
    }

    /**
     * Totals from parts (tests, merges).
     *
     * @param statusCodes responses per status code, indexed by code (copied)
     */
    public static RunTotals of(Counts counts, long[] statusCodes, String firstConnectError) {
        long[] statuses = new long[WorkerCounters.STATUS_CODES];
        System.arraycopy(statusCodes, 0, statuses, 0, Math.min(statusCodes.length, statuses.length));
        return new RunTotals(counts, statuses, firstConnectError);
    }

    /** Sums stopped workers' counters (their threads have been joined, which makes the plain fields safe to read). */
    static RunTotals of(List<WorkerCounters> workers) {
        Counts counts = Counts.zero();
        long[] statuses = new long[WorkerCounters.STATUS_CODES];
        String firstError = null;
        for (WorkerCounters w : workers) {
            counts = counts.plus(new Counts(w.values));
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] += w.statusCodes[i];
            }
            if (firstError == null) {
                firstError = w.firstConnectError;
            }
        }
        return new RunTotals(counts, statuses, firstError);
    }

    public Counts counts() {
        return counts;
    }

    public long get(Counter counter) {
        return counts.get(counter);
    }

    public long responses() {
        return counts.get(Counter.RESPONSES);
    }

    public long errors(ErrorKind kind) {
        return counts.errors(kind);
    }

    public long errors() {
        return counts.errors();
    }

    /** Responses with status {@code code} (100-599); code 0 counts anything outside that range. */
    public long status(int code) {
        return code >= 0 && code < statusCodes.length ? statusCodes[code] : 0;
    }

    /** Responses per status class: index 1-5 for 1xx-5xx, index 0 for codes outside 100-599. */
    public long[] statusClasses() {
        long[] classes = new long[6];
        for (int code = 0; code < statusCodes.length; code++) {
            classes[code / 100] += statusCodes[code];
        }
        return classes;
    }

    /** The highest status code + 1 that can be asked for with {@link #status}. */
    public static int statusCodeLimit() {
        return WorkerCounters.STATUS_CODES;
    }

    /** The first connect error seen, as text, or null. */
    public String firstConnectError() {
        return firstConnectError;
    }
}
