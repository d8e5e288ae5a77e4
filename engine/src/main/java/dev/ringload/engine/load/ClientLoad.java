package dev.ringload.engine.load;

/**
 * How hard the client worked during a measured window, and the verdict drawn from it: when the engine threads
 * were busy nearly all the time, the numbers measure ringload, not the server.
 *
 * @param wallNs          length of the window
 * @param threadCpuNs     CPU time each engine thread used (its per-thread CPU clock: user + system)
 * @param threadUserNs    the user part of it
 * @param threadBlockedNs time each engine thread spent blocked in io_uring_enter (or select) waiting for
 *                        completions; busy = the rest of the window
 * @param processUserNs   user CPU of the whole process (JIT, GC and the coordinator included)
 * @param processSysNs    system CPU of the whole process
 * @param stalls          where the engine threads held responses back (see {@link ClientStalls})
 */
public record ClientLoad(long wallNs, long[] threadCpuNs, long[] threadUserNs, long[] threadBlockedNs,
                         long processUserNs, long processSysNs, ClientStalls stalls) {

    public ClientLoad {
        threadCpuNs = threadCpuNs.clone();
        threadUserNs = threadUserNs.clone();
        threadBlockedNs = threadBlockedNs.clone();
        stalls = stalls == null ? ClientStalls.NONE : stalls;
    }

    /** Without stall measurements. */
    public ClientLoad(long wallNs, long[] threadCpuNs, long[] threadUserNs, long[] threadBlockedNs,
                      long processUserNs, long processSysNs) {
        this(wallNs, threadCpuNs, threadUserNs, threadBlockedNs, processUserNs, processSysNs, ClientStalls.NONE);
    }

    /**
     * Mean busy share of the engine threads at or above which a run is called client-bound. A pinned engine
     * thread that is busy this much of the time has no slack to send faster; below it, it waits for the server.
     */
    public static final double CLIENT_BOUND_BUSY_PERCENT = 85.0;

    public int threads() {
        return threadCpuNs.length;
    }

    /**
     * Busy share of thread {@code i}: the part of the window it was not blocked waiting for completions, in
     * percent. (Its CPU clock can be lower: with IRQ time accounting the kernel does not charge the softirq work
     * a thread triggers to the thread, though that work occupies its core.)
     */
    public double busyPercent(int i) {
        return wallNs == 0 ? 0 : Math.clamp(100.0 * (wallNs - threadBlockedNs[i]) / wallNs, 0.0, 100.0);
    }

    public double busyPercent() {
        if (threadBlockedNs.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < threadBlockedNs.length; i++) {
            sum += busyPercent(i);
        }
        return sum / threadBlockedNs.length;
    }

    /** CPU clock of thread {@code i} over the window, in percent. */
    public double cpuPercent(int i) {
        return wallNs == 0 ? 0 : Math.min(100.0, 100.0 * threadCpuNs[i] / wallNs);
    }

    public double userPercent() {
        return mean(threadUserNs);
    }

    public double sysPercent() {
        long[] sys = new long[threadCpuNs.length];
        for (int i = 0; i < sys.length; i++) {
            sys[i] = Math.max(0, threadCpuNs[i] - threadUserNs[i]);
        }
        return mean(sys);
    }

    private double mean(long[] perThreadNs) {
        if (perThreadNs.length == 0 || wallNs == 0) {
            return 0;
        }
        double sum = 0;
        for (long ns : perThreadNs) {
            sum += ns;
        }
        return Math.min(100.0, 100.0 * sum / perThreadNs.length / wallNs);
    }

    public boolean clientBound() {
        return busyPercent() >= CLIENT_BOUND_BUSY_PERCENT;
    }

    @Override
    public long[] threadCpuNs() {
        return threadCpuNs.clone();
    }

    @Override
    public long[] threadUserNs() {
        return threadUserNs.clone();
    }

    @Override
    public long[] threadBlockedNs() {
        return threadBlockedNs.clone();
    }

    /** CPU time of every engine thread together. */
    public long totalThreadCpuNs() {
        long sum = 0;
        for (long ns : threadCpuNs) {
            sum += ns;
        }
        return sum;
    }
}
