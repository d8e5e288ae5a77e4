package dev.ringload.engine.http;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link ResponseParser} (with {@link ChunkedBody} and {@link RepeatedResponse} as the engines use them).
 * Each input is framed four ways: whole, whole without a {@link RepeatedResponse}, cut in two at a point derived
 * from the input, and one byte per call. Every call gets a native segment exactly as large as its piece, so a read
 * past the bytes given fails the run. Plain test runs replay the corpus under
 * {@code src/test/resources/.../ResponseParserFuzzTestInputs}; {@code scripts/fuzz.sh} fuzzes.
 */
class ResponseParserFuzzTest {

    /** One framed response: where it ended in the input, its status, whether it closes the connection. */
    record Framed(long end, int status, boolean closes) {
    }

    /** What a parser made of an input: the responses it framed, whether it failed, whether one ran until close. */
    record Outcome(List<Framed> framed, boolean failed, boolean endedAtClose) {
    }

    @FuzzTest
    void framingDoesNotDependOnWhereTheInputIsCut(byte[] input) {
        if (input.length == 0) {
            return;
        }
        // Derived from the bytes, so the corpus stays plain HTTP and every mutation tries another cut.
        int sum = 0;
        for (byte b : input) {
            sum += b & 0xff;
        }
        boolean head = (sum & 0x100) != 0;
        int cut = input.length < 2 ? 0 : 1 + sum % (input.length - 1);

        Outcome whole = frame(new ResponseParser(), input, head, 0);
        Outcome uncached = frame(new ResponseParser(null), input, head, 0);
        Outcome split = frame(new ResponseParser(), input, head, cut);
        Outcome bytewise = frame(new ResponseParser(), input, head, -1);

        // A remembered response frames exactly as a parse of the same bytes would.
        assertThat(whole).isEqualTo(uncached);
        // The whole-head fast path skips checks on header names that cannot change framing, which the byte-wise
        // path makes; a head split across calls goes byte-wise. So a cut may fail an input that the whole parse
        // accepts, never the other way round, and up to the failure both frame the same responses.
        assertAgrees(split, whole);
        assertAgrees(bytewise, split);
    }

    /** {@code stricter} frames a prefix of what {@code laxer} frames, failing where the two differ. */
    private static void assertAgrees(Outcome stricter, Outcome laxer) {
        if (!stricter.failed()) {
            assertThat(stricter).isEqualTo(laxer);
            return;
        }
        int n = stricter.framed().size();
        assertThat(laxer.framed().size()).isGreaterThanOrEqualTo(n);
        assertThat(laxer.framed().subList(0, n)).isEqualTo(stricter.framed());
    }

    /**
     * Feeds {@code input} to {@code parser}: whole ({@code cut == 0}), in two pieces ({@code cut > 0}) or one byte
     * per call ({@code cut < 0}).
     */
    private static Outcome frame(ResponseParser parser, byte[] input, boolean head, int cut) {
        parser.expectNoBody(head);
        List<Framed> framed = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            int from = 0;
            while (from < input.length && !parser.failed()) {
                int to = cut == 0 ? input.length : cut > 0 ? (from < cut ? cut : input.length) : from + 1;
                MemorySegment piece = arena.allocate(to - from);
                MemorySegment.copy(MemorySegment.ofArray(input), from, piece, 0, to - from);
                long offset = 0;
                long end = to - from;
                while (offset < end && !parser.failed()) {
                    long next = parser.parse(piece, offset, end);
                    // Progress on every call, and never past the piece: the caller's loop ends.
                    assertThat(next).isGreaterThan(offset).isLessThanOrEqualTo(end);
                    offset = next;
                    if (parser.complete()) {
                        assertThat(parser.status()).isBetween(0, 999);
                        framed.add(new Framed(from + offset, parser.status(), parser.closes()));
                    }
                }
                from = to;
            }
        }
        boolean failed = parser.failed();
        boolean endedAtClose = !failed && parser.finishAtClose();
        if (endedAtClose) {
            assertThat(parser.complete()).isTrue();
            assertThat(parser.closes()).isTrue();
        }
        return new Outcome(framed, failed, endedAtClose);
    }
}
