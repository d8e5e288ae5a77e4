package dev.ringload.engine.load;

/**
 * Answers which bytes a connection sends next. The worker decides when and how many (pipelining, the budget, an
 * open-loop schedule); the plan may offer fewer than allowed, or none yet. {@link RepeatedRequestPlan} sends one
 * request again and again; a request mix ({@code dev.ringload.engine.mix.MixPlan}) picks among several and notes
 * in each request's slot which one it was. One instance per worker thread.
 */
public interface SendPlan {

    /**
     * Chooses up to {@code max} requests for {@code connection}, numbered from {@code first} on it, notes each one's
     * request index in {@code slots} (a plan with one request need not) and points {@code batch} at their bytes,
     * back to back.
     *
     * @return how many requests were chosen (0: none now)
     */
    int next(int connection, long first, int max, RequestSlots slots, SendBatch batch);

    /** How many different requests the plan sends (per-request statistics are kept when more than one). */
    default int targets() {
        return 1;
    }

    /** Whether {@link #next} notes each request's index in its slot (then the slots must keep them). */
    default boolean notesTargets() {
        return targets() > 1;
    }

    /** Whether request index {@code target} is a HEAD request (its response has no body). */
    default boolean head(int target) {
        return false;
    }
}
