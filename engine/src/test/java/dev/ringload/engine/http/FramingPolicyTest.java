package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framing policy {@link RequestParser} and {@link ResponseParser} share through {@link FramingHeaders}: each
 * case runs on both sides, on the whole input and on the input split at every byte.
 */
class FramingPolicyTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    private static final String CHUNKS = "5\r\nhello\r\n0\r\n\r\n";

    /** What a request parser made of some input. */
    record Requests(int completed, boolean closeAfterLast, int error) {
    }

    /** What a response parser made of some input: the statuses and close flags completed, and whether it failed. */
    record Responses(List<String> done, boolean failed, boolean untilClose) {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Requests framed from {@code input} cut into pieces at {@code cuts}. */
    private static Requests requests(String input, int... cuts) {
        RequestParser parser = new RequestParser();
        MemorySegment segment = MemorySegment.ofArray(bytes(input));
        int completed = 0;
        boolean closeAfterLast = false;
        int from = 0;
        for (int k = 0; k <= cuts.length; k++) {
            int to = k < cuts.length ? cuts[k] : input.length();
            parser.parse(segment, from, to - from);
            completed += parser.completed();
            if (parser.completed() > 0) {
                closeAfterLast = parser.closeAfterLast();
            }
            from = to;
        }
        return new Requests(completed, closeAfterLast, parser.error());
    }

    private static Responses responses(String input, int... cuts) {
        return responses(new ResponseParser(), input, cuts);
    }

    private static Responses responses(ResponseParser parser, String input, int... cuts) {
        MemorySegment segment = MemorySegment.ofArray(bytes(input));
        List<String> done = new ArrayList<>();
        long i = 0;
        for (int k = 0; k <= cuts.length; k++) {
            long to = k < cuts.length ? cuts[k] : input.length();
            while (i < to && !parser.failed()) {
                i = parser.parse(segment, i, to);
                if (parser.complete()) {
                    done.add(parser.status() + (parser.closes() ? " closes" : ""));
                }
            }
            i = Math.max(i, to);
        }
        boolean untilClose = !parser.failed() && parser.finishAtClose();
        return new Responses(done, parser.failed(), untilClose);
    }

    /** The same outcome whole, split once at every byte, and byte by byte. */
    private static Requests requestsEverySplit(String input) {
        Requests whole = requests(input);
        for (int cut = 1; cut < input.length(); cut++) {
            assertThat(requests(input, cut)).as("split at %d of %s", cut, input).isEqualTo(whole);
        }
        assertThat(requests(input, Splits.everyByte(input))).as("byte by byte: %s", input).isEqualTo(whole);
        return whole;
    }

    private static Responses responsesEverySplit(String input) {
        Responses whole = responses(input);
        for (int cut = 1; cut < input.length(); cut++) {
            assertThat(responses(input, cut)).as("split at %d of %s", cut, input).isEqualTo(whole);
        }
        assertThat(responses(input, Splits.everyByte(input))).as("byte by byte: %s", input).isEqualTo(whole);
        return whole;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Length: 16\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 16\r\n",
            "transfer-encoding: CHUNKED\r\nX: y\r\ncontent-length: 0\r\n",
            "Content-Length: 16\r\nTransfer-Encoding: gzip, chunked\r\n",
            "Content-Length: 16\r\nContent-Length: 16\r\nTransfer-Encoding: chunked\r\n",
            "Content-Length: 16\r\nTransfer-Encoding: gzip\r\n",
    })
    void contentLengthWithTransferEncodingIsRejectedOnBothSides(String framing) {
        String request = "POST / HTTP/1.1\r\nHost: a\r\n" + framing + "\r\n" + CHUNKS;
        Requests requests = requestsEverySplit(GET + request + GET);
        assertThat(requests).isEqualTo(new Requests(1, false, 400));

        Responses responses = responsesEverySplit(OK + "HTTP/1.1 200 OK\r\n" + framing + "\r\n" + CHUNKS + OK);
        assertThat(responses).isEqualTo(new Responses(List.of("200"), true, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"204 No Content", "304 Not Modified", "100 Continue", "200 OK"})
    void contentLengthWithTransferEncodingFailsAResponseWhateverItsStatus(String status) {
        String response = "HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n" + OK;
        assertThat(responsesEverySplit(response).failed()).isTrue();
        ResponseParser head = new ResponseParser();
        head.expectNoBody(true);
        assertThat(responses(head, response).failed()).isTrue();
    }

    @Test
    void equalRepeatedContentLengthsAreAcceptedOnBothSides() {
        String twice = "Content-Length: 3\r\ncontent-length:3 \r\n";
        assertThat(requestsEverySplit("POST / HTTP/1.1\r\n" + twice + "\r\nabc" + GET))
                .isEqualTo(new Requests(2, false, 0));
        assertThat(responsesEverySplit("HTTP/1.1 200 OK\r\n" + twice + "\r\nabc" + OK))
                .isEqualTo(new Responses(List.of("200", "200"), false, false));
    }

    @Test
    void differingRepeatedContentLengthsAreRejectedOnBothSides() {
        String twice = "Content-Length: 3\r\nContent-Length: 4\r\n";
        assertThat(requestsEverySplit(GET + "POST / HTTP/1.1\r\n" + twice + "\r\nabcd" + GET))
                .isEqualTo(new Requests(1, false, 400));
        assertThat(responsesEverySplit(OK + "HTTP/1.1 200 OK\r\n" + twice + "\r\nabcd" + OK))
                .isEqualTo(new Responses(List.of("200"), true, false));
    }

    @Test
    void contentLengthOverEighteenDigitsIsRejectedOnBothSides() {
        String tooLong = "Content-Length: 1000000000000000000\r\n";
        assertThat(requestsEverySplit("POST / HTTP/1.1\r\n" + tooLong + "\r\n" + GET))
                .isEqualTo(new Requests(0, false, 400));
        assertThat(responsesEverySplit("HTTP/1.1 200 OK\r\n" + tooLong + "\r\n" + OK))
                .isEqualTo(new Responses(List.of(), true, false));

        // Eighteen digits are a (large) length: the next request or response is inside the body.
        String longest = "Content-Length: 999999999999999999\r\n";
        assertThat(requests("POST / HTTP/1.1\r\n" + longest + "\r\n" + GET)).isEqualTo(new Requests(0, false, 0));
        assertThat(responses("HTTP/1.1 200 OK\r\n" + longest + "\r\n" + OK))
                .isEqualTo(new Responses(List.of(), false, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "close|true",
            "CLOSE|true",
            "Upgrade, Close|true",
            "keep-alive, close|true",
            "' ,close , '|true",
            "keep-alive|false",
            "closed|false",
            "x-close|false",
            "Upgrade|false",
    })
    void connectionTokensOnBothSides(String value, boolean closes) {
        Requests requests = requestsEverySplit("GET / HTTP/1.1\r\nConnection: " + value + "\r\n\r\n");
        assertThat(requests).isEqualTo(new Requests(1, closes, 0));
        Responses responses = responsesEverySplit("HTTP/1.1 200 OK\r\nConnection: " + value + "\r\n"
                + "Content-Length: 2\r\n\r\nok");
        assertThat(responses.done()).containsExactly(closes ? "200 closes" : "200");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keep-alive|false",
            "Keep-Alive|false",
            "Upgrade, KEEP-ALIVE|false",
            "keep-alive-x|true",
            "x-keep-alive|true",
            "keep-alive, close|true",
    })
    void http10KeepAliveTokensOnBothSides(String value, boolean closes) {
        Requests requests = requestsEverySplit("GET / HTTP/1.0\r\nConnection: " + value + "\r\n\r\n");
        assertThat(requests).isEqualTo(new Requests(1, closes, 0));
        Responses responses = responsesEverySplit("HTTP/1.0 200 OK\r\nConnection: " + value + "\r\n"
                + "Content-Length: 2\r\n\r\nok");
        assertThat(responses.done()).containsExactly(closes ? "200 closes" : "200");
    }

    @Test
    void finalCodingOtherThanChunkedIs400ForRequestsAndUntilCloseForResponses() {
        assertThat(requestsEverySplit("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\nabc"))
                .isEqualTo(new Requests(0, false, 400));
        assertThat(responsesEverySplit("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nabc"))
                .isEqualTo(new Responses(List.of(), false, true));
    }

    @Test
    void transferEncodingLinesAreOneListOnBothSides() {
        String lines = "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n";
        assertThat(requestsEverySplit("POST / HTTP/1.1\r\n" + lines + "\r\n" + CHUNKS + GET))
                .isEqualTo(new Requests(2, false, 0));
        assertThat(responsesEverySplit("HTTP/1.1 200 OK\r\n" + lines + "\r\n" + CHUNKS + OK))
                .isEqualTo(new Responses(List.of("200", "200"), false, false));
    }

    @Test
    void oversizedTrailersAre431ForRequestsAndFailResponses() {
        String trailers = "0\r\nX: " + "a".repeat(FramingHeaders.MAX_HEAD_BYTES) + "\r\n\r\n";
        Requests requests = requests("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + trailers + GET);
        assertThat(requests).isEqualTo(new Requests(0, false, 431));
        Responses responses = responses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + trailers + OK);
        assertThat(responses).isEqualTo(new Responses(List.of(), true, false));
    }

    @Test
    void bothParsersNameTheHeadLimitAlike() {
        assertThat(RequestParser.MAX_HEAD_BYTES).isEqualTo(ResponseParser.MAX_HEAD_BYTES).isEqualTo(64 * 1024);
    }
}
