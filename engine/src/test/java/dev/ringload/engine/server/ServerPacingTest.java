package dev.ringload.engine.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ServerPacingTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aStallPausesUntilItsWindowEndsOnOneGridForEveryWorker() {
        ServerPacing p = new ServerPacing(200 * MS, 1000 * MS, 0);
        assertThat(p.active()).isTrue();
        assertThat(p.pauseNs(5_000 * MS, 0)).as("the window's first instant").isEqualTo(200 * MS);
        assertThat(p.pauseNs(5_150 * MS, 0)).isEqualTo(50 * MS);
        assertThat(p.pauseNs(5_200 * MS, 0)).as("the window has ended").isZero();
        assertThat(p.pauseNs(5_999 * MS, 0)).isZero();
        assertThat(p.pauseNs(6_010 * MS, 0)).isEqualTo(190 * MS);
        assertThat(new ServerPacing(200 * MS, 1000 * MS, 0).pauseNs(7_050 * MS, 0))
                .as("another worker, same grid").isEqualTo(150 * MS);
    }

    @Test
    void aRateLimitSpacesResponsesAndBanksOnlyABurstWhileIdle() {
        ServerPacing p = new ServerPacing(0, 0, 1000); // one response per millisecond
        long t = 1_000 * MS;
        assertThat(p.pauseNs(t, 0)).isZero();
        assertThat(p.pauseNs(t, 10)).as("10 sent at once: wait 10 ms").isEqualTo(10 * MS);
        assertThat(p.pauseNs(t + 10 * MS, 10)).isZero();
        assertThat(p.pauseNs(t + 15 * MS, 14)).as("4 more in 5 ms is within the rate").isZero();
        // A long quiet spell banks at most BURST_NS of credit.
        long later = t + 1_000 * MS;
        long burst = ServerPacing.BURST_NS / MS;
        assertThat(p.pauseNs(later, 14 + burst)).isZero();
        assertThat(p.pauseNs(later, 14 + burst + 3)).isEqualTo(3 * MS);
    }

    @Test
    void nothingConfiguredIsInactive() {
        assertThat(new ServerPacing(0, 0, 0).active()).isFalse();
    }
}
