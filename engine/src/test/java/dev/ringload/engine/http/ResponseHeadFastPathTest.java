package dev.ringload.engine.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-head fast path of {@link ResponseParser} reads every head shape it is meant to read. It is observable:
 * unlike the byte-wise path, it does not fail a header name that cannot change framing ({@code X Y}), so each head
 * here carries one and would fail if the fast path gave up on it. Mutation testing showed that without these,
 * a fast path that gave up too often (slower, same framing otherwise) went unnoticed.
 */
class ResponseHeadFastPathTest {

    private static final String ODD = "X Y: a name with a space\r\n";

    record Framed(long end, int status, boolean closes) {
    }

    static Stream<Arguments> heads() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("HTTP/1.1 200 OK\r\n" + ODD + "Content-Length: 5\r\n\r\nhello", 200, false));
        cases.add(Arguments.of("HTTP/1.1 200\r\n" + ODD + "Content-Length: \t 5 \t\r\n\r\nhello", 200, false));
        cases.add(Arguments.of("HTTP/1.1 201\n" + ODD + "content-length:0\n\n", 201, false));
        cases.add(Arguments.of("HTTP/1.1 200 OK\r\n" + ODD + "Content-Type: text/plain\r\nCONTENT-LENGTH: 2\r\n\r\nok",
                200, false));
        cases.add(Arguments.of("HTTP/1.1 200 OK\r\n" + ODD + "Content-Length: 000000000000000002\r\n\r\nok", 200, false));
        cases.add(Arguments.of("HTTP/1.0 200 OK\r\n" + ODD + "Connection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
                200, false));
        cases.add(Arguments.of("HTTP/1.0 200 OK\r\n" + ODD + "connection:KEEP-ALIVE\nContent-Length: 2\r\n\r\nok",
                200, false));
        cases.add(Arguments.of("HTTP/1.0 200 OK\r\n" + ODD + "Content-Length: 2\r\n\r\nok", 200, true));
        cases.add(Arguments.of("HTTP/1.1 200 OK\r\n" + ODD + "CONNECTION: Close\r\nContent-Length: 2\r\n\r\nok", 200,
                true));
        cases.add(Arguments.of("HTTP/1.1 200 OK\r\n" + ODD + "Connection:close\nContent-Length: 0\n\r\n", 200, true));
        cases.add(Arguments.of("HTTP/1.1 204 No Content\r\n" + ODD + "\r\n", 204, false));
        cases.add(Arguments.of("HTTP/1.1 304 Not Modified\r\n" + ODD + "Content-Length: 9\r\n\r\n", 304, false));
        cases.add(Arguments.of("HTTP/1.1 100 Continue\r\n" + ODD + "\r\nHTTP/1.1 999 Odd\r\n" + ODD
                + "Content-Length: 1\r\n\r\nx", 999, false));
        // A line's CR may fall anywhere in the 8-byte words the fast path reads, or in the bytes after the last one.
        for (int n = 0; n < 17; n++) {
            cases.add(Arguments.of("HTTP/1.1 200 OK\r\nX Y: " + "v".repeat(n) + "\r\nContent-Length: 1\r\n\r\nx", 200,
                    false));
            cases.add(Arguments.of("HTTP/1.1 200 " + "R".repeat(n) + "\r\n" + ODD + "Content-Length: 1\r\n\r\nx", 200,
                    false));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("heads")
    void headsReadWholeAreFramedWithoutTheByteWisePath(String response, int status, boolean closes) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser parser = new ResponseParser(null);
        MemorySegment segment = MemorySegment.ofArray(bytes);
        long end = parser.parse(segment, 0, bytes.length);
        assertThat(parser.failed()).as("failed").isFalse();
        assertThat(new Framed(end, parser.status(), parser.closes())).isEqualTo(new Framed(bytes.length, status, closes));
        assertThat(parser.complete()).isTrue();
    }

    /** The same heads, answering HEAD: they end at the blank line whatever their length says. */
    @ParameterizedTest
    @MethodSource("heads")
    void headResponsesEndAtTheHead(String response, int status, boolean closes) {
        String head = response.substring(0, response.lastIndexOf('\n') + 1);
        byte[] bytes = (head + "HTTP/1.1 200 OK\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser parser = new ResponseParser(null);
        parser.expectNoBody(true);
        long end = parser.parse(MemorySegment.ofArray(bytes), 0, bytes.length);
        assertThat(parser.failed()).isFalse();
        assertThat(parser.complete()).isTrue();
        assertThat(end).isEqualTo(head.length());
        assertThat(parser.status()).isEqualTo(status);
    }

    /**
     * The same heads answering HEAD with nothing after them in the input: framed as with more bytes after them.
     * The fast path once gave up on a header line starting within 16 bytes of the input's end and the byte-wise
     * path failed the odd name, so one response framed or failed depending on what followed it (found by fuzzing).
     */
    @ParameterizedTest
    @MethodSource("heads")
    void headResponsesEndingTheInputAreFramedAsWithMoreAfterThem(String response, int status, boolean closes) {
        String head = response.substring(0, response.lastIndexOf('\n') + 1);
        String blank = head.endsWith("\n\r\n") ? "\r\n" : "\n"; // the line that ends the head
        for (String last : new String[] {"", "O5\n", "X-Y:z\r\n", "Conn\n", "Content-Lengt\r\n"}) {
            String whole = head.substring(0, head.length() - blank.length()) + last + blank;
            byte[] bytes = whole.getBytes(StandardCharsets.ISO_8859_1);
            ResponseParser parser = new ResponseParser(null);
            parser.expectNoBody(true);
            long end = parser.parse(MemorySegment.ofArray(bytes), 0, bytes.length);
            assertThat(parser.failed()).as(whole).isFalse();
            assertThat(parser.complete()).as(whole).isTrue();
            assertThat(end).isEqualTo(bytes.length);
            assertThat(parser.status()).isEqualTo(status);
        }
    }
}
