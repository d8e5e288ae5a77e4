package dev.ringload.engine.load;

/**
 * The scalar counters every worker keeps and publishes. Each is one slot of a {@code long[]}, so a new metric is
 * one more constant here: publishing, summing and copying need no new code. Errors have a slot per
 * {@link ErrorKind} after these (see {@link Counts}).
 */
public enum Counter {
    /** Responses completed. */
    RESPONSES,
    /** Requests handed to the kernel. */
    REQUESTS_SENT,
    BYTES_READ,
    /** Connects that succeeded. */
    CONNECTS_OK,
    /** Connects that failed (refused, timed out, other). */
    CONNECT_FAILURES,
    /** Connects after a connection's first (replacements). */
    RECONNECTS,
    /** Connections open right now. */
    OPEN_CONNECTIONS,
    /** Connections that were established at least once (set when the worker stops). */
    CONNECTIONS_ESTABLISHED,
    /** Requests still awaiting a response when the worker stopped. */
    IN_FLIGHT_AT_STOP,
    /** Time the worker spent blocked waiting for the kernel. */
    BLOCKED_NS,
    /** Responses completed before the measured phase began. */
    WARMUP_RESPONSES,
    /** 1 once the worker has switched to the measured phase. */
    MEASURING,
    /** Open loop: time a due request waited because every pipeline slot of every connection was taken. */
    SLOT_WAIT_NS,
    /** The longest turn of the measured phase so far: see {@link ClientStalls} (a maximum, not a sum). */
    LONGEST_TURN_NS,
    /**
     * Latencies that came out below zero (recorded as 1 ns): impossible unless ringload read the wrong request's
     * time stamp or the clock went backwards, so counted and reported rather than hidden.
     */
    LATENCY_BELOW_ZERO;

    /** Counters that restart when the measured phase begins; the others run across the warmup. */
    boolean restartsAfterWarmup() {
        return this == RESPONSES || this == REQUESTS_SENT || this == RECONNECTS || this == SLOT_WAIT_NS
                || this == LONGEST_TURN_NS || this == LATENCY_BELOW_ZERO;
    }
}
