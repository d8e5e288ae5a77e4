package dev.ringload.engine.server;

import java.util.concurrent.TimeUnit;

/**
 * Faults a test target needs: a server that freezes now and then ({@code --stall D --stall-every P}: the first D of
 * every P, on one grid for all workers, like a stop-the-world pause) and one with a fixed capacity
 * ({@code --max-rate N}: at most N responses a second, the excess waiting in order). Both pause the worker's loop,
 * so requests queue in the kernel exactly as they would behind a frozen or saturated process. One per worker;
 * pure arithmetic on the times it is given, so it is tested without a clock.
 */
final class ServerPacing {

    /** Credit a worker may bank while idle, so a rate limit does not turn a quiet spell into a burst. */
    static final long BURST_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final long stallNs;
    private final long stallEveryNs;
    private final long intervalNs;
    private long nextFreeNs = Long.MIN_VALUE;
    private long accountedServed;

    /** @param maxRatePerWorker responses per second this worker may send; 0: unlimited */
    ServerPacing(long stallNs, long stallEveryNs, double maxRatePerWorker) {
        this.stallNs = stallNs;
        this.stallEveryNs = stallEveryNs;
        this.intervalNs = maxRatePerWorker > 0 ? Math.max(1, Math.round(1e9 / maxRatePerWorker)) : 0;
    }

    /** Whether any fault is configured (else the worker never asks). */
    boolean active() {
        return stallEveryNs > 0 || intervalNs > 0;
    }

    /**
     * How long the worker must pause at {@code nowNs}, having fully sent {@code served} responses so far: until the
     * current stall ends, or until the rate allows the next response. 0: carry on.
     */
    long pauseNs(long nowNs, long served) {
        long pause = 0;
        if (stallEveryNs > 0) {
            long phase = Math.floorMod(nowNs, stallEveryNs);
            if (phase < stallNs) {
                pause = stallNs - phase;
            }
        }
        if (intervalNs > 0) {
            if (nextFreeNs == Long.MIN_VALUE) {
                nextFreeNs = nowNs;
            }
            long sent = served - accountedServed;
            accountedServed = served;
            nextFreeNs = Math.max(nextFreeNs, nowNs - BURST_NS) + sent * intervalNs;
            pause = Math.max(pause, nextFreeNs - nowNs);
        }
        return pause;
    }
}
