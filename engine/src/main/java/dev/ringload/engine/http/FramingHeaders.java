package dev.ringload.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header fields that decide how an HTTP/1.1 message is delimited and whether its connection persists
 * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}), classified and interpreted byte by byte
 * for {@link RequestParser} and {@link ResponseParser}, so both parsers read them the same way. Values are
 * interpreted as they arrive, without buffering them, so a value may be any length. One instance per parser; no
 * allocation after construction.
 *
 * <p>Use, per field line: {@link #nameByte} for each byte of the name, {@link #endName()}, {@link #valueByte} for
 * each byte of the value, {@link #endValue()}; after the head, {@link #framing()}; {@link #clear()} before the next
 * message.
 *
 * <p>Interpretation, after RFC 9110 and RFC 9112 section 6:
 * <ul>
 *   <li>{@code Content-Length}: 1 to 18 decimal digits with optional whitespace around them; anything else (a
 *       sign, a list such as "5, 5", more digits) is malformed. Repeated fields must agree: equal values are
 *       accepted, differing ones are malformed.
 *   <li>{@code Transfer-Encoding}: a list, possibly over several field lines; only its final coding matters, and
 *       only {@code chunked} (case-insensitive, as a whole list element) delimits the body.
 *   <li>{@code Connection}: a list of tokens; {@code close} and {@code keep-alive} count only as whole elements, in
 *       any case ({@code x-close} or {@code closed} are other options).
 *   <li><b>Both {@code Content-Length} and {@code Transfer-Encoding}</b>: {@link #INVALID}, whatever the values.
 *       No sender may send both (RFC 9112 section 6.2), and section 6.3 says such a message "ought to be handled
 *       as an error": it is the shape of request smuggling and response splitting, where two hops disagree on
 *       where the message ends. Requests get a 400, responses fail the connection.
 * </ul>
 */
final class FramingHeaders {

    /** Limit on a head (start line and header fields) and, separately, on a chunked body's trailer section. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /** {@link #framing()}: no framing header. Requests then have no body; responses run until close. */
    static final int NO_FRAMING = 0;
    /** A valid {@code Content-Length}: {@link #contentLength()} bytes. */
    static final int LENGTH = 1;
    /** {@code Transfer-Encoding} whose final coding is {@code chunked}. */
    static final int CHUNKED = 2;
    /** {@code Transfer-Encoding} whose final coding is not chunked: a 400 for requests, until close for responses. */
    static final int UNCHUNKED_CODING = 3;
    /** A malformed or conflicting Content-Length, or both Content-Length and Transfer-Encoding. */
    static final int INVALID = 4;

    private static final int OTHER_FIELD = 0;
    private static final int CONTENT_LENGTH_FIELD = 1;
    private static final int TRANSFER_ENCODING_FIELD = 2;
    private static final int CONNECTION_FIELD = 3;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED_CODING = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private static final int MAX_DIGITS = 18; // 10^18 - 1 fits a long, with no overflow check per digit
    /** Longer list elements than this cannot be one of the three tokens that matter. */
    private static final int MAX_ELEMENT_BYTES = 16;
    private static final int OVERLONG = Integer.MAX_VALUE;

    /**
     * The name being read, lower-cased, then the list element being read: a name is done with at its colon, before
     * any element, so one array serves both (a connection's parser is kept for every connection of a run).
     */
    private final byte[] token = new byte[Math.max(TRANSFER_ENCODING.length, MAX_ELEMENT_BYTES)];

    // The field line being read.
    private int nameLength;
    private int field;
    private int elementLength;
    private boolean spaceAfterElement;
    private long number;
    private int digits;

    // The message so far.
    private boolean lengthSeen;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean close;
    private boolean keepAlive;
    private boolean malformed;

    /** Forgets the message: before the next head. */
    void clear() {
        nameLength = 0;
        lengthSeen = false;
        contentLength = 0;
        transferEncoding = false;
        chunked = false;
        close = false;
        keepAlive = false;
        malformed = false;
    }

    /** One byte of a field name (the parser has checked it may appear in one). */
    void nameByte(int b) {
        if (nameLength < TRANSFER_ENCODING.length) {
            token[nameLength] = (byte) lower(b);
        }
        nameLength++;
    }

    /** The name ended at its colon: classify it; {@link #valueByte} calls then read its value. */
    void endName() {
        if (is(token, nameLength, CONTENT_LENGTH)) {
            field = CONTENT_LENGTH_FIELD;
        } else if (is(token, nameLength, TRANSFER_ENCODING)) {
            field = TRANSFER_ENCODING_FIELD;
            transferEncoding = true;
        } else if (is(token, nameLength, CONNECTION)) {
            field = CONNECTION_FIELD;
        } else {
            field = OTHER_FIELD;
        }
        nameLength = 0;
        elementLength = 0;
        spaceAfterElement = false;
        number = 0;
        digits = 0;
    }

    /** One byte of the value, line ending excluded (the parser has checked it may appear in one). */
    void valueByte(int b) {
        switch (field) {
            case CONTENT_LENGTH_FIELD -> lengthByte(b);
            case TRANSFER_ENCODING_FIELD, CONNECTION_FIELD -> listByte(b);
            default -> {
            }
        }
    }

    private void lengthByte(int b) {
        if (b >= '0' && b <= '9') {
            if (spaceAfterElement || ++digits > MAX_DIGITS) {
                malformed = true;
            } else {
                number = number * 10 + (b - '0');
            }
        } else if (b == ' ' || b == '\t') {
            spaceAfterElement = digits > 0;
        } else {
            malformed = true;
        }
    }

    /** List syntax (RFC 9110 section 5.6.1): elements split by commas, whitespace around them ignored. */
    private void listByte(int b) {
        if (b == ',') {
            endElement();
        } else if (b == ' ' || b == '\t') {
            spaceAfterElement = elementLength > 0;
        } else if (spaceAfterElement || elementLength >= MAX_ELEMENT_BYTES) {
            elementLength = OVERLONG; // whitespace inside, or too long: none of the tokens that matter
        } else {
            token[elementLength++] = (byte) lower(b);
        }
    }

    private void endElement() {
        if (elementLength > 0) { // empty elements ("a, , b") are allowed and mean nothing
            if (field == TRANSFER_ENCODING_FIELD) {
                chunked = is(token, elementLength, CHUNKED_CODING); // each later coding replaces the final one
            } else {
                close |= is(token, elementLength, CLOSE);
                keepAlive |= is(token, elementLength, KEEP_ALIVE);
            }
        }
        elementLength = 0;
        spaceAfterElement = false;
    }

    /** The value ended; false if the message is now {@link #INVALID} through a bad {@code Content-Length}. */
    boolean endValue() {
        switch (field) {
            case CONTENT_LENGTH_FIELD -> {
                if (digits == 0 || lengthSeen && number != contentLength) {
                    malformed = true;
                }
                lengthSeen = true;
                contentLength = number;
            }
            case TRANSFER_ENCODING_FIELD, CONNECTION_FIELD -> endElement();
            default -> {
            }
        }
        field = OTHER_FIELD;
        return !malformed;
    }

    /**
     * A head read elsewhere (the response parser's fast path) that had no {@code Transfer-Encoding}: its
     * {@code Content-Length}, or -1 for none, and its {@code Connection} tokens.
     */
    void set(long length, boolean closeToken, boolean keepAliveToken) {
        lengthSeen = length >= 0;
        contentLength = Math.max(length, 0);
        transferEncoding = false;
        chunked = false;
        close = closeToken;
        keepAlive = keepAliveToken;
        malformed = false;
    }

    /** How the body of the message whose head just ended is delimited: one of the constants above. */
    int framing() {
        if (malformed || lengthSeen && transferEncoding) {
            return INVALID;
        }
        if (transferEncoding) {
            return chunked ? CHUNKED : UNCHUNKED_CODING;
        }
        return lengthSeen ? LENGTH : NO_FRAMING;
    }

    /** The {@code Content-Length}, when {@link #framing()} is {@link #LENGTH}. */
    long contentLength() {
        return contentLength;
    }

    /** A {@code Connection: close} token was seen. */
    boolean close() {
        return close;
    }

    /** A {@code Connection: keep-alive} token was seen (what keeps an HTTP/1.0 connection open). */
    boolean keepAlive() {
        return keepAlive;
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
    }

    private static boolean is(byte[] bytes, int length, byte[] expected) {
        return length == expected.length && Arrays.equals(bytes, 0, length, expected, 0, length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
