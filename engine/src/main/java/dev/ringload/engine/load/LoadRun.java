package dev.ringload.engine.load;

import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Route;
import dev.ringload.engine.transport.TransportFactory;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coordinates a run: starts one pinned thread per worker, runs the warmup, then the measured phase, sampling every
 * worker's recorder once per second (interval histograms give req/s per second and the total latency histogram),
 * and stops on the duration, the request limit, a signal, or an unreachable target. A ramp measures one step per
 * connection count instead.
 */
public final class LoadRun {

    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** With {@link #measureFrom}: time to open the connections before the warmup (or, without one, the start). */
    public static final long CONNECT_LEAD_NS = SECOND_NS;
    /** Deep pipelines bring big bursts per connection: larger receives mean fewer completions per response. */
    private static final int DEEP_PIPELINE = 16;

    private final LoadConfig config;
    private final String engine;
    private final List<LoadWorker> workers = new ArrayList<>();
    private final List<WorkerRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Histogram[] recycled;
    private volatile boolean interrupted;
    private IntervalListener listener = IntervalListener.NONE;
    private Instant measureAt;

    /** @param engine the engine's name for the report; {@code transports} make its transport per worker */
    public LoadRun(LoadConfig config, String engine, TransportFactory transports) {
        this(config, engine, transports, SendPlanFactory.repeated(config));
    }

    /** @param plans each worker's plan: which requests it sends (one, repeated, or a mix) */
    public LoadRun(LoadConfig config, String engine, TransportFactory transports, SendPlanFactory plans) {
        this.config = config;
        this.engine = engine;
        InetSocketAddress address = new InetSocketAddress(config.target().address(), config.target().port());
        int receiveBytes = config.pipelining() >= DEEP_PIPELINE ? 64 * 1024 : 16 * 1024;
        for (int i = 0; i < config.threads(); i++) {
            int connections = config.connectionsOf(i);
            var route = new Route(address, config.sources(), config.firstConnectionOf(i));
            var transport = transports.create(route, connections, receiveBytes);
            LoadWorker worker = new LoadWorker(config, i, transport, plans.create(i));
            workers.add(worker);
            runners.add(new WorkerRunner(worker, transport, config.cpuOf(i), NanoClock.SYSTEM));
        }
        this.recycled = new Histogram[config.threads()];
    }

    /** Stops the run early (Ctrl-C); the result is marked partial. Any thread. */
    public void interrupt() {
        interrupted = true;
    }

    /** Tells {@code listener} about every second of {@link #execute}, the warmup's included. Before executing. */
    public LoadRun onSecond(IntervalListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Measures from {@code instant} (wall clock), as other processes of the same run do: {@link #execute} waits, then
     * opens the connections and warms up in the warmup's length plus {@link #CONNECT_LEAD_NS} before it; everything
     * before the instant is warmup, and seconds and the end count from the instant. Before executing.
     */
    public LoadRun measureFrom(Instant instant) {
        this.measureAt = instant;
        return this;
    }

    /** Runs to the end and returns what was measured. */
    public RunResult execute() throws InterruptedException {
        long measureAtNs = measureAt == null ? 0 : awaitLead();
        boolean timed = measureAt != null;
        // Without a warmup every request counts: workers start in the measured phase. An open loop without one
        // measures from when every thread's first connection is up: its schedule starts there, and a window opened
        // earlier would count the client's own start-up as requests the server never got.
        boolean settle = !timed && config.warmupNs() == 0 && config.openLoop();
        start(!timed && config.warmupNs() == 0 && !settle);
        SecondSampler sampler = new SecondSampler(workers, config, listener, this::live);
        Histogram total = newHistogram();
        Histogram serviceTotal = newHistogram();
        boolean unreachable = false;
        long warmupResponses = 0;
        long warmupNs = 0;
        if (settle) {
            unreachable = awaitFirstConnections();
            workers.forEach(LoadWorker::startMeasuring);
            awaitMeasuring();
        } else if (timed || config.warmupNs() > 0) {
            long warmupStart = System.nanoTime();
            sampler.begin(true, warmupStart);
            WarmupSettle warm = null;
            if (config.warmupAuto() && !timed) { // a timed start warms up until its instant, settled or not
                warm = new WarmupSettle(config.openLoop());
                warm.begin(warmupStart, sum(Counter.WARMUP_RESPONSES));
            }
            unreachable = everySecond(sampler, warmupStart, timed ? measureAtNs : warmupStart + config.warmupNs(),
                    null, total, serviceTotal, warm);
            workers.forEach(LoadWorker::startMeasuringAfterWarmup);
            awaitMeasuring();
            sampler.take(System.nanoTime(), total, serviceTotal); // the warmup's last, partial second
            warmupResponses = sum(Counter.WARMUP_RESPONSES);
            warmupNs = System.nanoTime() - warmupStart;
        }
        Instant startedAt = Instant.now();
        CpuSample cpuAtStart = CpuSample.take(threads, workers);
        long start = System.nanoTime();
        long bytesAtStart = sum(Counter.BYTES_READ);
        sampler.begin(false, start);
        List<SecondSample> seconds = new ArrayList<>();
        // A timed start counts seconds from its instant, so every process of the run closes its seconds at the same
        // wall-clock moments (a whole second apart from the instant, even when this one began late) and ends with
        // them; the first second is the few milliseconds the phase switch took shorter.
        long phaseStart = timed ? measureAtNs + Math.max(0, start - measureAtNs) / SECOND_NS * SECOND_NS : start;
        long end = config.durationNs() > 0 ? phaseStart + config.durationNs() : Long.MAX_VALUE;
        if (!unreachable) {
            unreachable = everySecond(sampler, phaseStart, end, seconds, total, serviceTotal, null);
        }
        long stoppedAt = System.nanoTime();
        CpuSample cpuAtStop = CpuSample.take(threads, workers);
        RunTotals totals = stopAndTotal();
        sampler.take(System.nanoTime(), total, serviceTotal); // the last, partial second: in the totals, not a sample
        unreachable |= totals.get(Counter.CONNECTIONS_ESTABLISHED) == 0;
        ClientLoad client = cpuAtStop.since(cpuAtStart, stoppedAt - start);
        OpenLoopResult openLoop = null;
        if (config.openLoop()) {
            Histogram lag = newHistogram();
            for (LoadWorker worker : workers) {
                lag.add(worker.lagRecorder().getIntervalHistogram(null));
            }
            openLoop = new OpenLoopResult(config.rate(), Latency.of(serviceTotal), Latency.of(lag),
                    totals.get(Counter.SLOT_WAIT_NS), (stoppedAt - start) * workers.size());
        }
        return new RunResult(config, engine, startedAt, stoppedAt - start, Latency.of(total), seconds,
                totals.get(Counter.BYTES_READ) - bytesAtStart, totals, warmupResponses, warmupNs, interrupted,
                unreachable, client, openLoop, targetResults());
    }

    /**
     * Sleeps until the warmup (and the connecting before it) must begin for the measurement to start at
     * {@link #measureAt}, or until interrupted; returns {@code measureAt} on the {@link System#nanoTime} scale.
     */
    private long awaitLead() throws InterruptedException {
        Instant now = Instant.now();
        long measureAtNs = System.nanoTime() + Duration.between(now, measureAt).toNanos();
        long beginNs = measureAtNs - config.warmupNs() - CONNECT_LEAD_NS;
        while (!interrupted && System.nanoTime() < beginNs) {
            TimeUnit.NANOSECONDS.sleep(Math.min(beginNs - System.nanoTime(), POLL_NS));
        }
        return measureAtNs;
    }

    /**
     * Closes a second every second from {@code phaseStartNs} until {@code deadline} or until the run must stop,
     * keeping the full seconds in {@code seconds} (null: the warmup's are not kept), or until {@code settle} (an
     * automatic warmup's; null: none) says the client is warm; true if the target proved unreachable.
     */
    private boolean everySecond(SecondSampler sampler, long phaseStartNs, long deadline, List<SecondSample> seconds,
                                Histogram total, Histogram serviceTotal, WarmupSettle settle)
            throws InterruptedException {
        // Seconds count from the phase's start, so a whole number of seconds gives that many samples.
        long nextSecond = phaseStartNs + SECOND_NS;
        while (true) {
            long wake = settle == null ? nextSecond : Math.min(nextSecond, settle.windowEndNs());
            if (waitUntil(Math.min(wake, deadline))) {
                return true;
            }
            long now = System.nanoTime();
            if (now >= nextSecond) {
                SecondSample sample = sampler.take(now, total, serviceTotal);
                if (seconds != null) {
                    seconds.add(sample);
                }
                nextSecond += SECOND_NS;
            }
            if (stopNow() || now >= deadline) {
                return false;
            }
            if (settle != null && now >= settle.windowEndNs() && settle.endWindow(now, sum(Counter.WARMUP_RESPONSES))) {
                return false;
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
        start(true);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Histogram total = newHistogram();
        List<StepResult> results = new ArrayList<>();
        boolean unreachable = false;
        for (int k = 0; k < steps.length && !interrupted && !unreachable; k++) {
            if (k > 0) {
                targetAll(steps[k], plan.rateFor(k));
            }
            long openingNs = (long) (1e9 * (steps[k] - (k == 0 ? 0 : steps[k - 1])) / plan.rateFor(k));
            unreachable = awaitOpen(steps[k], System.nanoTime() + openingNs + config.connectTimeoutNs());
            if (unreachable) {
                break;
            }
            collect(newHistogram()); // what completed while the step's connections were opening is not the step's
            long errorsBefore = errors();
            CpuSample before = CpuSample.take(threads, workers);
            long stepStart = System.nanoTime();
            unreachable = waitUntil(stepStart + plan.stepNs());
            long stepNs = System.nanoTime() - stepStart;
            CpuSample after = CpuSample.take(threads, workers);
            Histogram latency = newHistogram();
            collect(latency);
            total.add(latency);
            results.add(new StepResult(steps[k], (int) sum(Counter.OPEN_CONNECTIONS), stepNs, Latency.of(latency),
                    errors() - errorsBefore, after.since(before, stepNs)));
        }
        long stoppedAt = System.nanoTime();
        CpuSample cpuAtStop = CpuSample.take(threads, workers);
        RunTotals totals = stopAndTotal();
        long measuredNs = results.stream().mapToLong(StepResult::durationNs).sum();
        unreachable |= totals.get(Counter.CONNECTIONS_ESTABLISHED) == 0;
        ClientLoad client = results.isEmpty() ? cpuAtStop.since(cpuAtStop, 1) : results.getLast().client();
        RunResult run = new RunResult(config, engine, startedAt, measuredNs, Latency.of(total), List.of(),
                totals.get(Counter.BYTES_READ), totals, 0, 0, interrupted, unreachable, client, null, targetResults());
        return new RampResult(run, results, results.isEmpty() ? null : Knee.of(results), stoppedAt - start);
    }

    /** Starts every worker thread, measuring from the start or only after {@link LoadWorker#startMeasuring}. */
    private void start(boolean measureNow) {
        if (measureNow) {
            workers.forEach(LoadWorker::startMeasuring);
        }
        for (int i = 0; i < runners.size(); i++) {
            threads.add(Thread.ofPlatform().name("ringload-worker-" + i).daemon(true).start(runners.get(i)));
        }
    }

    /** Stops every worker, waits for it, and sums the counters (which the joins make safe to read). */
    private RunTotals stopAndTotal() throws InterruptedException {
        workers.forEach(LoadWorker::stop);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
        List<WorkerCounters> counters = new ArrayList<>();
        for (WorkerRunner runner : runners) {
            if (runner.failure() != null) {
                throw new IllegalStateException("engine thread failed: " + runner.failure(), runner.failure());
            }
            counters.add(runner.worker().finalCounters());
        }
        return RunTotals.of(counters);
    }

    /** Each request's statistics of a mix, summed over the workers (empty with one request); after they ended. */
    private List<TargetResult> targetResults() {
        List<TargetStats> stats = new ArrayList<>();
        for (LoadWorker worker : workers) {
            if (worker.targetStats() != null) {
                stats.add(worker.targetStats());
            }
        }
        return stats.isEmpty() ? List.of() : TargetStats.merge(stats, workers.getFirst().targets(),
                config.highestLatencyNs());
    }

    /** Waits (briefly: one loop iteration of each worker) until every live worker has entered the measured phase. */
    private void awaitMeasuring() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (WorkerRunner runner : runners) {
            while (runner.worker().counts().get(Counter.MEASURING) == 0 && !runner.finished()
                    && runner.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
    }

    /**
     * Waits until every worker has had a connection up (at most the connect timeout and a second), or the run must
     * stop; true if the target proved unreachable.
     */
    private boolean awaitFirstConnections() throws InterruptedException {
        long deadline = System.nanoTime() + config.connectTimeoutNs() + SECOND_NS;
        for (LoadWorker worker : workers) {
            while (worker.counts().get(Counter.CONNECTS_OK) == 0 && System.nanoTime() < deadline && !stopNow()) {
                if (unreachable()) {
                    return true;
                }
                Thread.sleep(1);
            }
        }
        return false;
    }

    /** Waits until {@code connections} are open, the deadline passes or the run must stop; true if unreachable. */
    private boolean awaitOpen(int connections, long deadline) throws InterruptedException {
        while (sum(Counter.OPEN_CONNECTIONS) < connections && System.nanoTime() < deadline && !stopNow()) {
            if (unreachable()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return false;
    }

    private void targetAll(int total, double perSecond) {
        int n = workers.size();
        for (int i = 0; i < n; i++) {
            workers.get(i).targetConnections(total / n + (i < total % n ? 1 : 0), perSecond / n);
        }
    }

    /** The workers' last published counts, summed: one snapshot of each per call. */
    private Counts live() {
        Counts sum = Counts.zero();
        for (LoadWorker worker : workers) {
            sum = sum.plus(worker.counts());
        }
        return sum;
    }

    private long sum(Counter counter) {
        return live().get(counter);
    }

    private long errors() {
        return live().errors();
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
        for (WorkerRunner runner : runners) {
            if (runner.failure() != null) {
                return true;
            }
            allFinished &= runner.finished();
        }
        return allFinished;
    }

    /** No connection ever succeeded and every connection has failed at least once. */
    private boolean unreachable() {
        Counts now = live();
        return now.get(Counter.CONNECTS_OK) == 0 && now.get(Counter.CONNECT_FAILURES) >= config.connections();
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
        return new Histogram(1, config.highestLatencyNs(), 3);
    }
}
