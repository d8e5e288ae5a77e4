package dev.ringload.engine.http;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Skips a chunked message body (RFC 9112 section 7.1) and its trailer section, split anywhere across buffers,
 * for {@link RequestParser} and {@link ResponseParser}. Chunk data is skipped in bulk without being read; chunk
 * extensions and trailer fields are skipped unread. It is malformed when a chunk size has no hex digit or more than
 * 15 (sizes stay below 2^60, so no overflow check), the size is followed by anything but a line ending, whitespace
 * or {@code ;} (which start an extension), a chunk's data is not followed by a line ending, or a CR is not followed
 * by LF where a line must end. Trailer sections over {@value FramingHeaders#MAX_HEAD_BYTES} bytes are refused like
 * over-large heads. Bare LF is accepted wherever CRLF is, as in the heads.
 *
 * <p>Use: {@link #start()} after the head, then {@code offset = parse(segment, offset, end)} until {@link #done()}
 * or {@link #failed()}. No allocation.
 */
final class ChunkedBody {

    private static final int SIZE = 0;
    private static final int EXTENSION = 1;
    private static final int SIZE_LF = 2;
    private static final int DATA = 3;
    private static final int DATA_CR = 4;
    private static final int DATA_LF = 5;
    private static final int TRAILER_START = 6;
    private static final int TRAILER_LINE = 7;
    private static final int TRAILER_END_LF = 8;
    // Final states, all above the others.
    private static final int DONE = 9;
    private static final int MALFORMED = 10;
    private static final int TRAILERS_TOO_LARGE = 11;

    private static final int MAX_SIZE_DIGITS = 15;

    private int state = DONE;
    private long remaining;
    private int sizeDigits;
    private int trailerBytes;

    /** The head ended with chunked framing: the first chunk-size line comes next. */
    void start() {
        startChunk();
        trailerBytes = 0;
    }

    /** The last-chunk, the trailer section and its final line ending were consumed. */
    boolean done() {
        return state == DONE;
    }

    /** The framing is malformed or the trailer section too large; the connection cannot be read further. */
    boolean failed() {
        return state > DONE;
    }

    /** The failure was a trailer section over the limit (431 for a request) rather than malformed framing. */
    boolean trailersTooLarge() {
        return state == TRAILERS_TOO_LARGE;
    }

    /**
     * Consumes body bytes from {@code offset} up to {@code end}; returns where it stopped: at {@code end}, right after
     * the body when {@link #done()}, or after the offending byte when {@link #failed()}.
     */
    long parse(MemorySegment segment, long offset, long end) {
        long i = offset;
        while (i < end) {
            if (state == DATA) {
                long take = Math.min(remaining, end - i);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    state = DATA_CR;
                }
                continue;
            }
            // Trailer bytes are counted, not stored: the bound keeps a peer from holding the parser in one message.
            if (state >= TRAILER_START && ++trailerBytes > FramingHeaders.MAX_HEAD_BYTES) {
                state = TRAILERS_TOO_LARGE;
                return i;
            }
            step(segment.get(JAVA_BYTE, i++) & 0xff);
            if (state >= DONE) {
                return i;
            }
        }
        return i;
    }

    private void step(int b) {
        switch (state) {
            case SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0) {
                    if (++sizeDigits > MAX_SIZE_DIGITS) {
                        state = MALFORMED;
                    } else {
                        remaining = remaining * 16 + digit;
                    }
                } else if (sizeDigits == 0) {
                    state = MALFORMED;
                } else if (b == ';' || b == ' ' || b == '\t') {
                    state = EXTENSION; // extensions (and whitespace before them) are skipped unread
                } else if (b == '\r') {
                    state = SIZE_LF;
                } else if (b == '\n') {
                    sizeLineEnded();
                } else {
                    state = MALFORMED;
                }
            }
            case EXTENSION -> {
                if (b == '\r') {
                    state = SIZE_LF;
                } else if (b == '\n') {
                    sizeLineEnded();
                }
            }
            case SIZE_LF -> {
                if (b == '\n') {
                    sizeLineEnded();
                } else {
                    state = MALFORMED;
                }
            }
            case DATA_CR -> {
                if (b == '\r') {
                    state = DATA_LF;
                } else if (b == '\n') {
                    startChunk();
                } else {
                    state = MALFORMED;
                }
            }
            case DATA_LF -> {
                if (b == '\n') {
                    startChunk();
                } else {
                    state = MALFORMED;
                }
            }
            case TRAILER_START -> {
                if (b == '\r') {
                    state = TRAILER_END_LF;
                } else if (b == '\n') {
                    state = DONE;
                } else {
                    state = TRAILER_LINE;
                }
            }
            case TRAILER_LINE -> {
                if (b == '\n') {
                    state = TRAILER_START;
                }
            }
            case TRAILER_END_LF -> state = b == '\n' ? DONE : MALFORMED;
            default -> throw new IllegalStateException("chunked body state " + state);
        }
    }

    private void sizeLineEnded() {
        state = remaining == 0 ? TRAILER_START : DATA;
    }

    private void startChunk() {
        remaining = 0;
        sizeDigits = 0;
        state = SIZE;
    }
}
