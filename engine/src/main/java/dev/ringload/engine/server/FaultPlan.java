package dev.ringload.engine.server;

import java.util.List;

/**
 * Which of a worker's requests get which {@link InjectedFault}: a pure function of the request's number (counted by
 * the worker in the order it answers), so a run is repeatable whatever the timing: every N-th is {@code n % N == 0},
 * a probability is a hash of (seed, worker, fault, n). When several faults hit the same request the first listed wins.
 */
final class FaultPlan {

    private final InjectedFault[] faults;
    private final long seed;

    FaultPlan(List<InjectedFault> faults, long seed, int worker) {
        this.faults = faults.toArray(new InjectedFault[0]);
        this.seed = mix(seed + 0x9E3779B97F4A7C15L * (worker + 1));
    }

    int size() {
        return faults.length;
    }

    InjectedFault fault(int index) {
        return faults[index];
    }

    /** The index of the fault request {@code n} (1, 2, ...) gets, or -1 for none. */
    int faultOf(long n) {
        for (int i = 0; i < faults.length; i++) {
            InjectedFault f = faults[i];
            if (f.everyN() > 0 ? n % f.everyN() == 0 : uniform(i, n) < f.probability()) {
                return i;
            }
        }
        return -1;
    }

    /** A uniform draw in [0, 1) for fault {@code i} and request {@code n}. */
    private double uniform(int i, long n) {
        return (mix(seed ^ mix(n * 31 + i)) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: a bijection that spreads neighbouring inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
