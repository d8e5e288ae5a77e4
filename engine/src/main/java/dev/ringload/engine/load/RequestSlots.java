package dev.ringload.engine.load;

/**
 * One connection's in-flight requests, one slot each: request n (numbered from the connection's first) sits in
 * slot {@code n mod slots}, where slots is {@code pipelining} rounded up to a power of two (a mask, not a 64-bit
 * division, on every response); at most {@code pipelining} consecutive requests are in flight, so they never share
 * a slot. A slot holds when its bytes were
 * handed to the kernel (stamped by the worker in one place for every transport) and, in an open loop, when the
 * schedule meant it to go.
 *
 * <p>What a run does not use is not kept (no schedule: no intended times; one request: no mix index), since a run
 * holds one of these per connection and at 100k connections each array header counts.
 */
public final class RequestSlots {

    private final int size;
    private final int mask;
    private final long[] intendedNs;
    private final long[] sentNs;
    /** Which request of a mix each one is (see {@code SendPlan#targets}). */
    private final int[] target;

    /** Slots that keep everything: intended times and mix indexes too. */
    public RequestSlots(int pipelining) {
        this(pipelining, true, true);
    }

    /**
     * @param pipelining the most requests in flight at once
     * @param openLoop   whether requests have intended times ({@link #intend})
     * @param mixed      whether requests have mix indexes ({@link #target(long, int)})
     */
    public RequestSlots(int pipelining, boolean openLoop, boolean mixed) {
        this.size = Integer.highestOneBit(Math.max(1, pipelining - 1)) << (pipelining > 1 ? 1 : 0);
        this.mask = size - 1;
        this.intendedNs = openLoop ? new long[size] : null;
        this.sentNs = new long[size];
        this.target = mixed ? new int[size] : null;
    }

    /** Request {@code request} is request index {@code t} of the plan's mix. */
    public void target(long request, int t) {
        target[(int) request & mask] = t;
    }

    /**
     * Requests {@code first .. first+count-1} are the mix's requests {@code targets[from .. from+count-1]}: one or
     * two array copies, not a store each ({@code count} is at most the pipelining depth).
     */
    public void targets(long first, int[] targets, int from, int count) {
        int slot = (int) first & mask;
        int head = Math.min(count, size - slot);
        System.arraycopy(targets, from, target, slot, head);
        System.arraycopy(targets, from + head, target, 0, count - head);
    }

    /** Which request of the mix request {@code request} is. */
    public int target(long request) {
        return target[(int) request & mask];
    }

    /**
     * Counts requests {@code first .. first+count-1} (at most the slots' number), answered at {@code nowNs}, in
     * {@code latency}: each under its mix index, with its latency from when it was sent or (open loop) meant to go.
     * The slots are walked as at most two contiguous runs, so the loop has no mask per request.
     */
    void recordLatencies(LatencyBuckets latency, long first, int count, long nowNs, boolean fromIntended) {
        long[] times = fromIntended ? intendedNs : sentNs;
        int slot = (int) first & mask;
        int head = Math.min(count, size - slot);
        latency.record(target, times, slot, slot + head, nowNs);
        latency.record(target, times, 0, count - head, nowNs);
    }

    /** Request {@code request} was meant to go at {@code ns} (open loop). */
    void intend(long request, long ns) {
        intendedNs[(int) request & mask] = ns;
    }

    /** Requests {@code first .. first+count-1} were handed to the kernel at {@code ns}. */
    void sent(long first, int count, long ns) {
        int slot = (int) first & mask;
        for (int i = 0; i < count; i++) {
            sentNs[slot] = ns;
            if (++slot == size) {
                slot = 0;
            }
        }
    }

    /** When request {@code request}'s bytes were handed to the kernel. */
    public long sentNs(long request) {
        return sentNs[(int) request & mask];
    }

    /** When the open-loop schedule meant request {@code request} to go. */
    public long intendedNs(long request) {
        return intendedNs[(int) request & mask];
    }
}
