package dev.ringload.engine.mix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawRequestsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String refusal(String content) throws IOException {
        Path file = write("bad.http", content);
        try {
            RawRequests.parse(List.of(file));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith(file + ":").doesNotContain("\n");
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("accepted: " + content);
    }

    @Test
    void aGetAndAPostAreKeptByteForByte() throws IOException {
        String get = "GET /plaintext?x={seq} HTTP/1.1\r\nHost: localhost:8080\r\nAccept:  text/plain \r\n\r\n";
        String post = "POST /json HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n"
                + "{\"a\":\u00e9}\n";
        List<RequestSpec> specs = RawRequests.parse(List.of(write("get.http", get), write("post.http", post)));

        RequestSpec g = specs.get(0);
        assertThat(g.raw()).isEqualTo(get.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(g.isRaw()).isTrue();
        assertThat(g.method()).isEqualTo("GET");
        assertThat(g.url()).isEqualTo("/plaintext?x={seq}");
        assertThat(g.headers()).containsExactly("Host: localhost:8080", "Accept: text/plain");
        assertThat(g.body()).isEmpty();
        assertThat(g.weight()).isEqualTo(1);
        assertThat(g.source()).isEqualTo(dir.resolve("get.http") + ":1");

        RequestSpec p = specs.get(1);
        assertThat(p.raw()).isEqualTo(post.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(p.method()).isEqualTo("POST");
        assertThat(p.url()).isEqualTo("/json");
        assertThat(p.body()).isEqualTo("{\"a\":\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(p.head()).isFalse();
    }

    @Test
    void aHeadRequestIsMarked() throws IOException {
        Path file = write("head.http", "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(RawRequests.parse(List.of(file)).getFirst().head()).isTrue();
    }

    @Test
    void aBareLfIsRefusedWhereItIs() throws IOException {
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\nAccept: */*\n\r\n"))
                .isEqualTo(":3: line ends in LF, not CRLF");
        assertThat(refusal("GET / HTTP/1.1\nHost: h\r\n\r\n")).isEqualTo(":1: line ends in LF, not CRLF");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\n\n")).isEqualTo(":3: line ends in LF, not CRLF");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n"))
                .isEqualTo(":2: CR inside the line; CR may only come before LF");
    }

    @Test
    void theHeadMustEndWithAnEmptyLine() throws IOException {
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\n"))
                .isEqualTo(":3: the head does not end with an empty CRLF line");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h")).isEqualTo(":2: line does not end in CRLF");
        assertThat(refusal("")).isEqualTo(":1: empty file; expected 'METHOD request-target HTTP/1.1'");
    }

    @Test
    void hostIsRequiredOnce() throws IOException {
        assertThat(refusal("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"))
                .isEqualTo(":1: no Host header; HTTP/1.1 requires one");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\nhost: b\r\n\r\n"))
                .isEqualTo(":4: second Host header (first on line 2)");
    }

    @Test
    void theBodyMustBeAsLongAsContentLengthSays() throws IOException {
        String head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n";
        assertThat(refusal(head + "abc")).isEqualTo(":3: Content-Length is 5 but 3 bytes follow the head");
        assertThat(refusal(head + "abcdef\n")).isEqualTo(":3: Content-Length is 5 but 7 bytes follow the head");
        assertThat(refusal(head)).isEqualTo(":3: Content-Length is 5 but 0 bytes follow the head");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\n\r\n\n"))
                .isEqualTo(":4: 1 byte follows the head but there is no Content-Length");
        assertThat(refusal("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n"))
                .isEqualTo(":3: Content-Length '-1' is not a byte count");
        assertThat(refusal("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n"))
                .isEqualTo(":4: second Content-Length header (first on line 3)");
    }

    @Test
    void chunkedIsRefused() throws IOException {
        assertThat(refusal("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
                .isEqualTo(":3: chunked raw requests are not supported; give a Content-Length");
    }

    @Test
    void theRequestLineIsChecked() throws IOException {
        assertThat(refusal("GET /\r\nHost: h\r\n\r\n"))
                .isEqualTo(":1: expected 'METHOD request-target HTTP/1.1', got 'GET /'");
        assertThat(refusal("GET  / HTTP/1.1\r\nHost: h\r\n\r\n"))
                .isEqualTo(":1: expected 'METHOD request-target HTTP/1.1', got 'GET  / HTTP/1.1'");
        assertThat(refusal("GET / HTTP/1.0\r\nHost: h\r\n\r\n"))
                .isEqualTo(":1: version must be HTTP/1.1, got 'HTTP/1.0'");
        assertThat(refusal("G(T / HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(":1: invalid method 'G(T'");
        assertThat(refusal("GET index.html HTTP/1.1\r\nHost: h\r\n\r\n"))
                .isEqualTo(":1: request-target 'index.html' is not /path, * or an absolute URL");
    }

    @Test
    void headerLinesAreChecked() throws IOException {
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n"))
                .isEqualTo(":3: header 'NoColon' is not 'Name: value'");
        assertThat(refusal("GET / HTTP/1.1\r\nHost : h\r\n\r\n"))
                .isEqualTo(":2: header 'Host : h' is not 'Name: value'");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n"))
                .isEqualTo(":3: a line starting with whitespace (obsolete line folding) is not allowed");
    }

    /**
     * Found by RawRequestsFuzzTest: String.strip() counts the separators 0x1c-0x1f as whitespace, so a value ending
     * in one passed the control-character check and went to the wire, where a strict server answers 400.
     */
    @Test
    void controlCharactersThatStripWouldRemoveAreRefused() throws IOException {
        assertThat(refusal("POST / HTTP/1.1\r\nHost: h\r\nContent-Length:9\u001c\r\n\r\n{\"id\":42}"))
                .isEqualTo(":3: header 'Content-Length' has a control character in its value");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: \u001fh\r\n\r\n"))
                .isEqualTo(":2: header 'Host' has a control character in its value");
    }

    @Test
    void unreadableFilesAndNoFilesAreRefused() {
        Path missing = dir.resolve("missing.http");
        assertThatThrownBy(() -> RawRequests.parse(List.of(missing)))
                .hasMessage(missing + ": cannot be read (no such file)");
        assertThatThrownBy(() -> RawRequests.parse(List.of(dir))).hasMessage(dir + ": cannot be read (is a directory)");
        assertThatThrownBy(() -> RawRequests.parse(List.of())).hasMessage("no raw request files");
    }

    /** An LF at the very start is a line ending in a bare LF, and a CR as a line's first byte is inside the line. */
    @Test
    void aBareLfOrACrAtTheStartOfALineIsRefused() throws IOException {
        assertThat(refusal("\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(":1: line ends in LF, not CRLF");
        assertThat(refusal("GET / HTTP/1.1\r\nHost: h\r\n\rX: y\r\n\r\n"))
                .isEqualTo(":3: CR inside the line; CR may only come before LF");
        assertThat(refusal("GET \t/ HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(":1: request-target has a control character");
    }

    /** Content-Length takes up to 18 digits (any of 0-9, leading zeros too); a 19th is refused, not overflowed. */
    @Test
    void contentLengthTakesEighteenDigits() throws IOException {
        String request = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 000000000000000009\r\n\r\n123456789";
        RequestSpec spec = RawRequests.parse(List.of(write("nine.http", request))).getFirst();
        assertThat(spec.body()).isEqualTo("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0000000000000000009\r\n\r\n123456789"))
                .isEqualTo(":3: Content-Length '0000000000000000009' is not a byte count");
    }
}
