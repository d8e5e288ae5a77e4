package dev.ringload.engine.server;

import java.util.Locale;

/**
 * What {@code serve --fault} can do to a request's response, for testing what a client does under faults. The
 * kinds marked terminal end the connection: nothing after the faulted request is answered.
 */
public enum FaultKind {
    /** Half of the response, then SO_LINGER 0 and close: the client sees a reset mid-response. */
    RESET("reset", Value.NONE, true),
    /** The responses before it go out, then an orderly close (FIN) without a word about the rest of the batch. */
    CLOSE_MID_PIPELINE("close-mid-pipeline", Value.NONE, true),
    /** The response goes out VALUE bytes per millisecond. */
    TRICKLE("trickle", Value.BYTES_PER_MS, false),
    /** The response is held for VALUE before it goes out; the connection keeps reading meanwhile. */
    STALL("stall", Value.DURATION, false),
    /** A well-formed response whose head is VALUE bytes long (filler headers). */
    HUGE_HEADERS("huge-headers", Value.BYTES, false),
    /** A status line that is not HTTP ({@code HTTP/1.1 2x0 OK}), then a close. */
    BAD_STATUS("bad-status", Value.NONE, true),
    /** A chunked body whose second chunk size is not hex, then a close. */
    BAD_CHUNK("bad-chunk", Value.NONE, true),
    /** VALUE random bytes (never starting with 'H') instead of a response, then a close. */
    GARBAGE("garbage", Value.BYTES, true),
    /** The request is read and never answered, nor anything after it on the connection; the connection stays open. */
    NO_RESPONSE("no-response", Value.NONE, true);

    /** What the {@code :VALUE} of a fault spec means for a kind. */
    public enum Value { NONE, BYTES_PER_MS, DURATION, BYTES }

    private final String label;
    private final Value value;
    private final boolean terminal;

    FaultKind(String label, Value value, boolean terminal) {
        this.label = label;
        this.value = value;
        this.terminal = terminal;
    }

    /** The name used on the command line and in the counts printed at exit. */
    public String label() {
        return label;
    }

    public Value value() {
        return value;
    }

    /** Whether the connection ends with this fault. */
    public boolean terminal() {
        return terminal;
    }

    /** The kind called {@code label}, or null. */
    static FaultKind ofLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (FaultKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        return null;
    }
}
