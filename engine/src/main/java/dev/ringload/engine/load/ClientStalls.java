package dev.ringload.engine.load;

/**
 * Where the client itself held responses back during a measured window (jHiccup's question, asked of the engine
 * threads): a response that arrives while its thread is not reading completions waits, and that wait is in its
 * latency. The direct measure is each thread's longest turn: the longest stretch between two moments it looked for
 * completions, waiting in the kernel excluded; whatever the cause (a long batch of work, a GC or safepoint pause,
 * a deoptimisation, being descheduled), no response on that thread waited longer than that for the client. The
 * causes that can be counted are counted beside it.
 *
 * @param longestTurnNs per thread: the longest turn ({@link Counter#LONGEST_TURN_NS})
 * @param descheduledNs per thread: time it was runnable but not running ({@code run_delay} of
 *                      {@code /proc/self/task/TID/schedstat}); -1 where the kernel does not say
 * @param gcPauseMs     the JVM's stop-the-world collection time (every collector but the concurrent ones)
 * @param jitMs         time the JIT spent compiling (on other threads, but a sign the code was still changing)
 */
public record ClientStalls(long[] longestTurnNs, long[] descheduledNs, long gcPauseMs, long jitMs) {

    /** Nothing measured (a report rebuilt from numbers alone). */
    public static final ClientStalls NONE = new ClientStalls(new long[0], new long[0], 0, 0);

    /** A turn at least this long is worth a line: a millisecond is a p99 on many fast servers. */
    public static final long NOTABLE_NS = 1_000_000;

    public ClientStalls {
        longestTurnNs = longestTurnNs.clone();
        descheduledNs = descheduledNs.clone();
    }

    @Override
    public long[] longestTurnNs() {
        return longestTurnNs.clone();
    }

    @Override
    public long[] descheduledNs() {
        return descheduledNs.clone();
    }

    /** The longest turn of any thread. */
    public long longestNs() {
        long most = 0;
        for (long ns : longestTurnNs) {
            most = Math.max(most, ns);
        }
        return most;
    }

    /** The index of the thread with the longest turn (0 when there is none). */
    public int longestThread() {
        int at = 0;
        for (int i = 1; i < longestTurnNs.length; i++) {
            if (longestTurnNs[i] > longestTurnNs[at]) {
                at = i;
            }
        }
        return at;
    }

    /** Time the engine threads were descheduled, together; -1 where unknown. */
    public long descheduledTotalNs() {
        long sum = 0;
        for (long ns : descheduledNs) {
            if (ns < 0) {
                return -1;
            }
            sum += ns;
        }
        return sum;
    }

    /**
     * Whether a latency of {@code ns} (a tail percentile) may be the client's: a thread stalled for a notable time
     * of the same order as that latency (between half and twice it). A latency far above the stall is not its
     * doing; one far below it was not touched by it (in a closed loop a stall delays only the requests in flight).
     */
    public boolean mayExplain(double ns) {
        long longest = longestNs();
        return longest >= NOTABLE_NS && ns >= longest / 2.0 && ns <= 2.0 * longest;
    }
}
