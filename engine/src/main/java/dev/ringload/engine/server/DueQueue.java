package dev.ringload.engine.server;

/**
 * The NIO server's timers of one fixed length (--delay, or one fault's stall or trickle tick): a FIFO of
 * (due time, connection slot, generation). Every entry waits the same time, so deadlines only grow and the head
 * is always the next one due. Grows by doubling.
 */
final class DueQueue {

    private final long delayNs;
    private long[] dueNs = new long[256];
    private int[] slots = new int[256];
    private int[] generations = new int[256];
    private int head;
    private int tail;

    DueQueue(long delayNs) {
        this.delayNs = delayNs;
    }

    void add(long nowNs, int slot, int generation) {
        if (tail - head == dueNs.length) {
            grow();
        }
        int i = tail++ % dueNs.length;
        dueNs[i] = nowNs + delayNs;
        slots[i] = slot;
        generations[i] = generation;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Due time of the head; only when not empty. */
    long headDueNs() {
        return dueNs[head % dueNs.length];
    }

    /** Whether the head is due at {@code nowNs}. */
    boolean headDue(long nowNs) {
        return head != tail && dueNs[head % dueNs.length] <= nowNs;
    }

    int headSlot() {
        return slots[head % dueNs.length];
    }

    int headGeneration() {
        return generations[head % dueNs.length];
    }

    void removeHead() {
        head++;
    }

    private void grow() {
        int n = dueNs.length * 2;
        long[] ns = new long[n];
        int[] slot = new int[n];
        int[] gen = new int[n];
        for (int i = head; i < tail; i++) {
            ns[i % n] = dueNs[i % dueNs.length];
            slot[i % n] = slots[i % dueNs.length];
            gen[i % n] = generations[i % dueNs.length];
        }
        dueNs = ns;
        slots = slot;
        generations = gen;
    }
}
