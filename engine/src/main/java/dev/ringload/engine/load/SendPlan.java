package dev.ringload.engine.load;

/**
 * Answers which bytes a connection sends next. The worker decides when and how many (pipelining, the budget, an
 * open-loop schedule); the plan may offer fewer than allowed, or none yet. {@link RepeatedRequestPlan} sends one
 * request again and again; a request mix is another plan. One instance per worker thread.
 */
public interface SendPlan {

    /**
     * Chooses up to {@code max} requests for {@code connection}, numbered from {@code first} on it, and points
     * {@code batch} at their bytes, back to back.
     *
     * @return how many requests were chosen (0: none now)
     */
    int next(int connection, long first, int max, SendBatch batch);
}
