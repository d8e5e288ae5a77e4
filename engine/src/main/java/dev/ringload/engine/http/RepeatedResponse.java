package dev.ringload.engine.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The last response a worker framed, byte for byte, so that the next identical one is framed by one comparison
 * instead of a parse. A server under load mostly repeats itself (the same status, headers and body; its Date header
 * changes once a second), and parsing is the largest part of the client's own work per response at deep
 * pipelines. Framing is a function of the bytes and of whether a body is expected (HEAD), so bytes equal to a
 * response framed from the same state frame the same way: same length, status and connection handling.
 *
 * <p>Shared by the parsers of one worker's connections (one thread): they talk to the same server. When responses
 * keep differing (a server that varies its bodies, a mix of targets), it stops comparing for a while so that
 * trying costs next to nothing.
 */
public final class RepeatedResponse {

    /** Longer responses are not remembered: the comparison would cost as much as the parse it saves. */
    static final int MAX_BYTES = 1024;
    /** After this many differing responses in a row, rest for {@link #REST} responses. */
    private static final int MISSES_BEFORE_REST = 8;
    private static final int REST = 4096;

    /** Responses are compared eight bytes at a time, in the byte order they are read in. */
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    /** Shorter responses are not remembered (none is: a status line alone is longer). */
    private static final int MIN_BYTES = Long.BYTES;

    /**
     * The remembered response as whole words, and its last eight bytes (overlapping the last whole word unless its
     * length is a multiple of eight): a loop of long compares costs less than half of {@code MemorySegment.mismatch}
     * on responses of a hundred-odd bytes, whose fixed costs (bounds, heap against native, the tail) dominate there.
     */
    private final long[] words = new long[MAX_BYTES / Long.BYTES];
    private int wholeWords;
    private long lastWord;
    private int length;
    private int status;
    private boolean closes;
    private boolean noBody;
    private int misses;
    private int resting;
    private long hits;

    /**
     * Where the response at {@code at} ends if the bytes there are the remembered response's and the same kind of
     * response is expected; -1 otherwise.
     */
    long match(MemorySegment segment, long at, long end, boolean expectNoBody) {
        if (resting > 0) {
            resting--;
            return -1;
        }
        if (length == 0 || expectNoBody != noBody || end - at < length) {
            return -1;
        }
        if (segment.get(WORD, at + length - Long.BYTES) != lastWord || !wordsEqual(segment, at)) {
            if (++misses == MISSES_BEFORE_REST) {
                misses = 0;
                resting = REST;
            }
            return -1;
        }
        misses = 0;
        hits++;
        return at + length;
    }

    private boolean wordsEqual(MemorySegment segment, long at) {
        long[] expected = words;
        int n = wholeWords;
        for (int k = 0; k < n; k++) {
            if (segment.get(WORD, at + (long) k * Long.BYTES) != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /** Remembers the response framed in {@code segment[from, to)}, when worth it. */
    void remember(MemorySegment segment, long from, long to, int status, boolean closes, boolean expectNoBody) {
        long n = to - from;
        if (resting > 0 || n > MAX_BYTES || n < MIN_BYTES) {
            return;
        }
        int whole = (int) (n / Long.BYTES);
        for (int k = 0; k < whole; k++) {
            words[k] = segment.get(WORD, from + (long) k * Long.BYTES);
        }
        this.wholeWords = whole;
        this.lastWord = segment.get(WORD, to - Long.BYTES);
        this.length = (int) n;
        this.status = status;
        this.closes = closes;
        this.noBody = expectNoBody;
    }

    /** Responses framed by comparison (for tests and curiosity). */
    long hits() {
        return hits;
    }

    int status() {
        return status;
    }

    boolean closes() {
        return closes;
    }
}
