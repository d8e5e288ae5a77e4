package dev.ringload.engine.load;

/**
 * Answers what a connection sends next and when each request was meant to go. The worker asks whenever a
 * connection may send (after its connect, after responses free pipeline slots); the plan may offer fewer requests
 * than allowed, or none yet. A closed loop ({@link ClosedLoopPlan}) offers all of them, meant to go now; an
 * open-loop rate or a request mix is another plan. One instance per worker thread.
 */
public interface SendPlan {

    /**
     * Chooses up to {@code max} requests for {@code connection}, numbered from {@code first} on it: records each
     * one's intended send time in {@code slots} and points {@code batch} at their bytes, back to back.
     *
     * @return how many requests were chosen (0: none now)
     */
    int next(int connection, long first, int max, long nowNs, RequestSlots slots, SendBatch batch);
}
