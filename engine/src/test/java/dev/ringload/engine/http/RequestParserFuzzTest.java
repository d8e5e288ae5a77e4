package dev.ringload.engine.http;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link RequestParser} (with {@link ChunkedBody}), the framer of the built-in server. Each input is framed
 * whole, cut in two at a point derived from the input, and one byte per call, each call on a native segment exactly
 * as large as its piece; the three must agree, since the parser's fast path is meant to accept exactly what its
 * state machine accepts (HEAD requests included, which the server answers without a body). Plain test runs replay
 * the corpus; {@code scripts/fuzz.sh} fuzzes.
 */
class RequestParserFuzzTest {

    /**
     * Requests completed in all, the error status (0: none), whether the parser stopped reading, and the numbers of
     * the completed requests that were HEADs.
     */
    record Outcome(int completed, int error, boolean stopped, List<Long> heads) {
    }

    @FuzzTest
    void framingDoesNotDependOnWhereTheInputIsCut(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int sum = 0;
        for (byte b : input) {
            sum += b & 0xff;
        }
        int cut = input.length < 2 ? 0 : 1 + sum % (input.length - 1);

        Outcome whole = frame(input, 0);
        assertThat(frame(input, cut)).isEqualTo(whole);
        assertThat(frame(input, -1)).isEqualTo(whole);
        assertThat(whole.error()).isIn(0, 400, 431);
        if (whole.error() != 0) {
            assertThat(whole.stopped()).isTrue();
        }
        assertThat(whole.heads()).allMatch(n -> n >= 0 && n < whole.completed());
    }

    /** Whole ({@code cut == 0}), in two pieces ({@code cut > 0}) or one byte per call ({@code cut < 0}). */
    private static Outcome frame(byte[] input, int cut) {
        RequestParser parser = new RequestParser();
        int completed = 0;
        try (Arena arena = Arena.ofConfined()) {
            int from = 0;
            while (from < input.length && !parser.stopped()) {
                int to = cut == 0 ? input.length : cut > 0 ? (from < cut ? cut : input.length) : from + 1;
                MemorySegment piece = arena.allocate(to - from);
                MemorySegment.copy(MemorySegment.ofArray(input), from, piece, 0, to - from);
                parser.parse(piece, 0, to - from);
                assertThat(parser.completed()).isBetween(0, to - from);
                if (parser.closeAfterLast()) {
                    assertThat(parser.completed()).isPositive();
                    assertThat(parser.stopped()).isTrue();
                }
                completed += parser.completed();
                from = to;
            }
        }
        List<Long> heads = new ArrayList<>();
        for (long n = parser.nextHeadFrom(0); n != Long.MAX_VALUE; n = parser.nextHeadFrom(n + 1)) {
            heads.add(n);
        }
        return new Outcome(completed, parser.error(), parser.stopped(), heads);
    }
}
