package dev.ringload.engine.mix;

import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One request of a mix rendered on its own, with values chosen by the test. */
class RequestShapeTest {

    private static final Target ENDPOINT = Target.parse("http://127.0.0.1:8083/");

    /** {seq} and {rand} (its upper bound) from the test; {conn} 3, {thread} 2. */
    private static final class Values implements PlaceholderValues {
        final long seq;

        Values(long seq) {
            this.seq = seq;
        }

        @Override
        public long value(Placeholders.Kind kind, long low, long high) {
            return switch (kind) {
                case SEQ -> seq;
                case RAND -> high;
                case CONN -> 3;
                case THREAD -> 2;
            };
        }

        @Override
        public int write(Placeholders.Kind kind, long low, long high, byte[] out, int at) {
            return Decimal.write(out, at, value(kind, low, high));
        }

        @Override
        public int seqDigits() {
            return Decimal.digits(seq);
        }
    }

    private static RequestShape shape(String method, String url, String body, int weight) {
        RequestSpec spec = new RequestSpec(method, url, List.of(), body.getBytes(StandardCharsets.US_ASCII), weight,
                "t:1", null);
        return RequestMix.compile(List.of(spec), ENDPOINT, RequestMix.Pick.ROUND_ROBIN).shapes().getFirst();
    }

    private static String render(RequestShape shape, long seq) {
        byte[] out = new byte[shape.maxLength() + 10];
        int end = shape.render(out, 5, new Values(seq), new long[shape.cuts.length]);
        assertThat(end - 5).as("within maxLength").isLessThanOrEqualTo(shape.maxLength());
        return new String(out, 5, end - 5, StandardCharsets.US_ASCII);
    }

    @Test
    void aBodyThatIsOnlySeqGetsItsLengthFromTheDigits() {
        RequestShape shape = shape("POST", "http://h/items", "{seq}", 1);
        assertThat(shape.seqOnly()).as("a Content-Length to fill").isFalse();
        for (long seq : new long[] {7, 12345, Long.MAX_VALUE}) {
            String digits = Long.toString(seq);
            assertThat(render(shape, seq)).isEqualTo("POST /items HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n"
                    + "Content-Length: " + digits.length() + "\r\n\r\n" + digits);
        }
    }

    @Test
    void aBodyStartingWithSeqCountsItsDigitsAndTheRest() {
        RequestShape shape = shape("PUT", "http://h/u/{seq}", "{seq},{rand:1:99}", 1);
        assertThat(render(shape, 123)).isEqualTo("PUT /u/123 HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n"
                + "Content-Length: 6\r\n\r\n123,99");
    }

    @Test
    void aLoneRandIsNotTakenForSeq() {
        RequestShape shape = shape("GET", "http://h/r/{rand:40:41}", "", 1);
        assertThat(shape.seqOnly()).isFalse();
        assertThat(shape.fixed()).isFalse();
        assertThat(render(shape, 5)).isEqualTo("GET /r/41 HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n\r\n");
        RequestShape seq = shape("GET", "http://h/s/{seq}", "", 1);
        assertThat(seq.seqOnly()).isTrue();
        assertThat(render(seq, 99)).isEqualTo("GET /s/99 HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n\r\n");
    }

    /** maxLength bounds a request whose every value, and its Content-Length, has the most digits. */
    @Test
    void maxLengthHoldsTheLongestValues() {
        long max = Long.MAX_VALUE;
        RequestShape shape = shape("POST", "http://h/{seq}",
                "{rand:" + max + ":" + max + "}" + "x".repeat(200), 1);
        String request = render(shape, max);
        assertThat(request).endsWith("\r\nContent-Length: 219\r\n\r\n" + max + "x".repeat(200));
        RequestShape fixedLength = shape("POST", "http://h/{seq}", "{}", 1);
        assertThat(render(fixedLength, max)).endsWith("Content-Length: 2\r\n\r\n{}");
    }

    @Test
    void reportsNameTheRequestAsWritten() {
        RequestShape shape = shape("HEAD", "http://h/a/{seq}?x=1", "", 4);
        assertThat(shape.label()).isEqualTo("HEAD /a/{seq}?x=1");
        assertThat(shape.head()).isTrue();
        assertThat(shape.weight()).isEqualTo(4);
        assertThat(new String(shape.bytesForReport(), StandardCharsets.US_ASCII))
                .isEqualTo("HEAD /a/?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n\r\n");
        assertThat(shape("GET", "http://h/", "", 1).head()).isFalse();
    }
}
