package dev.ringload.engine.load;

/**
 * What an open-loop run measured beyond a closed loop's: the run's {@code latency} is the corrected one (from each
 * request's intended send time); these are its parts.
 *
 * @param rate           the rate asked for
 * @param serviceLatency response complete - hand-over of its bytes to the kernel (what wrk2 {@code -U} shows)
 * @param scheduleLag    hand-over to the kernel - intended send time
 * @param slotWaitNs     time due requests waited because every pipeline slot was taken, summed over the threads
 * @param threadNs       the measured duration times the threads: what {@code slotWaitNs} is a share of
 */
public record OpenLoopResult(OpenLoopRate rate, Latency serviceLatency, Latency scheduleLag, long slotWaitNs,
                             long threadNs) {

    /** Achieved below this share of the target is a shortfall that the report explains. */
    public static final double HELD_SHARE = 0.99;
    /** Slots taken for more than this share of the time: the connections could not carry the rate. */
    public static final double SLOT_BOUND_SHARE = 0.05;

    /** The mean rate asked for over the measured phase. */
    public double targetPerSecond() {
        return rate.meanPerSecond();
    }

    /** Share of the time (0..1) a due request had to wait for a free pipeline slot. */
    public double slotWaitShare() {
        return threadNs <= 0 ? 0 : Math.min(1.0, (double) slotWaitNs / threadNs);
    }

    /** Why an open-loop run fell short of its rate, in the order the report checks. */
    public enum Shortfall {
        /** Achieved at least 99% of the target. */
        NONE,
        /** The engine threads were busy nearly all the time: ringload's limit (the client verdict). */
        CLIENT_BOUND,
        /**
         * Every pipeline slot was in use a significant share of the time, and the slots could not carry the rate at
         * the service latency measured: more connections or pipelining needed.
         */
        SLOTS,
        /** The slots could carry the rate at the measured service latency, yet responses did not come back at it. */
        SERVER
    }

    /** Why {@code run} (this result's run) achieved less than 99% of the target, or {@link Shortfall#NONE}. */
    public Shortfall shortfall(RunResult run) {
        if (run.requestsPerSecond() >= HELD_SHARE * targetPerSecond()) {
            return Shortfall.NONE;
        }
        if (run.client().clientBound()) {
            return Shortfall.CLIENT_BOUND;
        }
        int slots = run.config().connections() * run.config().pipelining();
        return slotWaitShare() > SLOT_BOUND_SHARE && slotCapacityPerSecond(slots) < targetPerSecond()
                ? Shortfall.SLOTS : Shortfall.SERVER;
    }

    /**
     * The most requests per second {@code slots} pipeline slots can carry when each is held for the mean service
     * latency (Little's law); infinite when nothing was measured.
     */
    public double slotCapacityPerSecond(int slots) {
        double meanNs = serviceLatency.meanNs();
        return meanNs <= 0 ? Double.POSITIVE_INFINITY : slots * 1e9 / meanNs;
    }
}
