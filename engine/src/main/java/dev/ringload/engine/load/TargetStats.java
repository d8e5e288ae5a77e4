package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-request statistics of a mix, kept by one worker for the measured phase and read once it has ended:
 * responses, status classes, errors and latency of each request of the mix. Latency per request is kept in
 * {@link LatencyBuckets} (within about 3%; the run's own histogram keeps three digits), so the hot path is a shift
 * and an increment. A mix of more than {@link #LATENCY_BYTES} worth of requests (thousands: a file of URLs to
 * spread the load, not requests to compare) keeps each one's responses, status classes and errors but not its
 * latency, which the run's own histogram still has.
 */
final class TargetStats {

    /** The most memory per worker for per-request latency: 32 MiB, about 4000 requests at the default timeout. */
    static final long LATENCY_BYTES = 32L << 20;

    /** Per request, or null past {@link #LATENCY_BYTES}; then {@link #responses} counts instead. */
    private final LatencyBuckets latency;
    private final long[] responses;
    /**
     * Per request of the mix, six counters: status classes [0] other, [1] 1xx ... [5] 5xx (flat: one load); 2xx
     * is left at 0 and found at the end as the responses not in another class (one branch per response).
     */
    private final long[] statusClasses;
    private final long[] errors;

    TargetStats(int targets, long highestNs) {
        boolean keepLatency = LatencyBuckets.bytes(targets, highestNs) <= LATENCY_BYTES;
        this.latency = keepLatency ? new LatencyBuckets(targets, highestNs) : null;
        this.responses = keepLatency ? null : new long[targets];
        this.statusClasses = new long[targets * 6];
        this.errors = new long[targets];
    }

    /** One response to request {@code target} of the mix: its latency and status. */
    void record(int target, long latencyNs, int status) {
        if (latency != null) {
            latency.record(target, latencyNs);
        } else {
            responses[target]++;
        }
        status(target, status);
    }

    /**
     * Responses to a connection's requests {@code first .. first+count-1}, all completed at {@code nowNs}: each one's
     * request of the mix and its latency, from when it was sent or (open loop) meant to go, come from its slot. One
     * tight loop per receive rather than a call per response in the parser's loop, where it cost about as much
     * again as the rest of the response's own recording. Statuses are counted apart ({@link #status}).
     */
    void recordResponses(RequestSlots slots, long first, int count, long nowNs, boolean fromIntended) {
        long end = first + count;
        if (latency == null) {
            for (long n = first; n < end; n++) {
                responses[slots.target(n)]++;
            }
        } else {
            slots.recordLatencies(latency, first, count, nowNs, fromIntended);
        }
    }

    /** A response to request {@code target} had {@code status}: counted by class unless it is a 2xx. */
    void status(int target, int status) {
        if (status < 200 || status >= 300) { // 2xx, the usual answer, is every response not counted here
            statusClasses[target * 6 + (status >= 100 && status < 600 ? status / 100 : 0)]++;
        }
    }

    void error(int target) {
        errors[target]++;
    }

    private long responses(int target) {
        return latency != null ? latency.count(target) : responses[target];
    }

    /** Every worker's statistics added up, one result per request of the mix (latency null when not kept). */
    static List<TargetResult> merge(List<TargetStats> workers, int targets, long highestNs) {
        List<TargetResult> results = new ArrayList<>();
        boolean keptLatency = workers.stream().allMatch(w -> w.latency != null);
        for (int t = 0; t < targets; t++) {
            Histogram sum = keptLatency ? new Histogram(1, highestNs, 2) : null;
            long count = 0;
            long failed = 0;
            long[] classes = new long[6];
            for (TargetStats w : workers) {
                long responses = w.responses(t);
                count += responses;
                if (sum != null) {
                    w.latency.addTo(t, sum);
                }
                failed += w.errors[t];
                long notSuccess = 0;
                for (int c = 0; c < 6; c++) {
                    classes[c] += w.statusClasses[t * 6 + c];
                    notSuccess += w.statusClasses[t * 6 + c];
                }
                classes[2] += responses - notSuccess;
            }
            results.add(new TargetResult(t, count, classes, failed, sum == null ? null : Latency.of(sum)));
        }
        return results;
    }
}
