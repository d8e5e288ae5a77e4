package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkedBodyTest {

    /** Follows every body: it must be left unread. */
    private static final String NEXT = "HTTP/1.1 200 OK\r\n";

    private final ChunkedBody body = new ChunkedBody();

    /** Where parsing stopped, or -1 if the input ran out first; cut up at {@code cuts}. */
    private long parse(String text, int... cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment segment = MemorySegment.ofArray(bytes);
        body.start();
        long i = 0;
        for (int k = 0; k <= cuts.length; k++) {
            long to = k < cuts.length ? cuts[k] : bytes.length;
            while (i < to) {
                i = body.parse(segment, i, to);
                if (body.done() || body.failed()) {
                    return i;
                }
            }
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0\r\n\r\n",
            "5\r\nhello\r\n0\r\n\r\n",
            "a\r\n0123456789\r\nA\r\n0123456789\r\n0\r\n\r\n",
            "00000000000000a\r\n0123456789\r\n0\r\n\r\n", // 15 digits: the most a size may have
            "5;name=value\r\nhello\r\n5 ;x\r\nhello\r\n5\t;y=\"q\"\r\nhello\r\n0;last\r\n\r\n",
            "5\r\nhello\r\n0\r\nExpires: never\r\nX: y\r\n\r\n",
            "5\nhello\n0\nX: y\n\n",
            "4\r\n\r\n\r\n\r\n0\r\n\r\n", // data that looks like framing
    })
    void wellFormedBodiesEndExactlyAtTheirLastLineEnding(String chunked) {
        String input = chunked + NEXT;
        assertThat(parse(input)).isEqualTo(chunked.length());
        assertThat(body.done()).isTrue();
        for (int cut = 1; cut < input.length(); cut++) {
            assertThat(parse(input, cut)).as("split at %d", cut).isEqualTo(chunked.length());
            assertThat(body.done()).isTrue();
        }
        assertThat(parse(input, Splits.everyByte(input))).isEqualTo(chunked.length());
    }

    @Test
    void hexSizesInEitherCase() {
        String data = "x".repeat(0xfF);
        String chunked = "fF\r\n" + data + "\r\nFf\r\n" + data + "\r\n0\r\n\r\n";
        assertThat(parse(chunked + NEXT)).isEqualTo(chunked.length());
    }

    @Test
    void largeChunksAreSkippedAcrossBuffers() {
        String chunked = "30000\r\n" + "x".repeat(0x30000) + "\r\n0\r\n\r\n";
        assertThat(parse(chunked + NEXT, 3, 10, 50_000, 100_000, 0x30000 + 7, 0x30000 + 8)).isEqualTo(chunked.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "zz\r\n",
            "\r\n",
            ";ext\r\n",
            "0x5\r\nhello\r\n0\r\n\r\n",
            "-5\r\n",
            "0000000000000005\r\nhello\r\n0\r\n\r\n", // 16 digits, though otherwise complete
            "5\rX",
            "5\r\nhelloX\r\n",
            "5\r\nhello\rX\n",
            "5\r\nhello\r\n0\r\n\rX",
            "5\r\nhello\r\n0\r\nX: y\r\n\r\r",
    })
    void badFramingFails(String chunked) {
        for (int cut = 1; cut < chunked.length(); cut++) {
            assertThat(parse(chunked + NEXT, cut)).as("split at %d", cut).isPositive();
            assertThat(body.failed()).as("split at %d", cut).isTrue();
            assertThat(body.done()).isFalse();
            assertThat(body.trailersTooLarge()).isFalse();
        }
    }

    @Test
    void trailerSectionIsBoundedLikeAHead() {
        String last = "0\r\n";
        String start = "X: ";
        String end = "\r\n\r\n";
        String fits = start + "a".repeat(FramingHeaders.MAX_HEAD_BYTES - start.length() - end.length()) + end;
        assertThat(fits).hasSize(FramingHeaders.MAX_HEAD_BYTES);
        assertThat(parse(last + fits + NEXT)).isEqualTo(last.length() + fits.length());
        assertThat(body.done()).isTrue();

        String over = start + "a" + fits.substring(start.length());
        assertThat(parse(last + over + NEXT, 100)).isPositive();
        assertThat(body.failed()).isTrue();
        assertThat(body.trailersTooLarge()).isTrue();
    }

    @Test
    void startForgetsTheLastBody() {
        parse("zz\r\n");
        assertThat(body.failed()).isTrue();
        assertThat(parse("3\r\nabc\r\n0\r\n\r\n")).isEqualTo(13);
        assertThat(body.done()).isTrue();
        assertThat(parse("3\r\nab")).isEqualTo(-1);
        assertThat(body.done() || body.failed()).isFalse();
    }
}
