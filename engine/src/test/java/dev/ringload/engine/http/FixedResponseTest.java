package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedResponseTest {

    private static String text(FixedResponse response) {
        return new String(response.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void aResponseIsEncodedWithItsDateSlotAndLength() {
        FixedResponse response = FixedResponse.of(200, "text/plain", "hello".getBytes(StandardCharsets.US_ASCII),
                false);
        String date = new String(HttpDate.format(0), StandardCharsets.US_ASCII);
        assertThat(text(response)).isEqualTo("HTTP/1.1 200 OK\r\nServer: ringload\r\nDate: " + date + "\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello");
        assertThat(response.length()).isEqualTo(response.bytes().length);
        assertThat(text(response).substring(response.dateOffset(), response.dateOffset() + HttpDate.LENGTH))
                .isEqualTo(date);
    }

    @Test
    void theAnswerToAHeadIsTheSameHeadWithoutTheBody() {
        byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
        for (boolean close : new boolean[] {false, true}) {
            FixedResponse get = FixedResponse.of(200, "text/plain", body, close);
            FixedResponse head = FixedResponse.toHead(200, "text/plain", body, close);
            assertThat(text(head)).isEqualTo(text(get).substring(0, get.length() - body.length))
                    .contains("Content-Length: 5").endsWith("\r\n\r\n");
            assertThat(head.dateOffset()).isEqualTo(get.dateOffset());
        }
    }

    @Test
    void closeAndNoContentTypeAreHonoured() {
        String text = text(FixedResponse.of(404, null, new byte[3], true));
        assertThat(text).contains("\r\nConnection: close\r\n\r\n").doesNotContain("Content-Type").contains("Content-Length: 3");
        assertThat(text(FixedResponse.of(404, "", new byte[0], false))).doesNotContain("Content-Type");
    }

    @Test
    void bodilessStatusesHaveNeitherBodyNorLength() {
        for (int status : new int[] {204, 304}) {
            String text = text(FixedResponse.of(status, "text/plain", new byte[] {'x'}, false));
            assertThat(text).doesNotContain("Content-Length").endsWith("keep-alive\r\n\r\n");
        }
        assertThat(text(FixedResponse.of(205, null, new byte[] {'x'}, false))).contains("Content-Length: 1").endsWith("x");
    }

    /** What the server sends, the client's parser frames as one response with that status. */
    @Test
    void theResponseParserFramesEveryEncodedResponse() {
        for (int status : new int[] {200, 204, 304, 404, 503}) {
            for (boolean close : new boolean[] {false, true}) {
                FixedResponse response = FixedResponse.of(status, "a/b", new byte[7], close);
                ResponseParser parser = new ResponseParser(null);
                long end = parser.parse(MemorySegment.ofArray(response.bytes()), 0, response.length());
                assertThat(end).isEqualTo(response.length());
                assertThat(parser.complete()).isTrue();
                assertThat(parser.status()).isEqualTo(status);
                assertThat(parser.closes()).isEqualTo(close);
            }
        }
    }

    @Test
    void reasonPhrases() {
        int[] codes = {200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 429, 431, 500, 502, 503, 504};
        String[] reasons = {"OK", "Created", "Accepted", "No Content", "Moved Permanently", "Found", "Not Modified",
                "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Too Many Requests",
                "Request Header Fields Too Large", "Internal Server Error", "Bad Gateway", "Service Unavailable",
                "Gateway Timeout"};
        for (int k = 0; k < codes.length; k++) {
            assertThat(FixedResponse.reason(codes[k])).as("reason of %d", codes[k]).isEqualTo(reasons[k]);
        }
        assertThat(Arrays.stream(new int[] {100, 199, 299, 399, 499, 599}).mapToObj(FixedResponse::reason))
                .containsExactly("Informational", "Informational", "Success", "Redirection", "Client Error",
                        "Server Error");
        assertThat(FixedResponse.reason(200 - 1)).isEqualTo("Informational");
        assertThat(FixedResponse.reason(300)).isEqualTo("Redirection");
        assertThat(FixedResponse.reason(400 + 5)).isEqualTo("Client Error");
        assertThat(FixedResponse.reason(500 + 5)).isEqualTo("Server Error");
        assertThat(FixedResponse.reason(203)).isEqualTo("Success");
    }

    @Test
    void datesAreImfFixdates() {
        assertThat(new String(HttpDate.format(1_795_830_259L), StandardCharsets.US_ASCII))
                .isEqualTo("Sat, 28 Nov 2026 01:44:19 GMT");
        assertThat(HttpDate.format(0)).hasSize(HttpDate.LENGTH);
        // Year 10000 takes five digits: the fixed-length slot cannot hold it.
        assertThatThrownBy(() -> HttpDate.format(253_402_300_800L)).isInstanceOf(IllegalStateException.class);
    }
}
