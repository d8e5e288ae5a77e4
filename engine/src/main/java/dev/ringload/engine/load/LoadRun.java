package dev.ringload.engine.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coordinates a run: starts one pinned thread per worker, runs the warmup, then the measured phase, sampling every
 * worker's recorder once per second (interval histograms give req/s per second and the total latency histogram),
 * and stops on the duration, the request limit, a signal, or an unreachable target.
 */
public final class LoadRun {

    /** Creates the worker for thread {@code index} (the engine choice). */
    @FunctionalInterface
    public interface WorkerFactory {
        LoadWorker create(LoadConfig config, int index);
    }

    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final LoadConfig config;
    private final String engine;
    private final List<LoadWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Histogram[] recycled;
    private volatile boolean interrupted;

    public LoadRun(LoadConfig config, String engine, WorkerFactory factory) {
        this.config = config;
        this.engine = engine;
        for (int i = 0; i < config.threads(); i++) {
            workers.add(factory.create(config, i));
        }
        this.recycled = new Histogram[config.threads()];
    }

    /** Stops the run early (Ctrl-C); {@link #execute()} returns a result marked partial. */
    public void interrupt() {
        interrupted = true;
    }

    /** Runs to the end and returns what was measured. */
    public RunResult execute() throws InterruptedException {
        if (config.warmupNs() == 0) {
            // Without a warmup every request counts: workers start in the measured phase.
            for (LoadWorker worker : workers) {
                worker.startMeasuring();
            }
        }
        for (int i = 0; i < workers.size(); i++) {
            threads.add(Thread.ofPlatform().name("ringload-worker-" + i).daemon(true).start(workers.get(i)));
        }
        boolean unreachable = false;
        long warmupResponses = 0;
        long warmupNs = 0;
        if (config.warmupNs() > 0) {
            long warmupStart = System.nanoTime();
            unreachable = waitUntil(warmupStart + config.warmupNs());
            for (LoadWorker worker : workers) {
                worker.startMeasuring();
            }
            awaitMeasuring();
            for (LoadWorker worker : workers) {
                warmupResponses += worker.warmupResponses();
            }
            warmupNs = System.nanoTime() - warmupStart;
        }
        Instant startedAt = Instant.now();
        CpuSample cpuAtStart = CpuSample.take(threads, workers);
        long start = System.nanoTime();
        long bytesAtStart = bytesRead();
        Histogram total = newHistogram();
        List<long[]> seconds = new ArrayList<>();
        long end = config.durationNs() > 0 ? start + config.durationNs() : Long.MAX_VALUE;
        long nextSecond = start + SECOND_NS;
        long bytesAtSecond = bytesAtStart;
        while (!unreachable) {
            unreachable = waitUntil(Math.min(nextSecond, end));
            long now = System.nanoTime();
            if (unreachable) {
                break;
            }
            if (now >= nextSecond) {
                Histogram interval = newHistogram();
                collect(interval);
                total.add(interval);
                long bytes = bytesRead();
                seconds.add(new long[] {interval.getTotalCount(), bytes - bytesAtSecond});
                bytesAtSecond = bytes;
                nextSecond += SECOND_NS;
            }
            if (stopNow() || now >= end) {
                break;
            }
        }
        long stoppedAt = System.nanoTime();
        CpuSample cpuAtStop = CpuSample.take(threads, workers);
        for (LoadWorker worker : workers) {
            worker.stop();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
        collect(total);
        WorkerStats totals = new WorkerStats();
        for (LoadWorker worker : workers) {
            if (worker.failure() != null) {
                throw new IllegalStateException("engine thread failed: " + worker.failure(), worker.failure());
            }
            totals.add(worker.stats());
        }
        long[] perSecondResponses = seconds.stream().mapToLong(s -> s[0]).toArray();
        long[] perSecondBytes = seconds.stream().mapToLong(s -> s[1]).toArray();
        unreachable |= totals.connectionsEstablished == 0;
        ClientLoad client = cpuAtStop.since(cpuAtStart, stoppedAt - start);
        return new RunResult(config, engine, startedAt, stoppedAt - start, total, perSecondResponses, perSecondBytes,
                totals.bytesRead - bytesAtStart, totals, warmupResponses, warmupNs, interrupted, unreachable, client);
    }

    /** Waits (briefly: one loop iteration of each worker) until every live worker has entered the measured phase. */
    private void awaitMeasuring() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (LoadWorker worker : workers) {
            while (!worker.measuring() && !worker.finished() && worker.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
    }

    /** Sleeps until {@code deadline} or until the run must stop; true if the target proved unreachable. */
    private boolean waitUntil(long deadline) throws InterruptedException {
        while (true) {
            if (unreachable()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || stopNow()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NS));
        }
    }

    private boolean stopNow() {
        if (interrupted) {
            return true;
        }
        boolean allFinished = true;
        for (LoadWorker worker : workers) {
            if (worker.failure() != null) {
                return true;
            }
            allFinished &= worker.finished();
        }
        return allFinished;
    }

    /** No connection ever succeeded and every connection has failed at least once. */
    private boolean unreachable() {
        long ok = 0;
        long failed = 0;
        for (LoadWorker worker : workers) {
            ok += worker.connectsOk();
            failed += worker.connectFailures();
        }
        return ok == 0 && failed >= config.connections();
    }

    private long bytesRead() {
        long bytes = 0;
        for (LoadWorker worker : workers) {
            bytes += worker.bytesRead();
        }
        return bytes;
    }

    /** Adds every worker's interval histogram to {@code into}, recycling each worker's previous one. */
    private void collect(Histogram into) {
        for (int i = 0; i < workers.size(); i++) {
            // A recorder only takes back histograms it handed out itself.
            recycled[i] = workers.get(i).recorder().getIntervalHistogram(recycled[i]);
            into.add(recycled[i]);
        }
    }

    private Histogram newHistogram() {
        return new Histogram(1, Math.max(config.timeoutNs() * 2, SECOND_NS), 3);
    }
}
