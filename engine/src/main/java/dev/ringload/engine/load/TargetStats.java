package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-request statistics of a mix, kept by one worker for the measured phase and read once it has ended:
 * responses, status classes, errors and latency of each request of the mix. Latency per request is kept in
 * {@link LatencyBuckets} (within about 3%; the run's own histogram keeps three digits), made on the request's first
 * response, so a mix of a thousand requests costs megabytes and the hot path a shift and an increment.
 */
final class TargetStats {

    private final LatencyBuckets[] latency;
    /**
     * Per request of the mix, six counters: status classes [0] other, [1] 1xx ... [5] 5xx (flat: one load); 2xx
     * is left at 0 and found at the end as the responses not in another class (one branch per response).
     */
    private final long[] statusClasses;
    private final long[] errors;
    private final long highestNs;

    TargetStats(int targets, long highestNs) {
        this.latency = new LatencyBuckets[targets];
        this.statusClasses = new long[targets * 6];
        this.errors = new long[targets];
        this.highestNs = highestNs;
    }

    void record(int target, long latencyNs, int status) {
        LatencyBuckets buckets = latency[target];
        if (buckets == null) {
            buckets = latency[target] = new LatencyBuckets(highestNs); // once per request of the mix
        }
        buckets.record(Math.min(Math.max(latencyNs, 1), highestNs));
        if (status < 200 || status >= 300) { // 2xx, the usual answer, is every response not counted here
            statusClasses[target * 6 + (status >= 100 && status < 600 ? status / 100 : 0)]++;
        }
    }

    void error(int target) {
        errors[target]++;
    }

    /** Every worker's statistics added up, one result per request of the mix. */
    static List<TargetResult> merge(List<TargetStats> workers, int targets, long highestNs) {
        List<TargetResult> results = new ArrayList<>();
        for (int t = 0; t < targets; t++) {
            Histogram sum = new Histogram(1, highestNs, 2);
            long count = 0;
            long failed = 0;
            long[] classes = new long[6];
            for (TargetStats w : workers) {
                long responses = 0;
                if (w.latency[t] != null) {
                    w.latency[t].addTo(sum);
                    responses = w.latency[t].count();
                    count += responses;
                }
                failed += w.errors[t];
                long notSuccess = 0;
                for (int c = 0; c < 6; c++) {
                    classes[c] += w.statusClasses[t * 6 + c];
                    notSuccess += w.statusClasses[t * 6 + c];
                }
                classes[2] += responses - notSuccess;
            }
            results.add(new TargetResult(t, count, classes, failed, Latency.of(sum)));
        }
        return results;
    }
}
