package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An automatic warmup ends when the compiler has gone quiet and the rate stopped climbing, not before. */
class WarmupSettleTest {

    private static final long WINDOW_NS = WarmupSettle.WINDOW_MS * 1_000_000;

    /** Feeds windows of (rate, compile ms) and returns the index of the window that settled, or -1. */
    private static int settlesAt(boolean rateFixed, double[] rates, long[] compiledMs) {
        WarmupSettle settle = new WarmupSettle(rateFixed);
        for (int i = 0; i < rates.length; i++) {
            if (settle.window((i + 1) * WINDOW_NS, rates[i], compiledMs[i])) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aClimbingRateIsNotWarmEvenWithAQuietCompiler() {
        double[] rates = {100, 200, 300, 400, 500, 600, 700, 800};
        long[] jit = {0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(settlesAt(false, rates, jit)).isEqualTo(-1);
    }

    @Test
    void aBusyCompilerIsNotWarmEvenAtAFlatRate() {
        double[] rates = {500, 500, 500, 500, 500, 500, 500, 500};
        long[] jit = {40, 40, 40, 40, 40, 40, 5, 5};
        assertThat(settlesAt(false, rates, jit)).as("two quiet windows in a row, the 7th and 8th").isEqualTo(7);
    }

    @Test
    void settlesOnceFlatAndQuietButNeverBeforeASecond() {
        double[] rates = {900, 1000, 1000, 1000, 1010, 1000};
        long[] jit = {0, 0, 0, 0, 0, 0};
        assertThat(settlesAt(false, rates, jit)).as("the 4th window ends the first second").isEqualTo(3);
    }

    @Test
    void anOpenLoopListensOnlyToTheCompiler() {
        double[] rates = {100, 200, 300, 400, 500, 600};
        long[] jit = {50, 30, 20, 2, 1, 0};
        assertThat(settlesAt(true, rates, jit)).isEqualTo(4);
    }
}
