package dev.ringload.engine.mix;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Digits written in place must read as Long.toString would write them, at every length and across every carry. */
class DecimalTest {

    private static String written(long v) {
        byte[] out = new byte[25];
        int end = Decimal.write(out, 3, v);
        return new String(out, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Test
    void writesEveryLengthAndTheEdges() {
        long[] edges = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 99999999, 100000000, Integer.MAX_VALUE,
                999999999999999999L, 1000000000000000000L, Long.MAX_VALUE};
        for (long v : edges) {
            assertThat(written(v)).isEqualTo(Long.toString(v));
            assertThat(Decimal.digits(v)).isEqualTo(Long.toString(v).length());
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            assertThat(written(v)).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void aCounterWritesEachValueThenStepsAcrossCarries() {
        for (int step : new int[] {1, 3, 7, 64, 1000}) {
            for (long first : new long[] {0, 5, 97, 995, 99_999}) {
                DecimalCounter counter = new DecimalCounter(first, step);
                byte[] out = new byte[40];
                for (long expected = first; expected < first + 200L * step; expected += step) {
                    assertThat(counter.peek()).as("peek does not step").isEqualTo(expected);
                    assertThat(counter.length()).isEqualTo(Long.toString(expected).length());
                    int end = counter.writeAndStep(out, 1);
                    assertThat(new String(out, 1, end - 1, StandardCharsets.US_ASCII))
                            .as("first %d step %d", first, step).isEqualTo(Long.toString(expected));
                    assertThat(counter.takeValue()).isEqualTo(expected + step);
                    expected += step; // takeValue stepped too
                }
            }
        }
    }
}
