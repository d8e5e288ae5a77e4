package dev.ringload.engine.load;

/**
 * One request of a mix, over the measured phase.
 *
 * @param index         its index in the mix
 * @param responses     responses to it
 * @param statusClasses responses by status class: [0] other, [1] 1xx ... [5] 5xx
 * @param errors        requests of it lost (reset, timeout, closed mid-pipeline, parse error)
 * @param latency       its latency (within about 3%: see {@link LatencyBuckets}); null in a mix too large to keep
 *                      it per request (see {@code TargetStats#LATENCY_BYTES})
 */
public record TargetResult(int index, long responses, long[] statusClasses, long errors, Latency latency) {

    public TargetResult {
        statusClasses = statusClasses.clone();
    }

    @Override
    public long[] statusClasses() {
        return statusClasses.clone();
    }
}
