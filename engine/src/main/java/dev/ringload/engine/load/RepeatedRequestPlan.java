package dev.ringload.engine.load;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One request, sent again and again. It is encoded once, in {@code pipelining} copies back to back, so k
 * requests are one contiguous slice (wrk builds its request once per thread the same way).
 */
public final class RepeatedRequestPlan implements SendPlan {

    private final MemorySegment requests;
    private final int requestLength;

    public RepeatedRequestPlan(byte[] request, int pipelining) {
        this.requestLength = request.length;
        // Arena.ofAuto: the plan is built on the coordinator thread and used on the worker's; the GC frees it.
        this.requests = Arena.ofAuto().allocate((long) request.length * pipelining, 64);
        for (int i = 0; i < pipelining; i++) {
            MemorySegment.copy(request, 0, requests, ValueLayout.JAVA_BYTE, (long) i * request.length, request.length);
        }
    }

    @Override
    public int next(int connection, long first, int max, RequestSlots slots, SendBatch batch) {
        batch.set(requests, 0, max * requestLength);
        return max;
    }
}
