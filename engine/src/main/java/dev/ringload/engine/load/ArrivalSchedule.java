package dev.ringload.engine.load;

import java.util.SplittableRandom;

/**
 * One thread's open-loop schedule: the intended send time of each of its requests, in order, computed one at a
 * time as the worker takes them, so a backlog of due requests (a stalled server) costs no memory. Times are
 * nanoseconds on the worker's loop clock with no rounding: the gap to the next request is {@code 1/rate}
 * (uniform) or an exponential draw with that mean (Poisson), at the rate in force at the previous request's time.
 *
 * <p>The schedule starts when the thread's first connection is up ({@link #start}); the first request is meant
 * for that instant. A ramp starts when the measured phase does ({@link #startRamp}); before that (the warmup) the
 * rate is the ramp's first value.
 */
final class ArrivalSchedule {

    /** {@link #peekNs} before the schedule has started: nothing is ever due. */
    static final long NEVER = Long.MAX_VALUE;

    private final double fromPerNs;
    private final double slopePerNs2;
    private final double toPerNs;
    private final long rampNs;
    private final boolean poisson;
    private final SplittableRandom random;
    private long originNs;
    private long rampStartNs = NEVER;
    /** Intended time of the next request, relative to the origin (a double: no drift from rounding each gap). */
    private double offsetNs;
    private double carryNs;
    private long nextNs = NEVER;

    /**
     * @param rate   this thread's share of the rate
     * @param rampNs how long the ramp from its first to its last value takes (the measured duration)
     * @param seed   for Poisson gaps: the same seed gives the same schedule
     */
    ArrivalSchedule(OpenLoopRate rate, long rampNs, long seed) {
        this.fromPerNs = rate.fromPerSecond() / 1e9;
        this.toPerNs = rate.toPerSecond() / 1e9;
        this.rampNs = Math.max(rampNs, 1);
        this.slopePerNs2 = (toPerNs - fromPerNs) / this.rampNs;
        this.poisson = rate.arrival() == Arrival.POISSON;
        this.random = new SplittableRandom(seed);
    }

    /** Starts the schedule: the first request is meant for {@code nowNs}. Later calls do nothing. */
    void start(long nowNs) {
        if (nextNs != NEVER) {
            return;
        }
        originNs = nowNs;
        if (rampStartNs != NEVER) {
            rampStartNs = Math.max(rampStartNs, nowNs); // measuring from the start: the ramp starts here too
        }
        offsetNs = 0;
        carryNs = 0;
        nextNs = nowNs;
    }

    /** The measured phase starts at {@code nowNs}: so does the ramp (requested before {@link #start}: at the start). */
    void startRamp(long nowNs) {
        if (rampStartNs == NEVER) {
            rampStartNs = nextNs == NEVER ? nowNs : Math.max(nowNs, originNs);
        }
    }

    /** When the next request is meant to go, or {@link #NEVER} before the start. */
    long peekNs() {
        return nextNs;
    }

    /** Takes the next request: returns its intended time and moves to the one after. */
    long take() {
        long intended = nextNs;
        double perNs = perNsAt(intended);
        double gap = poisson ? -Math.log(1 - random.nextDouble()) / perNs : 1 / perNs;
        // Kahan summation: hours of sub-microsecond gaps add up without the rounding of each one drifting.
        double y = gap - carryNs;
        double sum = offsetNs + y;
        carryNs = (sum - offsetNs) - y;
        offsetNs = sum;
        nextNs = originNs + (long) offsetNs;
        return intended;
    }

    /** The rate in force at {@code ns}: the first value before the ramp, the last after it. */
    double perNsAt(long ns) {
        if (ns <= rampStartNs) {
            return fromPerNs;
        }
        long into = ns - rampStartNs;
        return into >= rampNs ? toPerNs : fromPerNs + slopePerNs2 * into;
    }
}
