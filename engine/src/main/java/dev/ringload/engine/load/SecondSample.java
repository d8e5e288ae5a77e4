package dev.ringload.engine.load;

/**
 * One second of a run (the last one may be shorter): what completed in it, what it cost in errors, and the
 * connections open at its end. The basis of the per-second series, the interval log and the live progress line.
 *
 * @param warmup          a second of the warmup (never part of the results)
 * @param startMs         wall-clock start, epoch milliseconds
 * @param endMs           wall-clock end
 * @param elapsedSeconds  seconds since the phase began, at the end of this one
 * @param responses       responses completed
 * @param bytes           bytes received
 * @param errors          errors of every kind
 * @param openConnections connections open at the end
 * @param targetPerSecond open loop: the rate the schedule asked for in this second; 0 in a closed loop
 * @param latency         latency percentiles (open loop: corrected)
 * @param service         open loop: service latency percentiles; null in a closed loop
 */
public record SecondSample(boolean warmup, long startMs, long endMs, double elapsedSeconds, long responses,
                           long bytes, long errors, long openConnections, double targetPerSecond,
                           Percentiles latency, Percentiles service) {

    /** Responses per second over this sample's own length. */
    public double responsesPerSecond() {
        long ms = endMs - startMs;
        return ms <= 0 ? 0 : responses * 1000.0 / ms;
    }
}
