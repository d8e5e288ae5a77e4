package dev.ringload.engine.load;

/**
 * The engine contract: one pinned thread driving its share of the connections. The io_uring and NIO engines
 * implement it; {@link LoadRun} drives either the same way.
 */
public interface LoadWorker extends Runnable {

    /** Latencies in nanoseconds, recorded by the worker thread only. */
    IntervalRecorder recorder();

    /** Counters; read only after the worker thread has been joined. */
    WorkerStats stats();

    /** Bytes received so far (published once per loop iteration). */
    long bytesRead();

    /** Connections established so far, and connect attempts that failed (published once per loop iteration). */
    long connectsOk();

    long connectFailures();

    /** The worker used its whole request budget and every response is in (only with a request limit). */
    boolean finished();

    /** Starts the measured phase at the worker's next loop iteration: counters restart, latencies start recording. */
    void startMeasuring();

    /** Connections open right now (published once per loop iteration). */
    int openConnections();

    /** Errors of every kind so far (published once per loop iteration). */
    long errors();

    /** Keeps {@code count} connections open from now on, opening new ones {@code perSecond} per second. */
    void targetConnections(int count, double perSecond);

    /** Time spent blocked waiting for completions so far (published once per loop iteration). */
    long blockedNs();

    /** The worker has switched to the measured phase. */
    boolean measuring();

    /** Responses completed before the switch (the warmup's count). */
    long warmupResponses();

    /** Asks the worker to stop after its current loop iteration. */
    void stop();

    /** What ended the worker early, or null. */
    Throwable failure();
}
