package dev.ringload.engine.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Incremental HTTP/1.1 response parser for the load engines. It frames responses split anywhere across receive
 * buffers: status line, case-insensitive headers, {@code Content-Length}, {@code Transfer-Encoding: chunked} (with
 * trailers), {@code Connection: close}, bodiless responses (HEAD, 1xx, 204, 304) and interim 1xx responses, and
 * skips bodies without copying them. One instance per connection; no allocation after construction.
 *
 * <p>Framing follows RFC 9112 section 6.3 through {@link FramingHeaders} (shared with {@link RequestParser}): a
 * response with both {@code Content-Length} and {@code Transfer-Encoding} {@link #failed() fails} whatever its status
 * (the response-splitting shape), as does an invalid {@code Content-Length} or differing repeated ones. A response
 * whose {@code Transfer-Encoding} does not end in {@code chunked}, or that has neither header, runs until the server
 * closes ({@link #finishAtClose()}). Heads and trailer sections over {@value #MAX_HEAD_BYTES} bytes fail.
 *
 * <p>Use: {@code while (offset < end) { offset = parser.parse(seg, offset, end); if (parser.complete()) ... }}.
 * Each call stops right after a complete final response, or at the end of the input, or at an error.
 */
public final class ResponseParser {

    /** Heads (and, separately, trailer sections) larger than this are treated as garbage. */
    public static final int MAX_HEAD_BYTES = FramingHeaders.MAX_HEAD_BYTES;

    private static final int STATUS_LINE = 0;
    private static final int REASON = 1;
    private static final int STATUS_LF = 2;
    private static final int HEADER_START = 3;
    private static final int HEADER_NAME = 4;
    private static final int HEADER_VALUE = 5;
    private static final int HEADER_LF = 6;
    private static final int HEAD_END_LF = 7;
    private static final int BODY = 8;
    private static final int CHUNKED_BODY = 9;
    private static final int UNTIL_CLOSE = 10;
    private static final int FAILED = 11;

    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** "content" / "-length" / "connecti", lower case, as little-endian longs, for 8-byte name compares. */
    private static final long CONTENT_ = 0x746e65746e6f63L | ((long) '-' << 56);
    private static final long LENGTH_TAIL = 0x6874676e656cL;
    private static final long CONNECTI = 0x697463656e6e6f63L;
    /** "transfer" as a little-endian long. */
    private static final long TRANSFER = 0x726566736e617274L;
    /** "keep-ali" as a little-endian long. */
    private static final long KEEP_ALI = 0x696c612d7065656bL;
    /** "clos" as a little-endian int. */
    private static final int CLOS = 0x736f6c63;
    /** "HTTP/1.1" and "HTTP/1.0" as big-endian longs. */
    private static final long HTTP_1_1 = 0x485454502f312e31L;
    private static final long HTTP_1_0 = 0x485454502f312e30L;

    private final FramingHeaders headers = new FramingHeaders();
    /** The worker's last framed response, or null: see {@link RepeatedResponse}. */
    private final RepeatedResponse repeated;
    /**
     * Made at the connection's first chunked response: a parser is kept per connection, most servers under load
     * answer with a Content-Length, and at 100k connections every object a connection holds counts.
     */
    private ChunkedBody chunkedBody;
    private boolean expectNoBody;

    private int state = STATUS_LINE;
    private int headBytes;
    private int statusIndex;
    private int status;
    private boolean http10;
    private long remaining;

    private boolean complete;
    private int completedStatus;
    private boolean completedCloses;

    /** A parser that shares {@code repeated} with the other connections of its worker (null: none). */
    public ResponseParser(RepeatedResponse repeated) {
        this.repeated = repeated;
    }

    /** A parser with a {@link RepeatedResponse} of its own. */
    public ResponseParser() {
        this(new RepeatedResponse());
    }

    /** The next responses answer HEAD requests: they have no body whatever their headers say. */
    public void expectNoBody(boolean noBody) {
        this.expectNoBody = noBody;
    }

    /** A final response ended at the offset the last {@link #parse} returned. */
    public boolean complete() {
        return complete;
    }

    /** Status code of the response that just completed. */
    public int status() {
        return completedStatus;
    }

    /** The response that just completed closes the connection (Connection: close, or HTTP/1.0 without keep-alive). */
    public boolean closes() {
        return completedCloses;
    }

    /** The input is not HTTP/1.x, or its framing is invalid or ambiguous: the connection must be dropped. */
    public boolean failed() {
        return state == FAILED;
    }

    /** Ends a response delimited by the connection closing; true if one was in progress. */
    public boolean finishAtClose() {
        if (state == UNTIL_CLOSE) {
            finish();
            return true;
        }
        return false;
    }

    /** Forgets everything: for a fresh connection on this slot. */
    public void reset() {
        state = STATUS_LINE;
        statusIndex = 0;
        headBytes = 0;
        complete = false;
        clearHead();
    }

    /**
     * The byte-wise path builds a head up from nothing, so it starts here; the fast path sets every field itself
     * and so skips these stores, once per response.
     */
    private void clearHead() {
        http10 = false;
        status = 0;
        headers.clear();
    }

    /**
     * Parses from {@code offset} up to {@code end}; returns where it stopped. After the call, {@link #complete()}
     * tells whether a final response ended there.
     */
    public long parse(MemorySegment segment, long offset, long end) {
        // Kept small on purpose: only the hot paths (a whole head in one pass, a Content-Length body) live here,
        // so that the JIT inlines this method into the worker's receive loop; everything else is one call away.
        complete = false;
        long i = offset;
        long start = -1; // where the response that may end in this call began, when it began in this call
        while (i < end) {
            if (state == STATUS_LINE && statusIndex == 0) {
                if (repeated != null) {
                    long repeatEnd = repeated.match(segment, i, end, expectNoBody);
                    if (repeatEnd >= 0) {
                        complete = true;
                        completedStatus = repeated.status();
                        completedCloses = repeated.closes();
                        return repeatEnd;
                    }
                }
                start = i;
                long next = fastHead(segment, i, end);
                if (next >= 0) {
                    i = next;
                    if (afterHead()) {
                        remember(segment, start, i);
                        return i;
                    }
                    continue;
                }
                clearHead();
            }
            if (state == BODY) {
                long take = Math.min(remaining, end - i);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    finish();
                    remember(segment, start, i);
                    return i;
                }
                continue;
            }
            long next = slowPath(segment, i, end);
            if (next < 0) {
                return ~next;
            }
            i = next;
        }
        return i;
    }

    /**
     * One step of everything but the hot paths: a byte of a head read byte by byte, a stretch of a chunked body,
     * a body that runs until close, a failure. Returns where to go on from, or {@code ~offset} when
     * {@link #parse} must return {@code offset} now (a response completed, or the input failed).
     */
    private long slowPath(MemorySegment segment, long i, long end) {
        switch (state) {
            case CHUNKED_BODY -> {
                i = chunkedBody.parse(segment, i, end);
                if (chunkedBody.done()) {
                    finish();
                    return ~i;
                }
                if (chunkedBody.failed()) {
                    return ~fail(end);
                }
            }
            case UNTIL_CLOSE -> i = end;
            case FAILED -> {
                return ~end;
            }
            default -> {
                if (++headBytes > MAX_HEAD_BYTES) {
                    return ~fail(i);
                }
                int b = segment.get(JAVA_BYTE, i++) & 0xff;
                if (state == STATUS_LINE) {
                    statusLine(b);
                } else if (step(b)) {
                    return ~i;
                }
            }
        }
        return state == FAILED ? ~end : i;
    }

    private long fail(long i) {
        state = FAILED;
        return i;
    }

    /** "HTTP/1.x SSS" then the reason phrase, byte by byte. */
    private void statusLine(int b) {
        int index = statusIndex++;
        if (index < 8) {
            if (b != "HTTP/1.1".charAt(index) && !(index == 7 && b == '0')) {
                state = FAILED;
            } else if (index == 7) {
                http10 = b == '0';
            }
        } else if (index == 8) {
            if (b != ' ') state = FAILED;
        } else if (index < 12) {
            if (b < '0' || b > '9') {
                state = FAILED;
            } else {
                status = status * 10 + (b - '0');
            }
        } else if (b == ' ') {
            state = REASON;
        } else if (b == '\r') {
            state = STATUS_LF;
        } else if (b == '\n') {
            state = HEADER_START;
        } else {
            state = FAILED;
        }
    }

    /** One byte of the head after the status line; true when a response completed. */
    private boolean step(int b) {
        switch (state) {
            case REASON -> {
                if (b == '\r') state = STATUS_LF;
                else if (b == '\n') state = HEADER_START;
            }
            case STATUS_LF -> {
                if (b == '\n') state = HEADER_START;
                else state = FAILED;
            }
            case HEADER_START -> {
                if (b == '\r') {
                    state = HEAD_END_LF;
                } else if (b == '\n') {
                    return afterHead();
                } else if (b > 0x20 && b != ':' && b != 0x7f) {
                    headers.nameByte(b);
                    state = HEADER_NAME;
                } else {
                    state = FAILED;
                }
            }
            case HEADER_NAME -> {
                if (b == ':') {
                    headers.endName();
                    state = HEADER_VALUE;
                } else if (b > 0x20 && b != 0x7f) {
                    headers.nameByte(b);
                } else {
                    state = FAILED;
                }
            }
            case HEADER_VALUE -> {
                if (b == '\r') state = HEADER_LF;
                else if (b == '\n') headerComplete();
                else headers.valueByte(b);
            }
            case HEADER_LF -> {
                if (b == '\n') headerComplete();
                else state = FAILED;
            }
            case HEAD_END_LF -> {
                if (b == '\n') return afterHead();
                state = FAILED;
            }
            default -> throw new IllegalStateException("parser state " + state);
        }
        return false;
    }

    /**
     * A whole response head inside [start, end) in one pass over locals; -1 hands the head to the byte-wise path
     * (split heads, odd shapes, Transfer-Encoding, repeated Content-Length, Connection lists). Only a single
     * Content-Length and a Connection of exactly "keep-alive" or "close" are interpreted here. It is as strict as
     * the byte-wise path about everything that decides framing (status line, line endings, those two headers) but,
     * unlike it, does not validate the names of headers that cannot change framing: a load generator counts such a
     * response rather than failing the connection.
     */
    private long fastHead(MemorySegment segment, long start, long end) {
        long limit = Math.min(end, start + MAX_HEAD_BYTES);
        if (start + 13 > limit) return -1;
        long version = segment.get(LONG_BE, start);
        if (version != HTTP_1_1 && version != HTTP_1_0) return -1;
        if (segment.get(JAVA_BYTE, start + 8) != ' ') return -1;
        int d0 = segment.get(JAVA_BYTE, start + 9) - '0';
        int d1 = segment.get(JAVA_BYTE, start + 10) - '0';
        int d2 = segment.get(JAVA_BYTE, start + 11) - '0';
        if ((d0 | d1 | d2) < 0 || d0 > 9 || d1 > 9 || d2 > 9) return -1;
        int b = segment.get(JAVA_BYTE, start + 12);
        if (b != ' ' && b != '\r' && b != '\n') return -1;
        long i = skipLine(segment, start + 12, limit);
        if (i < 0) return -1;
        boolean isHttp10 = version == HTTP_1_0;
        boolean sawClose = false;
        boolean sawKeepAlive = false;
        long length = -1;
        while (true) {
            if (i >= limit) return -1;
            b = segment.get(JAVA_BYTE, i);
            if (b == '\r' || b == '\n') {
                if (b == '\r') {
                    if (i + 1 >= limit || segment.get(JAVA_BYTE, i + 1) != '\n') return -1;
                    i += 2;
                } else {
                    i++;
                }
                break;
            }
            // Only Content-Length, Connection and Transfer-Encoding matter; a line is classified by its first
            // eight bytes (lower-cased; header names hold no byte <= 0x20, so OR 0x20 aliases nothing they hold).
            // Anything that starts like one of them but is not exactly "Name:" goes to the byte-wise path. Near the
            // end of the input the bytes past it read as zeros, which match no name: a head that ends there is
            // judged as it would be with more input after it (the same bytes frame the same way wherever they lie).
            long word = wordAt(segment, i, limit) | 0x2020202020202020L;
            boolean contentLength = false;
            boolean connection = false;
            if (word == CONTENT_) {
                long tail = (wordAt(segment, i + 6, limit) | 0x2020202020202020L) >>> 16;
                if (tail == LENGTH_TAIL) {
                    if (byteAt(segment, i + 14, limit) != ':') return -1;
                    contentLength = true;
                    i += 15;
                }
            } else if (word == CONNECTI) {
                if ((byteAt(segment, i + 8, limit) | 0x20) != 'o' || (byteAt(segment, i + 9, limit) | 0x20) != 'n'
                        || byteAt(segment, i + 10, limit) != ':') return -1;
                connection = true;
                i += 11;
            } else if (word == TRANSFER) {
                return -1; // Transfer-Encoding: the byte-wise path handles chunked framing
            } else if (b <= 0x20 || b == ':' || b == 0x7f) {
                return -1;
            }
            if (contentLength) {
                if (length >= 0) return -1;
                while (i < limit && ((b = segment.get(JAVA_BYTE, i)) == ' ' || b == '\t')) i++;
                long v = 0;
                int digits = 0;
                while (i < limit && (b = segment.get(JAVA_BYTE, i)) >= '0' && b <= '9') {
                    v = v * 10 + (b - '0');
                    i++;
                    if (++digits > 18) return -1;
                }
                if (digits == 0) return -1;
                while (i < limit && ((b = segment.get(JAVA_BYTE, i)) == ' ' || b == '\t')) i++;
                if (i >= limit || (b != '\r' && b != '\n')) return -1;
                length = v;
            }
            long valueStart = i;
            i = skipLine(segment, i, limit);
            if (i < 0) return -1;
            if (connection) {
                long v = valueStart;
                while (v < i && ((b = segment.get(JAVA_BYTE, v)) == ' ' || b == '\t')) v++;
                // The usual values are exactly "keep-alive" or "close"; lists and anything else go to the byte-wise
                // path, so that Connection tokens are matched in one place (FramingHeaders).
                if (i - v >= 11 && (segment.get(LONG_LE, v) | 0x2020202020202020L) == KEEP_ALI
                        && (segment.get(JAVA_BYTE, v + 8) | 0x20) == 'v' && (segment.get(JAVA_BYTE, v + 9) | 0x20) == 'e'
                        && isLineEnd(segment.get(JAVA_BYTE, v + 10))) {
                    sawKeepAlive = true;
                } else if (i - v >= 6 && (segment.get(INT_LE, v) | 0x20202020) == CLOS
                        && (segment.get(JAVA_BYTE, v + 4) | 0x20) == 'e' && isLineEnd(segment.get(JAVA_BYTE, v + 5))) {
                    sawClose = true;
                } else {
                    return -1;
                }
            }
        }
        status = d0 * 100 + d1 * 10 + d2;
        http10 = isHttp10;
        headers.set(length, sawClose, sawKeepAlive);
        return i;
    }

    /**
     * The offset after the next LF, or -1 if the line does not end in the buffer or holds a CR that is not right
     * before its LF (which the byte-wise path rejects). Eight bytes at a time.
     */
    private static long skipLine(MemorySegment segment, long i, long limit) {
        boolean pendingCr = false;
        while (i + 8 <= limit) {
            long word = segment.get(LONG_LE, i);
            long lf = zeroBytes(word ^ 0x0a0a0a0a0a0a0a0aL);
            long cr = zeroBytes(word ^ 0x0d0d0d0d0d0d0d0dL);
            if (lf != 0) {
                int position = Long.numberOfTrailingZeros(lf) >>> 3;
                if (position == 0) {
                    return i + 1; // a CR pending from the previous word is right before this LF
                }
                long below = cr & ((1L << (position * 8)) - 1);
                long allowed = 0x80L << ((position - 1) * 8);
                if (pendingCr || (below & ~allowed) != 0) {
                    return -1;
                }
                return i + position + 1;
            }
            // No LF here: a CR may only be the word's last byte, with its LF starting the next word.
            if (pendingCr || (cr & 0x7fffffffffffffffL) != 0) {
                return -1;
            }
            pendingCr = cr != 0;
            i += 8;
        }
        while (i < limit) {
            byte b = segment.get(JAVA_BYTE, i++);
            if (b == '\n') {
                return i;
            }
            if (pendingCr) {
                return -1;
            }
            pendingCr = b == '\r';
        }
        return -1;
    }

    /** The eight bytes at {@code i} as a little-endian long, those at or past {@code limit} read as zeros. */
    private static long wordAt(MemorySegment segment, long i, long limit) {
        if (i + Long.BYTES <= limit) {
            return segment.get(LONG_LE, i);
        }
        long word = 0;
        for (long k = Math.min(limit, i + Long.BYTES) - 1; k >= i; k--) {
            word = word << 8 | (segment.get(JAVA_BYTE, k) & 0xff);
        }
        return word;
    }

    /** The byte at {@code i}, or 0 at or past {@code limit}. */
    private static byte byteAt(MemorySegment segment, long i, long limit) {
        return i < limit ? segment.get(JAVA_BYTE, i) : 0;
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }

    /** 0x80 in every byte of {@code x} that is zero, exactly (no borrow between bytes). */
    private static long zeroBytes(long x) {
        return ~(((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x | 0x7f7f7f7f7f7f7f7fL);
    }

    private void headerComplete() {
        // An invalid or conflicting Content-Length: no later line can repair it.
        state = headers.endValue() ? HEADER_START : FAILED;
    }

    /** The head ended: decide how the body is framed. True when the response completed here. */
    private boolean afterHead() {
        headBytes = 0;
        statusIndex = 0;
        int framing = headers.framing();
        if (framing == FramingHeaders.INVALID) {
            // Checked before the status: no sender may send both Content-Length and Transfer-Encoding, whatever
            // the status, and a server that does cannot be trusted to delimit what follows.
            state = FAILED;
            return false;
        }
        if (status >= 100 && status < 200) {
            // Interim response (100 Continue, 103 Early Hints): the final response follows on the same request.
            state = STATUS_LINE;
            return false;
        }
        if (expectNoBody || status == 204 || status == 304) {
            finish();
            return true;
        }
        switch (framing) {
            case FramingHeaders.LENGTH -> {
                remaining = headers.contentLength();
                if (remaining == 0) {
                    finish();
                    return true;
                }
                state = BODY;
            }
            case FramingHeaders.CHUNKED -> {
                if (chunkedBody == null) {
                    chunkedBody = new ChunkedBody();
                }
                chunkedBody.start();
                state = CHUNKED_BODY;
            }
            // No framing header, or a final coding other than chunked (RFC 9112 section 6.3, item 4): the body
            // ends when the server closes.
            default -> state = UNTIL_CLOSE;
        }
        return false;
    }

    /** A response framed on the fast path, whole in this call's input: the next identical one needs no parse. */
    private void remember(MemorySegment segment, long start, long end) {
        if (start >= 0 && repeated != null) {
            repeated.remember(segment, start, end, completedStatus, completedCloses, expectNoBody);
        }
    }

    private void finish() {
        complete = true;
        completedStatus = status;
        completedCloses = headers.close() || (http10 && !headers.keepAlive()) || state == UNTIL_CLOSE;
        headBytes = 0;
        statusIndex = 0;
        state = STATUS_LINE;
    }
}
