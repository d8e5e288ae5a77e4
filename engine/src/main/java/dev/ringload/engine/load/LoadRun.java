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
        WorkerStats totals = stopAndTotal();
        collect(total);
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

    /**
     * Runs a connection ramp: for each step, opens the step's new connections gradually, waits until they are
     * established (at most their opening time plus the connect timeout), then measures for the step's length.
     * The result's totals and latency cover every measured step; {@code steps} holds each one.
     */
    public RampResult executeRamp(RampPlan plan) throws InterruptedException {
        int[] steps = plan.steps();
        targetAll(steps[0], plan.rateFor(0));
        for (LoadWorker worker : workers) {
            worker.startMeasuring();
        }
        for (int i = 0; i < workers.size(); i++) {
            threads.add(Thread.ofPlatform().name("ringload-worker-" + i).daemon(true).start(workers.get(i)));
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long bytesAtStart = 0;
        Histogram total = newHistogram();
        List<StepResult> results = new ArrayList<>();
        boolean unreachable = false;
        for (int k = 0; k < steps.length && !interrupted && !unreachable; k++) {
            if (k > 0) {
                targetAll(steps[k], plan.rateFor(k));
            }
            long openingNs = (long) (1e9 * (steps[k] - (k == 0 ? 0 : steps[k - 1])) / plan.rateFor(k));
            long establishDeadline = System.nanoTime() + openingNs + config.connectTimeoutNs();
            while (openConnections() < steps[k] && System.nanoTime() < establishDeadline && !stopNow()) {
                if (unreachable()) {
                    unreachable = true;
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            if (unreachable) {
                break;
            }
            Histogram discard = newHistogram();
            collect(discard); // what completed while the step's connections were opening is not the step's
            long errorsBefore = errors();
            CpuSample before = CpuSample.take(threads, workers);
            long stepStart = System.nanoTime();
            unreachable = waitUntil(stepStart + plan.stepNs());
            long stepNs = System.nanoTime() - stepStart;
            CpuSample after = CpuSample.take(threads, workers);
            Histogram latency = newHistogram();
            collect(latency);
            total.add(latency);
            results.add(new StepResult(steps[k], openConnections(), stepNs, latency, errors() - errorsBefore,
                    after.since(before, stepNs)));
        }
        long stoppedAt = System.nanoTime();
        CpuSample cpuAtStop = CpuSample.take(threads, workers);
        WorkerStats totals = stopAndTotal();
        long measuredNs = 0;
        for (StepResult step : results) {
            measuredNs += step.durationNs();
        }
        unreachable |= totals.connectionsEstablished == 0;
        ClientLoad client = results.isEmpty() ? cpuAtStop.since(cpuAtStop, 1) : results.getLast().client();
        RunResult run = new RunResult(config, engine, startedAt, measuredNs, total, new long[0], new long[0],
                totals.bytesRead - bytesAtStart, totals, 0, 0, interrupted, unreachable, client);
        return new RampResult(run, results, results.isEmpty() ? null : Knee.of(results), stoppedAt - start);
    }

    /** Stops every worker, waits for it, and sums the counters (which the joins make safe to read). */
    private WorkerStats stopAndTotal() throws InterruptedException {
        for (LoadWorker worker : workers) {
            worker.stop();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
        WorkerStats totals = new WorkerStats();
        for (LoadWorker worker : workers) {
            if (worker.failure() != null) {
                throw new IllegalStateException("engine thread failed: " + worker.failure(), worker.failure());
            }
            totals.add(worker.stats());
        }
        return totals;
    }

    /** A ramp's overall result, its steps and where it stopped scaling. */
    public record RampResult(RunResult run, List<StepResult> steps, Knee knee, long wallNs) {
    }

    private void targetAll(int total, double perSecond) {
        int n = workers.size();
        for (int i = 0; i < n; i++) {
            workers.get(i).targetConnections(total / n + (i < total % n ? 1 : 0), perSecond / n);
        }
    }

    private int openConnections() {
        int open = 0;
        for (LoadWorker worker : workers) {
            open += worker.openConnections();
        }
        return open;
    }

    private long errors() {
        long errors = 0;
        for (LoadWorker worker : workers) {
            errors += worker.errors();
        }
        return errors;
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
