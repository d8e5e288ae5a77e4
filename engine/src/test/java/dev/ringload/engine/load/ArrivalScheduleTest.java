package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrivalScheduleTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 5 * S;

    @Test
    void nothingIsDueBeforeTheStart() {
        ArrivalSchedule s = new ArrivalSchedule(OpenLoopRate.constant(1000, Arrival.UNIFORM), S, 1);
        assertThat(s.peekNs()).isEqualTo(ArrivalSchedule.NEVER);
    }

    @Test
    void uniformRequestsAreEvenlySpacedToTheNanosecond() {
        ArrivalSchedule s = new ArrivalSchedule(OpenLoopRate.constant(3, Arrival.UNIFORM), S, 1);
        s.start(T0);
        assertThat(s.take()).isEqualTo(T0);
        assertThat(s.take()).isEqualTo(T0 + 333_333_333);
        assertThat(s.take()).isEqualTo(T0 + 666_666_666);
        assertThat(s.take()).as("no drift from rounding each gap").isBetween(T0 + S - 1, T0 + S);
        for (int i = 0; i < 2_999_996; i++) {
            s.take();
        }
        assertThat(s.peekNs() - T0).as("a million seconds later, still on time")
                .isCloseTo(1_000_000 * S, within(1_000L));
    }

    @Test
    void poissonGapsHaveTheRightMeanAndTheSameSeedGivesTheSameSchedule() {
        ArrivalSchedule a = new ArrivalSchedule(OpenLoopRate.constant(10_000, Arrival.POISSON), S, 42);
        ArrivalSchedule b = new ArrivalSchedule(OpenLoopRate.constant(10_000, Arrival.POISSON), S, 42);
        a.start(T0);
        b.start(T0);
        long within100us = 0;
        long last = a.take();
        b.take();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long t = a.take();
            assertThat(b.take()).isEqualTo(t);
            if (t - last <= 100_000) {
                within100us++;
            }
            last = t;
        }
        assertThat((double) (last - T0) / n).as("mean gap 100 us").isCloseTo(100_000, within(1_000.0));
        assertThat((double) within100us / n).as("P(gap <= mean) = 1 - 1/e").isCloseTo(1 - Math.exp(-1), within(0.01));
    }

    @Test
    void aRampRunsAtItsFirstRateUntilMeasuringStartsThenMovesLinearlyToItsLast() {
        ArrivalSchedule s = new ArrivalSchedule(new OpenLoopRate(1000, 3000, Arrival.UNIFORM), 10 * S, 1);
        s.start(T0);
        int warmup = 0;
        while (s.peekNs() < T0 + 2 * S) {
            s.take();
            warmup++;
        }
        assertThat(warmup).as("2 s of warmup at 1000/s").isEqualTo(2000);
        s.startRamp(T0 + 2 * S);
        int ramp = 0;
        while (s.peekNs() < T0 + 12 * S) {
            s.take();
            ramp++;
        }
        assertThat(ramp).as("the mean of 1000 and 3000 over 10 s").isCloseTo(20_000, within(2));
        assertThat(s.perNsAt(T0 + 100 * S) * S).as("the last rate after the ramp").isCloseTo(3000, within(1e-6));
    }
}
