package dev.ringload.engine.http;

import java.lang.foreign.MemorySegment;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Incremental HTTP/1.1 request framer for the built-in server: it finds where each request ends (header block,
 * then a {@code Content-Length} or chunked body, which it skips) across receives split at any byte, and notes what
 * the server must honour: {@code Connection: close}, HTTP/1.0 without keep-alive, malformed input (400) and header
 * blocks over {@value #MAX_HEADER_BYTES} bytes (431). One instance per connection; no allocation after
 * construction.
 *
 * <p>After each {@link #parse} call: {@link #completed()} requests ended in the bytes given; if
 * {@link #closeAfterLast()} the last of them asked for the connection to close, and if {@link #error()} is non-zero
 * the input was rejected. In both cases the parser stops and ignores later input.
 */
public final class RequestParser {

    public static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final int REQUEST_START = 0;
    private static final int METHOD = 1;
    private static final int TARGET = 2;
    private static final int VERSION = 3;
    private static final int REQUEST_LINE_LF = 4;
    private static final int HEADER_START = 5;
    private static final int HEADER_NAME = 6;
    private static final int HEADER_VALUE_START = 7;
    private static final int HEADER_VALUE = 8;
    private static final int HEADER_LF = 9;
    private static final int HEADERS_END_LF = 10;
    private static final int BODY = 11;
    private static final int CHUNK_SIZE = 12;
    private static final int CHUNK_EXTENSION = 13;
    private static final int CHUNK_SIZE_LF = 14;
    private static final int CHUNK_DATA = 15;
    private static final int CHUNK_DATA_CR = 16;
    private static final int CHUNK_DATA_LF = 17;
    private static final int TRAILER_START = 18;
    private static final int TRAILER_LINE = 19;
    private static final int TRAILER_END_LF = 20;
    private static final int STOPPED = -1;

    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final ValueLayout.OfLong JAVA_LONG_UNALIGNED_BE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** "HTTP/1.1" as a big-endian long. */
    private static final long HTTP_1_1 = 0x485454502f312e31L;
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "keep-alive".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final int HEADER_OTHER = 0;
    private static final int HEADER_CONTENT_LENGTH = 1;
    private static final int HEADER_TRANSFER_ENCODING = 2;
    private static final int HEADER_CONNECTION = 3;

    /** Token characters of RFC 9110 (method and header names). */
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (int c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TOKEN[c] = true;
    }

    private final byte[] name = new byte[32];
    private final byte[] value = new byte[64];

    private int state = REQUEST_START;
    private int headerBytes;
    private int versionIndex;
    private boolean http10;
    private boolean keepAlive;
    private boolean close;
    private boolean chunked;
    private long contentLength = -1;
    private int nameLength;
    private int valueLength;
    private int header;
    private long remaining;
    private int chunkDigits;

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

    /** 0, or the status to answer with before closing: 400 (malformed) or 431 (header block too large). */
    public int error() {
        return error;
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
                    requestComplete();
                    i = next;
                    continue;
                }
            }
            if (state == BODY || state == CHUNK_DATA) {
                long take = Math.min(remaining, end - i);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    if (state == BODY) {
                        requestComplete();
                    } else {
                        state = CHUNK_DATA_CR;
                    }
                }
                continue;
            }
            if ((state <= HEADERS_END_LF || state >= TRAILER_START) && ++headerBytes > MAX_HEADER_BYTES) {
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
        long limit = Math.min(end, start + MAX_HEADER_BYTES);
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
        do {
            if (i >= limit) return -1;
            b = segment.get(JAVA_BYTE, i++) & 0xff;
        } while (b > 0x20 && b != 0x7f);
        if (b != ' ' || i == targetStart + 1) return -1;
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
            do {
                if (i >= limit) return -1;
                b = segment.get(JAVA_BYTE, i++) & 0xff;
            } while (b >= 0x20 && b != 0x7f || b == '\t');
            if (b != '\r' || i >= limit || segment.get(JAVA_BYTE, i++) != '\n') return -1;
        }
    }

    private void step(int b) {
        switch (state) {
            case REQUEST_START -> {
                if (b == '\r' || b == '\n') {
                    headerBytes--; // blank lines before a request are tolerated and not counted
                } else if (TOKEN[b]) {
                    state = METHOD;
                } else {
                    fail(400);
                }
            }
            case METHOD -> {
                if (b == ' ') {
                    state = TARGET;
                } else if (!TOKEN[b]) {
                    fail(400);
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
                    nameLength = 0;
                    appendName(b);
                    state = HEADER_NAME;
                } else {
                    fail(400); // includes obsolete line folding (a line starting with SP or HT)
                }
            }
            case HEADER_NAME -> {
                if (b == ':') {
                    header = classify();
                    valueLength = 0;
                    state = HEADER_VALUE_START;
                } else if (TOKEN[b]) {
                    appendName(b);
                } else {
                    fail(400);
                }
            }
            case HEADER_VALUE_START -> {
                if (b != ' ' && b != '\t') {
                    state = HEADER_VALUE;
                    step(b);
                }
            }
            case HEADER_VALUE -> {
                if (b == '\r') {
                    state = HEADER_LF;
                } else if (b == '\n') {
                    headerComplete();
                } else if (b < 0x20 && b != '\t' || b == 0x7f) {
                    fail(400);
                } else if (header != HEADER_OTHER) {
                    if (valueLength == value.length) {
                        fail(400);
                    } else {
                        value[valueLength++] = (byte) lower(b);
                    }
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
            case CHUNK_SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0) {
                    if (++chunkDigits > 15) {
                        fail(400);
                    } else {
                        remaining = remaining * 16 + digit;
                    }
                } else if (chunkDigits == 0) {
                    fail(400);
                } else if (b == ';' || b == ' ' || b == '\t') {
                    state = CHUNK_EXTENSION;
                } else if (b == '\r') {
                    state = CHUNK_SIZE_LF;
                } else if (b == '\n') {
                    chunkSizeComplete();
                } else {
                    fail(400);
                }
            }
            case CHUNK_EXTENSION -> {
                if (b == '\r') {
                    state = CHUNK_SIZE_LF;
                } else if (b == '\n') {
                    chunkSizeComplete();
                }
            }
            case CHUNK_SIZE_LF -> {
                if (b == '\n') {
                    chunkSizeComplete();
                } else {
                    fail(400);
                }
            }
            case CHUNK_DATA_CR -> {
                if (b == '\r') {
                    state = CHUNK_DATA_LF;
                } else if (b == '\n') {
                    startChunk();
                } else {
                    fail(400);
                }
            }
            case CHUNK_DATA_LF -> {
                if (b == '\n') {
                    startChunk();
                } else {
                    fail(400);
                }
            }
            case TRAILER_START -> {
                if (b == '\r') {
                    state = TRAILER_END_LF;
                } else if (b == '\n') {
                    requestComplete();
                } else {
                    state = TRAILER_LINE;
                }
            }
            case TRAILER_LINE -> {
                if (b == '\n') {
                    state = TRAILER_START;
                }
            }
            case TRAILER_END_LF -> {
                if (b == '\n') {
                    requestComplete();
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

    private void appendName(int b) {
        if (nameLength < name.length) {
            name[nameLength] = (byte) lower(b);
        }
        nameLength++;
    }

    private int classify() {
        if (is(name, nameLength, CONTENT_LENGTH)) return HEADER_CONTENT_LENGTH;
        if (is(name, nameLength, TRANSFER_ENCODING)) return HEADER_TRANSFER_ENCODING;
        if (is(name, nameLength, CONNECTION)) return HEADER_CONNECTION;
        return HEADER_OTHER;
    }

    private void headerComplete() {
        int length = valueLength;
        while (length > 0 && (value[length - 1] == ' ' || value[length - 1] == '\t')) {
            length--;
        }
        switch (header) {
            case HEADER_CONTENT_LENGTH -> {
                long parsed = parseDecimal(value, length);
                if (parsed < 0 || (contentLength >= 0 && contentLength != parsed)) {
                    fail(400);
                    return;
                }
                contentLength = parsed;
            }
            case HEADER_TRANSFER_ENCODING -> {
                // Only a final "chunked" frames a request body; anything else leaves its length unknown.
                if (!endsWith(value, length, CHUNKED)) {
                    fail(400);
                    return;
                }
                chunked = true;
            }
            case HEADER_CONNECTION -> {
                close |= contains(value, length, CLOSE);
                keepAlive |= contains(value, length, KEEP_ALIVE);
            }
            default -> {
            }
        }
        state = HEADER_START;
    }

    private void headersComplete() {
        if (chunked && contentLength >= 0) {
            fail(400); // both framings: a request-smuggling shape, refused
        } else if (chunked) {
            remaining = 0;
            chunkDigits = 0;
            state = CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = BODY;
        } else {
            requestComplete();
        }
    }

    private void chunkSizeComplete() {
        if (remaining == 0) {
            state = TRAILER_START;
        } else {
            state = CHUNK_DATA;
        }
    }

    private void startChunk() {
        remaining = 0;
        chunkDigits = 0;
        state = CHUNK_SIZE;
    }

    private void requestComplete() {
        completed++;
        boolean closing = close || (http10 && !keepAlive);
        closeAfterLast = closing;
        headerBytes = 0;
        http10 = false;
        keepAlive = false;
        close = false;
        chunked = false;
        contentLength = -1;
        state = closing ? STOPPED : REQUEST_START;
    }

    private void fail(int status) {
        error = status;
        state = STOPPED;
    }

    /** Forgets everything: for a fresh connection on this slot. */
    public void reset() {
        state = REQUEST_START;
        headerBytes = 0;
        http10 = false;
        keepAlive = false;
        close = false;
        chunked = false;
        contentLength = -1;
        completed = 0;
        closeAfterLast = false;
        error = 0;
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
    }

    private static long parseDecimal(byte[] bytes, int length) {
        if (length == 0 || length > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean is(byte[] bytes, int length, byte[] expected) {
        return length == expected.length && java.util.Arrays.equals(bytes, 0, length, expected, 0, length);
    }

    private static boolean endsWith(byte[] bytes, int length, byte[] suffix) {
        return length >= suffix.length
                && java.util.Arrays.equals(bytes, length - suffix.length, length, suffix, 0, suffix.length);
    }

    private static boolean contains(byte[] bytes, int length, byte[] token) {
        for (int i = 0; i + token.length <= length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + token.length, token, 0, token.length)) {
                return true;
            }
        }
        return false;
    }
}
