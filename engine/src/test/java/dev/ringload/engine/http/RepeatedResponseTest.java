package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response equal to the last one is framed by comparison, and nothing else is: a response that differs anywhere,
 * one that arrives split, or one expected without a body goes through the parser and is framed as it says.
 */
class RepeatedResponseTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nDate: Mon, 30 Nov 2026 10:00:00 GMT\r\nContent-Length: 5\r\n\r\nhello";
    private static final String OK_NEXT_SECOND = OK.replace("10:00:00", "10:00:01");
    private static final String LONGER = "HTTP/1.1 200 OK\r\nDate: Mon, 30 Nov 2026 10:00:00 GMT\r\nContent-Length: 6\r\n\r\nhello!";
    private static final String CLOSES = "HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno";

    record Framed(int status, boolean closes, long end) {
    }

    private static List<Framed> frame(ResponseParser parser, String input, int... cuts) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment segment = MemorySegment.ofArray(bytes);
        List<Framed> out = new ArrayList<>();
        long from = 0;
        for (int k = 0; k <= cuts.length; k++) {
            long to = k < cuts.length ? cuts[k] : bytes.length;
            long i = from;
            while (i < to && !parser.failed()) {
                i = parser.parse(segment, i, to);
                if (parser.complete()) {
                    out.add(new Framed(parser.status(), parser.closes(), i));
                }
            }
            from = to;
        }
        return out;
    }

    @Test
    void aRunOfIdenticalResponsesIsFramedByComparison() {
        RepeatedResponse repeated = new RepeatedResponse();
        ResponseParser parser = new ResponseParser(repeated);
        List<Framed> framed = frame(parser, OK.repeat(5));
        assertThat(framed).extracting(Framed::end).containsExactly(
                (long) OK.length(), 2L * OK.length(), 3L * OK.length(), 4L * OK.length(), 5L * OK.length());
        assertThat(framed).allMatch(f -> f.status() == 200 && !f.closes());
        assertThat(repeated.hits()).as("the first is parsed, the four after it compared").isEqualTo(4);
    }

    @Test
    void anyDifferenceIsParsedAndFramedAsItSays() {
        RepeatedResponse repeated = new RepeatedResponse();
        ResponseParser parser = new ResponseParser(repeated);
        String input = OK + OK + LONGER + LONGER + OK_NEXT_SECOND + CLOSES + CLOSES;
        List<Framed> framed = frame(parser, input);
        long a = OK.length();
        long b = LONGER.length();
        long c = OK_NEXT_SECOND.length();
        long d = CLOSES.length();
        assertThat(framed).containsExactly(new Framed(200, false, a), new Framed(200, false, 2 * a),
                new Framed(200, false, 2 * a + b), new Framed(200, false, 2 * a + 2 * b),
                new Framed(200, false, 2 * a + 2 * b + c), new Framed(503, true, 2 * a + 2 * b + c + d),
                new Framed(503, true, 2 * a + 2 * b + c + 2 * d));
        assertThat(repeated.hits()).as("the second OK, the second LONGER, the second CLOSES").isEqualTo(3);
    }

    @Test
    void aResponseDifferingInAnyOneByteIsNotTakenForTheRememberedOne() {
        // Compared eight bytes at a time plus the last eight: every position, first word to the tail, must count.
        byte[] ok = LONGER.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ok.length % 8).as("a length that leaves a tail").isNotZero();
        for (int at = 0; at < ok.length; at++) {
            RepeatedResponse repeated = new RepeatedResponse();
            repeated.remember(MemorySegment.ofArray(ok), 0, ok.length, 200, false, false);
            byte[] other = ok.clone();
            other[at] ^= 0x20;
            assertThat(repeated.match(MemorySegment.ofArray(other), 0, other.length, false)).as("byte %d", at)
                    .isEqualTo(-1);
            assertThat(repeated.match(MemorySegment.ofArray(ok.clone()), 0, ok.length, false)).isEqualTo(ok.length);
        }
    }

    @Test
    void aResponseIsComparedWhereItStartsInTheBuffer() {
        byte[] ok = OK.getBytes(StandardCharsets.ISO_8859_1);
        RepeatedResponse repeated = new RepeatedResponse();
        repeated.remember(MemorySegment.ofArray(ok), 0, ok.length, 200, false, false);
        byte[] buffer = new byte[ok.length + 13];
        System.arraycopy(ok, 0, buffer, 5, ok.length);
        MemorySegment segment = MemorySegment.ofArray(buffer);
        assertThat(repeated.match(segment, 5, buffer.length, false)).isEqualTo(5 + ok.length);
        assertThat(repeated.match(segment, 4, buffer.length, false)).isEqualTo(-1);
        assertThat(repeated.match(segment, 5, 5 + ok.length - 1, false)).as("one byte short").isEqualTo(-1);
    }

    @Test
    void aResponseSplitAcrossReadsIsFramedTheSameAtEverySplit() {
        String input = OK + OK + OK;
        for (int cut = 1; cut < input.length(); cut++) {
            ResponseParser parser = new ResponseParser(new RepeatedResponse());
            assertThat(frame(parser, input, cut)).as("split at %d", cut).extracting(Framed::end)
                    .containsExactly((long) OK.length(), 2L * OK.length(), 3L * OK.length());
        }
    }

    @Test
    void aHeadResponseIsNotTakenForTheRememberedGetResponse() {
        // A head whose Content-Length is its own length: a GET response with it as its body reads, byte for byte,
        // as two answers to HEAD requests. Only the expected kind of response tells them apart.
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 39\r\n\r\n";
        assertThat(head).hasSize(39);
        RepeatedResponse repeated = new RepeatedResponse();
        ResponseParser parser = new ResponseParser(repeated);
        assertThat(frame(parser, head + head)).extracting(Framed::end).containsExactly(78L);
        parser.expectNoBody(true);
        assertThat(frame(parser, head + head)).extracting(Framed::end).containsExactly(39L, 78L);
        parser.expectNoBody(false);
        assertThat(frame(parser, head + head)).extracting(Framed::end).containsExactly(78L);
        assertThat(repeated.hits()).as("the last GET response, remembered from the first").isEqualTo(1);
    }

    @Test
    void responsesThatKeepDifferingStillFrameRight() {
        RepeatedResponse repeated = new RepeatedResponse();
        ResponseParser parser = new ResponseParser(repeated);
        StringBuilder input = new StringBuilder();
        List<Long> ends = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            String body = Integer.toString(n);
            input.append("HTTP/1.1 200 OK\r\nContent-Length: ").append(body.length()).append("\r\n\r\n").append(body);
            ends.add((long) input.length());
        }
        assertThat(frame(parser, input.toString())).extracting(Framed::end).containsExactlyElementsOf(ends);
        assertThat(repeated.hits()).isZero();
    }

    /** A response of exactly {@link RepeatedResponse#MAX_BYTES} is remembered; one byte more is always parsed. */
    @Test
    void onlyResponsesUpToTheLimitAreRemembered() {
        for (int extra = 0; extra <= 1; extra++) {
            String head = "HTTP/1.1 200 OK\r\nContent-Length: ";
            int bodyLength = RepeatedResponse.MAX_BYTES + extra - head.length() - "984\r\n\r\n".length();
            String response = head + bodyLength + "\r\n\r\n" + "b".repeat(bodyLength);
            assertThat(response).hasSize(RepeatedResponse.MAX_BYTES + extra);
            RepeatedResponse repeated = new RepeatedResponse();
            assertThat(frame(new ResponseParser(repeated), response.repeat(3))).hasSize(3);
            assertThat(repeated.hits()).as("hits at %d bytes", response.length()).isEqualTo(extra == 0 ? 2 : 0);
        }
    }

    /**
     * After eight differing responses in a row it neither compares nor remembers for 4096 responses; the last of
     * those is remembered again, so the ones after the rest hit.
     */
    @Test
    void aRunOfMissesRestsForAFixedNumberOfResponses() {
        RepeatedResponse repeated = new RepeatedResponse();
        ResponseParser parser = new ResponseParser(repeated);
        StringBuilder differing = new StringBuilder(OK);
        for (int k = 1; k <= 8; k++) {
            differing.append(OK.replace("10:00:00", "10:00:0" + k));
        }
        assertThat(frame(parser, differing.toString())).hasSize(9);
        assertThat(repeated.hits()).isZero();
        assertThat(frame(parser, LONGER.repeat(4096))).hasSize(4096);
        assertThat(repeated.hits()).as("resting").isZero();
        assertThat(frame(parser, LONGER.repeat(4))).hasSize(4);
        assertThat(repeated.hits()).isEqualTo(4);
    }
}
