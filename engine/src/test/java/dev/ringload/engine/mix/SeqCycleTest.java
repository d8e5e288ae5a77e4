package dev.ringload.engine.mix;

import dev.ringload.engine.load.RequestSlots;
import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SeqCycle} on its own: when it takes a mix, and {@code {seq}} from any value on, up to a long's 19 digits
 * (MixPlanTest drives it through a plan from 10000 to a million).
 */
class SeqCycleTest {

    private static final Target ENDPOINT = Target.parse("http://127.0.0.1:8083/");

    private static RequestShape[] shapes(String... urls) {
        List<RequestSpec> specs = new java.util.ArrayList<>();
        for (String url : urls) {
            specs.add(new RequestSpec("GET", url, List.of(), new byte[0], 1, "t:1", null));
        }
        return RequestMix.compile(specs, ENDPOINT, RequestMix.Pick.ROUND_ROBIN).shapes()
                .toArray(RequestShape[]::new);
    }

    @Test
    void itTakesCyclesOfFixedAndSeqOnlyRequestsAndNothingElse() {
        assertThat(SeqCycle.of(shapes("http://h/a/{seq}", "http://h/fixed"), new int[] {0, 1, 0}, 4, 1)).isNotNull();
        assertThat(SeqCycle.of(shapes("http://h/fixed"), new int[] {0}, 4, 1)).isNotNull();
        assertThat(SeqCycle.of(shapes("http://h/a/{seq}"), new int[0], 4, 1)).as("an empty cycle").isNull();
        assertThat(SeqCycle.of(shapes("http://h/a/{seq}", "http://h/r/{rand:1:9}"), new int[] {0, 1}, 4, 1))
                .as("another placeholder").isNull();
        assertThat(SeqCycle.of(shapes("http://h/a/{seq}/{seq}"), new int[] {0}, 4, 1)).as("two of them").isNull();
    }

    /**
     * The layouts' size is bounded before they are built: every position of the cycle plus the pipeline counted at
     * its longest (19 digits) in each of the 15 layouts, 5 to 19 digits. The deepest pipeline that fits is taken,
     * one more is not.
     */
    @Test
    void aCycleWhoseLayoutsWouldPassTheLimitIsLeftToTheGeneralPath() {
        RequestShape[] shapes = shapes("http://h/a/{seq}");
        long perPosition = shapes[0].bytes.length + Decimal.MAX_DIGITS;
        int layouts = Decimal.MAX_DIGITS - 4;
        int deepest = (int) (SeqCycle.MAX_BYTES / (layouts * perPosition)) - 1; // the cycle's 1 + deepest positions
        assertThat(SeqCycle.of(shapes, new int[] {0}, deepest, 1)).isNotNull();
        assertThat(SeqCycle.of(shapes, new int[] {0}, deepest + 1, 1)).isNull();
    }

    /**
     * From a value with a 14-digit high part, batches carry {seq} across 10^18 (a digit more, the last layout)
     * with every value in order, the fixed request between them untouched, and nothing written past the batch (the
     * area beyond it is another connection's). Started at 16 values, so the digit change falls at every place of a
     * batch. Both ways of keeping the high digits: all holes at each carry (a short layout), and each hole checked
     * when used (a layout too long for that).
     */
    @Test
    void seqRunsFromAnyValueUpToNineteenDigits() {
        for (int pipelining : new int[] {8, 400}) {
            for (int shift = 0; shift < 16; shift++) {
                renderInOrder(1_000_000_000_000_000_000L - (10L + shift) * 7 - 3, pipelining, shift);
            }
        }
    }

    /** A carry inside a batch without a digit more: the requests after it get the new high part, those before not. */
    @Test
    void aCarryWithinOneLayoutReachesOnlyTheRequestsAfterIt() {
        for (int pipelining : new int[] {8, 400}) {
            for (int shift = 0; shift < 16; shift++) {
                renderInOrder(12_345_670_000L - (10L + shift) * 7 - 3, pipelining, shift);
            }
        }
    }

    private static void renderInOrder(long value, int pipelining, int shift) {
        RequestShape[] shapes = shapes("http://h/a/{seq}", "http://h/fixed");
        int[] cycle = {0, 1, 0};
        int step = 7;
        Pattern request = Pattern.compile("GET (/a/(\\d+)|/fixed) HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:8083\r\n\r\n");
        MemorySegment area = Arena.ofAuto().allocate(64 * 1024);
        SeqCycle fast = SeqCycle.of(shapes, cycle, pipelining, step);
        assertThat(fast).isNotNull();
        assertThat(fast.writesHighsAtCarry()).isEqualTo(pipelining < 100);
        long start = value;
        fast.startAt(value);
        RequestSlots slots = new RequestSlots(pipelining);
        int position = 0;
        long first = 0;
        for (int batch = 0; batch < 8; batch++) {
            int count = batch % 2 == 0 ? pipelining : 5;
            area.fill((byte) 0x55);
            int length = fast.render(position, count, first, slots, area, 16);
            byte[] bytes = new byte[length];
            MemorySegment.copy(area, ValueLayout.JAVA_BYTE, 16, bytes, 0, length);
            byte[] after = new byte[2048];
            MemorySegment.copy(area, ValueLayout.JAVA_BYTE, 16 + length, after, 0, after.length);
            assertThat(after).as("shift %d batch %d: past the batch", shift, batch).containsOnly((byte) 0x55);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            Matcher m = request.matcher(text);
            int end = 0;
            for (int i = 0; i < count; i++) {
                assertThat(m.find(end)).as("shift %d: request %d of batch %d", shift, i, batch).isTrue();
                assertThat(m.start()).as("back to back").isEqualTo(end);
                end = m.end();
                int t = cycle[(position + i) % cycle.length];
                assertThat(slots.target(first + i)).isEqualTo(t);
                if (t == 0) {
                    assertThat(m.group(2)).as("shift %d batch %d request %d", shift, batch, i)
                            .isEqualTo(Long.toString(value));
                    value += step;
                } else {
                    assertThat(m.group(1)).isEqualTo("/fixed");
                }
            }
            assertThat(end).as("nothing after the last request").isEqualTo(length);
            position = fast.advance(position, count);
            first += count;
        }
        assertThat(value).as("past the carry").isGreaterThan(start + (13L + shift) * step);
    }
}
