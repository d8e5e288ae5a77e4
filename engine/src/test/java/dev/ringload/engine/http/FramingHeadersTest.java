package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ringload.engine.http.FramingHeaders.CHUNKED;
import static dev.ringload.engine.http.FramingHeaders.INVALID;
import static dev.ringload.engine.http.FramingHeaders.LENGTH;
import static dev.ringload.engine.http.FramingHeaders.NO_FRAMING;
import static dev.ringload.engine.http.FramingHeaders.UNCHUNKED_CODING;
import static org.assertj.core.api.Assertions.assertThat;

class FramingHeadersTest {

    private final FramingHeaders headers = new FramingHeaders();

    /** Feeds "Name: value" field lines as a parser would; returns false if any {@code endValue()} refused one. */
    private boolean read(String... fields) {
        headers.clear();
        boolean valid = true;
        for (String field : fields) {
            int colon = field.indexOf(':');
            for (int k = 0; k < colon; k++) {
                headers.nameByte(field.charAt(k));
            }
            headers.endName();
            for (int k = colon + 1; k < field.length(); k++) {
                headers.valueByte(field.charAt(k));
            }
            valid &= headers.endValue();
        }
        return valid;
    }

    @Test
    void noFramingHeaders() {
        assertThat(read("Host: a", "Content-Type: 5", "Content-Lengthy: 5", "X-Content-Length: 5", "Transfer: chunked"))
                .isTrue();
        assertThat(headers.framing()).isEqualTo(NO_FRAMING);
        assertThat(headers.close()).isFalse();
        assertThat(headers.keepAlive()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Content-Length: 0|0",
            "content-length:42|42",
            "CONTENT-LENGTH:  \t 7 \t |7",
            "Content-Length: 000000000000000012|12",
            "Content-Length: 999999999999999999|999999999999999999",
    })
    void contentLength(String field, long expected) {
        assertThat(read(field)).isTrue();
        assertThat(headers.framing()).isEqualTo(LENGTH);
        assertThat(headers.contentLength()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Length:",
            "Content-Length:   ",
            "Content-Length: 1000000000000000000", // 19 digits
            "Content-Length: 0000000000000000001", // 19 digits, however small
            "Content-Length: -1",
            "Content-Length: +1",
            "Content-Length: 1 2",
            "Content-Length: 5, 5",
            "Content-Length: 0x10",
            "Content-Length: 12a",
    })
    void malformedContentLengthIsRefusedAtOnce(String field) {
        assertThat(read(field)).isFalse();
        assertThat(headers.framing()).isEqualTo(INVALID);
    }

    @Test
    void repeatedContentLengthMustAgree() {
        assertThat(read("Content-Length: 5", "content-length:5 ")).isTrue();
        assertThat(headers.framing()).isEqualTo(LENGTH);
        assertThat(headers.contentLength()).isEqualTo(5);

        assertThat(read("Content-Length: 5", "Content-Length: 6")).isFalse();
        assertThat(headers.framing()).isEqualTo(INVALID);
        assertThat(read("Content-Length: 5", "Content-Length: 0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", "CHUNKED", " chunked ", "gzip, chunked", "gzip,chunked",
            "deflate , gzip ,\tchunked", "chunked,", "chunked, ,", ", chunked"})
    void finalChunkedCoding(String value) {
        assertThat(read("Transfer-Encoding:" + value)).isTrue();
        assertThat(headers.framing()).isEqualTo(CHUNKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "gzip", "chunked, gzip", "xchunked", "chunkedx", "chun ked", "chunked;x=1",
            "x-chunked", "chunked gzip"})
    void finalCodingOtherThanChunked(String value) {
        assertThat(read("Transfer-Encoding:" + value)).isTrue();
        assertThat(headers.framing()).isEqualTo(UNCHUNKED_CODING);
    }

    @Test
    void transferEncodingLinesFormOneList() {
        read("Transfer-Encoding: gzip", "Transfer-Encoding: chunked");
        assertThat(headers.framing()).isEqualTo(CHUNKED);
        read("Transfer-Encoding: chunked", "TRANSFER-ENCODING: gzip");
        assertThat(headers.framing()).isEqualTo(UNCHUNKED_CODING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "gzip", "gzip, chunked", ""})
    void contentLengthWithTransferEncodingIsInvalidEitherWay(String coding) {
        assertThat(read("Content-Length: 5", "Transfer-Encoding: " + coding)).isTrue();
        assertThat(headers.framing()).isEqualTo(INVALID);
        assertThat(read("transfer-encoding: " + coding, "Host: a", "content-length: 0")).isTrue();
        assertThat(headers.framing()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "close|true|false",
            "CLOSE|true|false",
            "Close|true|false",
            "keep-alive|false|true",
            "Keep-Alive|false|true",
            "Upgrade, close|true|false",
            "close, Upgrade|true|false",
            "keep-alive, CLOSE|true|true",
            "' ,, close ,\t'|true|false",
            "TE,Keep-Alive,Upgrade|false|true",
            "closed|false|false",
            "x-close|false|false",
            "close-later|false|false",
            "clo se|false|false",
            "keep-alive-x|false|false",
            "keepalive|false|false",
            "Upgrade|false|false",
            "''|false|false",
    })
    void connectionTokens(String value, boolean close, boolean keepAlive) {
        assertThat(read("Connection: " + value)).isTrue();
        assertThat(headers.close()).as("close").isEqualTo(close);
        assertThat(headers.keepAlive()).as("keep-alive").isEqualTo(keepAlive);
        assertThat(headers.framing()).isEqualTo(NO_FRAMING);
    }

    @Test
    void connectionLinesAddUp() {
        read("Connection: Upgrade", "Connection: close", "Connection: x");
        assertThat(headers.close()).isTrue();
    }

    @Test
    void valuesMayBeLongerThanAnyBuffer() {
        String longToken = "x".repeat(500);
        read("Connection: " + longToken + ", close", "Transfer-Encoding: " + longToken + ", chunked");
        assertThat(headers.close()).isTrue();
        assertThat(headers.framing()).isEqualTo(CHUNKED);
        read("Connection: " + longToken + "close");
        assertThat(headers.close()).isFalse();
    }

    @Test
    void clearForgetsTheMessage() {
        read("Content-Length: 5", "Transfer-Encoding: chunked", "Connection: close, keep-alive");
        headers.clear();
        assertThat(headers.framing()).isEqualTo(NO_FRAMING);
        assertThat(headers.close()).isFalse();
        assertThat(headers.keepAlive()).isFalse();
        assertThat(read("Content-Length: 7")).isTrue(); // the earlier 5 is forgotten, so no conflict
        assertThat(headers.contentLength()).isEqualTo(7);
    }

    @Test
    void headsReadElsewhereAreInterpretedAlike() {
        headers.set(-1, false, true);
        assertThat(headers.framing()).isEqualTo(NO_FRAMING);
        assertThat(headers.keepAlive()).isTrue();
        headers.set(0, true, false);
        assertThat(headers.framing()).isEqualTo(LENGTH);
        assertThat(headers.contentLength()).isZero();
        assertThat(headers.close()).isTrue();
    }
}
