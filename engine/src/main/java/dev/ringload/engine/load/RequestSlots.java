package dev.ringload.engine.load;

/**
 * One connection's in-flight requests, one slot each: request n (numbered from the connection's first) sits in
 * slot {@code n % pipelining}, since at most {@code pipelining} are in flight. A slot holds when the request was
 * meant to go (the {@link SendPlan}'s answer) and when its bytes were handed to the kernel (stamped by the worker
 * in one place for every transport).
 */
public final class RequestSlots {

    /** An intended send time meaning "the moment it is handed to the kernel" (closed loop). */
    public static final long AT_HAND_OVER = Long.MIN_VALUE;

    private final int size;
    private final long[] intendedNs;
    private final long[] sentNs;

    RequestSlots(int size) {
        this.size = size;
        this.intendedNs = new long[size];
        this.sentNs = new long[size];
    }

    /** Requests {@code first .. first+count-1} were all meant to go at {@code ns} (one division, not one each). */
    public void intend(long first, int count, long ns) {
        fill(intendedNs, first, count, ns);
    }

    /** Requests {@code first .. first+count-1} were handed to the kernel at {@code ns}. */
    void sent(long first, int count, long ns) {
        fill(sentNs, first, count, ns);
    }

    private void fill(long[] slots, long first, int count, long ns) {
        int slot = (int) (first % size);
        for (int i = 0; i < count; i++) {
            slots[slot] = ns;
            if (++slot == size) {
                slot = 0;
            }
        }
    }

    /** When request {@code request}'s bytes were handed to the kernel. */
    public long sentNs(long request) {
        return sentNs[(int) (request % size)];
    }

    /** When request {@code request} was meant to go: its hand-over time in a closed loop. */
    public long intendedNs(long request) {
        int slot = (int) (request % size);
        return intendedNs[slot] == AT_HAND_OVER ? sentNs[slot] : intendedNs[slot];
    }
}
