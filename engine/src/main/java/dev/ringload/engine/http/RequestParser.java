package dev.ringload.engine.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Incremental HTTP/1.1 request framer for the built-in server: it finds where each request ends (header block,
 * then a {@code Content-Length} or chunked body, which it skips) across receives split at any byte, and notes what
 * the server must honour: {@code Connection: close}, HTTP/1.0 without keep-alive, malformed input (400) and header
 * blocks or trailer sections over {@value #MAX_HEAD_BYTES} bytes (431). One instance per connection; no allocation
 * after construction.
 *
 * <p>Framing follows RFC 9112 section 6.3 through {@link FramingHeaders} (shared with {@link ResponseParser}): a
 * request with both {@code Content-Length} and {@code Transfer-Encoding} gets a 400 (the request-smuggling shape),
 * as does one whose {@code Transfer-Encoding} does not end in {@code chunked} (its length cannot be known), an
 * invalid {@code Content-Length}, or differing repeated ones. A request with neither header has no body.
 *
 * <p>After each {@link #parse} call: {@link #completed()} requests ended in the bytes given; if
 * {@link #closeAfterLast()} the last of them asked for the connection to close, and if {@link #error()} is non-zero
 * the input was rejected. In both cases the parser stops and ignores later input.
 */
public final class RequestParser {

    /** Header blocks (and, separately, trailer sections) larger than this get a 431. */
    public static final int MAX_HEAD_BYTES = FramingHeaders.MAX_HEAD_BYTES;

    private static final int REQUEST_START = 0;
    private static final int METHOD = 1;
    private static final int TARGET = 2;
    private static final int VERSION = 3;
    private static final int REQUEST_LINE_LF = 4;
    private static final int HEADER_START = 5;
    private static final int HEADER_NAME = 6;
    private static final int HEADER_VALUE = 7;
    private static final int HEADER_LF = 8;
    private static final int HEADERS_END_LF = 9;
    private static final int BODY = 10;
    private static final int CHUNKED_BODY = 11;
    private static final int STOPPED = -1;

    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final ValueLayout.OfLong JAVA_LONG_UNALIGNED_BE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong JAVA_LONG_UNALIGNED_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** "HTTP/1.1" as a big-endian long. */
    private static final long HTTP_1_1 = 0x485454502f312e31L;
    private static final ValueLayout.OfInt JAVA_INT_UNALIGNED_BE =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** "HEAD" as a big-endian int. */
    private static final int HEAD = 0x48454144;
    private static final byte[] HEAD_BYTES = {'H', 'E', 'A', 'D'};

    /** Token characters of RFC 9110 (method and header names). */
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (int c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TOKEN[c] = true;
    }

    private final FramingHeaders headers = new FramingHeaders();
    private final ChunkedBody chunkedBody = new ChunkedBody();

    private int state = REQUEST_START;
    private int headerBytes;
    private int versionIndex;
    private boolean http10;
    private long remaining;

    /** Bytes of the state machine's method so far, and whether they are still "HEAD" or a prefix of it. */
    private int methodLength;
    private boolean headSoFar;
    /** Requests completed since {@link #reset}: the next one's number. */
    private long framed;
    private final HeadRequests heads = new HeadRequests();

    private int completed;
    private boolean closeAfterLast;
    private int error;

    /** Requests completed by the last {@link #parse} call. */
    public int completed() {
        return completed;
    }

    /** The last completed request asked to close the connection after its response. */
    public boolean closeAfterLast() {
        return closeAfterLast;
    }

    /** 0, or the status to answer with before closing: 400 (malformed) or 431 (header block or trailers too large). */
    public int error() {
        return error;
    }

    /**
     * The number of the first HEAD request (its response has no body) numbered {@code from} or later, counting
     * the requests framed since {@link #reset} from 0, or {@link Long#MAX_VALUE} when none is framed yet. HEADs
     * before {@code from} are forgotten: the server asks with the number of the next response it sends.
     */
    public long nextHeadFrom(long from) {
        return heads.nextFrom(from);
    }

    /** True once a closing request or an error was seen: all later input is ignored. */
    public boolean stopped() {
        return state == STOPPED;
    }

    /** Frames the {@code length} bytes at {@code offset}; results in {@link #completed()} and friends. */
    public void parse(MemorySegment segment, long offset, int length) {
        completed = 0;
        closeAfterLast = false;
        long end = offset + length;
        long i = offset;
        while (i < end && state != STOPPED) {
            if (state == REQUEST_START) {
                long next = fastRequest(segment, i, end);
                if (next >= 0) {
                    // A whole request lies in [i, next), much longer than "HEAD ".
                    if (segment.get(JAVA_INT_UNALIGNED_BE, i) == HEAD && segment.get(JAVA_BYTE, i + 4) == ' ') {
                        heads.add(framed);
                    }
                    framed++;
                    completed++; // HTTP/1.1 without a Connection field: the connection stays open
                    closeAfterLast = false;
                    i = next;
                    continue;
                }
            }
            if (state == BODY) {
                long take = Math.min(remaining, end - i);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    requestComplete();
                }
                continue;
            }
            if (state == CHUNKED_BODY) {
                i = chunkedBody.parse(segment, i, end);
                if (chunkedBody.done()) {
                    requestComplete();
                } else if (chunkedBody.failed()) {
                    fail(chunkedBody.trailersTooLarge() ? 431 : 400);
                }
                continue;
            }
            if (++headerBytes > MAX_HEAD_BYTES) {
                fail(431);
                break;
            }
            step(segment.get(JAVA_BYTE, i) & 0xff);
            i++;
        }
    }

    /**
     * The common case in one tight pass with everything in locals: a whole HTTP/1.1 request without a body and
     * without the headers that change framing or persistence, entirely inside [i, end). Returns the offset after
     * it, or -1 to let the state machine handle the request (a split request, HTTP/1.0, Content-Length,
     * Transfer-Encoding, Connection, or anything malformed, which the state machine then rejects precisely).
     * Header names starting with c or t are handed over whole: no allocation-free guess about them is needed.
     */
    private static long fastRequest(MemorySegment segment, long start, long end) {
        long limit = Math.min(end, start + MAX_HEAD_BYTES);
        long i = start;
        // method SP
        int b;
        do {
            if (i >= limit) return -1;
            b = segment.get(JAVA_BYTE, i++) & 0xff;
        } while (TOKEN[b]);
        if (b != ' ' || i == start + 1) return -1;
        // request-target SP
        long targetStart = i;
        i = firstControl(segment, i, limit, 0x21); // the space ends it, as any control byte or DEL would
        if (i >= limit || i == targetStart || segment.get(JAVA_BYTE, i) != ' ') return -1;
        i++;
        // "HTTP/1.1" CR LF
        if (i + 10 > limit || segment.get(JAVA_LONG_UNALIGNED_BE, i) != HTTP_1_1
                || segment.get(JAVA_BYTE, i + 8) != '\r' || segment.get(JAVA_BYTE, i + 9) != '\n') {
            return -1;
        }
        i += 10;
        while (true) {
            if (i >= limit) return -1;
            b = segment.get(JAVA_BYTE, i++) & 0xff;
            if (b == '\r') {
                return i < limit && segment.get(JAVA_BYTE, i) == '\n' ? i + 1 : -1;
            }
            int first = b | 0x20;
            if (!TOKEN[b] || first == 'c' || first == 't') return -1;
            do {
                if (i >= limit) return -1;
                b = segment.get(JAVA_BYTE, i++) & 0xff;
            } while (TOKEN[b]);
            if (b != ':') return -1;
            while (true) { // the field value: visible bytes, spaces and tabs
                i = firstControl(segment, i, limit, 0x20);
                if (i >= limit) return -1;
                b = segment.get(JAVA_BYTE, i) & 0xff;
                if (b != '\t') break;
                i++;
            }
            if (b != '\r' || i + 1 >= limit || segment.get(JAVA_BYTE, i + 1) != '\n') return -1;
            i += 2;
        }
    }

    /**
     * The first byte in [i, limit) below {@code below} (at most 0x80) or DEL, or {@code limit}: eight bytes at a
     * time (the "has a byte less than n" and "has a zero byte" word tricks of Bit Twiddling Hacks), since a
     * request's target and field values are most of its bytes. In a little-endian word the lowest flagged byte is
     * exact; borrows can only flag bytes above it.
     */
    static long firstControl(MemorySegment segment, long i, long limit, int below) {
        long under = ONES * below;
        while (i + Long.BYTES <= limit) {
            long w = segment.get(JAVA_LONG_UNALIGNED_LE, i);
            long del = w ^ (ONES * 0x7f);
            long flagged = ((w - under) & ~w | (del - ONES) & ~del) & HIGHS;
            if (flagged != 0) {
                return i + (Long.numberOfTrailingZeros(flagged) >>> 3);
            }
            i += Long.BYTES;
        }
        for (; i < limit; i++) {
            int b = segment.get(JAVA_BYTE, i) & 0xff;
            if (b < below || b == 0x7f) {
                return i;
            }
        }
        return limit;
    }

    private void step(int b) {
        switch (state) {
            case REQUEST_START -> {
                if (b == '\r' || b == '\n') {
                    headerBytes--; // blank lines before a request are tolerated and not counted
                } else if (TOKEN[b]) {
                    clearHead();
                    methodLength = 1;
                    headSoFar = b == 'H';
                    state = METHOD;
                } else {
                    fail(400);
                }
            }
            case METHOD -> {
                if (b == ' ') {
                    headSoFar &= methodLength == HEAD_BYTES.length;
                    state = TARGET;
                } else if (!TOKEN[b]) {
                    fail(400);
                } else {
                    headSoFar &= methodLength < HEAD_BYTES.length && b == HEAD_BYTES[methodLength];
                    methodLength++;
                }
            }
            case TARGET -> {
                if (b == ' ') {
                    state = VERSION;
                    versionIndex = 0;
                } else if (b <= 0x20 || b == 0x7f) {
                    fail(400);
                }
            }
            case VERSION -> {
                if (versionIndex < HTTP_1.length) {
                    if (b != HTTP_1[versionIndex++]) {
                        fail(400);
                    }
                } else if (versionIndex == HTTP_1.length && (b == '0' || b == '1')) {
                    http10 = b == '0';
                    versionIndex++;
                } else if (versionIndex > HTTP_1.length && b == '\r') {
                    state = REQUEST_LINE_LF;
                } else if (versionIndex > HTTP_1.length && b == '\n') {
                    state = HEADER_START;
                } else {
                    fail(400);
                }
            }
            case REQUEST_LINE_LF -> expectLf(b, HEADER_START);
            case HEADER_START -> {
                if (b == '\r') {
                    state = HEADERS_END_LF;
                } else if (b == '\n') {
                    headersComplete();
                } else if (TOKEN[b]) {
                    headers.nameByte(b);
                    state = HEADER_NAME;
                } else {
                    fail(400); // includes obsolete line folding (a line starting with SP or HT)
                }
            }
            case HEADER_NAME -> {
                if (b == ':') {
                    headers.endName();
                    state = HEADER_VALUE;
                } else if (TOKEN[b]) {
                    headers.nameByte(b);
                } else {
                    fail(400);
                }
            }
            case HEADER_VALUE -> {
                if (b == '\r') {
                    state = HEADER_LF;
                } else if (b == '\n') {
                    headerComplete();
                } else if (b < 0x20 && b != '\t' || b == 0x7f) {
                    fail(400);
                } else {
                    headers.valueByte(b);
                }
            }
            case HEADER_LF -> {
                if (b == '\n') {
                    headerComplete();
                } else {
                    fail(400);
                }
            }
            case HEADERS_END_LF -> {
                if (b == '\n') {
                    headersComplete();
                } else {
                    fail(400);
                }
            }
            default -> throw new IllegalStateException("parser state " + state);
        }
    }

    private void expectLf(int b, int next) {
        if (b == '\n') {
            state = next;
        } else {
            fail(400);
        }
    }

    private void headerComplete() {
        if (headers.endValue()) {
            state = HEADER_START;
        } else {
            fail(400); // invalid or conflicting Content-Length: no later line can repair it
        }
    }

    private void headersComplete() {
        switch (headers.framing()) {
            case FramingHeaders.NO_FRAMING -> requestComplete();
            case FramingHeaders.LENGTH -> {
                remaining = headers.contentLength();
                if (remaining == 0) {
                    requestComplete();
                } else {
                    state = BODY;
                }
            }
            case FramingHeaders.CHUNKED -> {
                chunkedBody.start();
                state = CHUNKED_BODY;
            }
            // Both Content-Length and Transfer-Encoding (the smuggling shape), or a final coding other than chunked
            // (RFC 9112 section 6.3: the length cannot be determined reliably).
            default -> fail(400);
        }
    }

    private void requestComplete() {
        if (headSoFar) {
            heads.add(framed);
        }
        framed++;
        completed++;
        closeAfterLast = headers.close() || (http10 && !headers.keepAlive());
        headerBytes = 0;
        state = closeAfterLast ? STOPPED : REQUEST_START;
    }

    /** Only the state machine reads heads into these fields, so it clears them as it starts one. */
    private void clearHead() {
        http10 = false;
        headSoFar = false;
        headers.clear();
    }

    private void fail(int status) {
        error = status;
        state = STOPPED;
    }

    /** Forgets everything: for a fresh connection on this slot. */
    public void reset() {
        state = REQUEST_START;
        headerBytes = 0;
        clearHead();
        completed = 0;
        closeAfterLast = false;
        error = 0;
        framed = 0;
        heads.clear();
    }
}
