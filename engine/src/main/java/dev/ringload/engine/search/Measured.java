package dev.ringload.engine.search;

/**
 * The figures an {@link Slo} is judged on, for one measured window. Kept to plain numbers so the search needs no
 * histogram and a test can state a server's behaviour directly. A figure that could not be measured (no responses)
 * is NaN, and a NaN meets no SLO: an empty window must not pass a latency limit by reading as 0.
 */
public interface Measured {

    /** Latency at {@code percentile} (0..100], in nanoseconds. */
    double valueAtPercentileNs(double percentile);

    double maxNs();

    double meanNs();

    /** Failed requests as a share of all requests, 0..1. */
    double errorShare();

    double responsesPerSecond();
}
