package dev.ringload.engine.load;

import dev.ringload.engine.http.ResponseParser;
import dev.ringload.engine.os.Affinity;
import dev.ringload.engine.os.Errno;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import static dev.ringload.bindings.uring.ringload_h.ECANCELED;
import static dev.ringload.bindings.uring.ringload_h.ECONNREFUSED;
import static dev.ringload.bindings.uring.ringload_h.ETIMEDOUT;

/**
 * What both engines share: pipelining (send k more when k responses complete), latency stamps, response parsing,
 * error and reconnect accounting, timeouts and the request budget. Subclasses only move bytes: they implement
 * {@link #ioConnect}, {@link #ioAbortConnect}, {@link #ioSend} and {@link #ioClose}, and report back through
 * {@link #connected}, {@link #connectFailed}, {@link #onData}, {@link #sendProgress} and {@link #lost}.
 */
public abstract class LoadWorkerBase implements LoadWorker {

    /** Wait at most this long in the kernel, so stop requests, timeouts and reconnects are seen promptly. */
    protected static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SCAN_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long CONNECT_BACKOFF_NS = TimeUnit.MILLISECONDS.toNanos(100);

    protected final LoadConfig config;
    protected final int workerIndex;
    protected final int pipelining;
    protected final int requestLength;
    protected final LoadConnection[] connections;
    protected final WorkerStats stats = new WorkerStats();
    private final IntervalRecorder recorder;
    private final int[] pendingStamps;
    private int pendingStampCount;
    private long budget;
    private long budgetReturnable;

    private volatile boolean running = true;
    private volatile boolean measureRequested;
    private boolean measuring;
    private volatile boolean measuringPublished;
    private volatile long warmupResponsesPublished;
    private volatile long bytesPublished;
    private volatile long connectsOkPublished;
    private volatile long connectFailuresPublished;
    private volatile boolean finishedPublished;
    private volatile Throwable failure;
    private long connectFailures;
    private volatile int target;
    private volatile double targetRate;
    private int opened;
    private int seenTarget = -1;
    private long nextOpenNs;
    private volatile int openPublished;
    private volatile long errorsPublished;
    private long blockedNs;
    private volatile long blockedPublished;
    private long nextScanNs;

    /** The clock as read once per loop iteration (before and after waiting). */
    protected long nowNs;

    protected LoadWorkerBase(LoadConfig config, int workerIndex) {
        this.config = config;
        this.workerIndex = workerIndex;
        this.pipelining = config.pipelining();
        this.requestLength = config.request().length;
        int count = config.connectionsOf(workerIndex);
        this.connections = new LoadConnection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = new LoadConnection(i, pipelining);
            connections[i].parser.expectNoBody(config.headRequests());
        }
        this.pendingStamps = new int[count];
        this.recorder = new IntervalRecorder(Math.max(config.timeoutNs() * 2, TimeUnit.SECONDS.toNanos(1)));
        this.target = count;
        this.budget = config.requestsOf(workerIndex);
        this.budgetReturnable = Math.max(budget, 0);
    }

    @Override
    public final void run() {
        try {
            int cpu = config.cpuOf(workerIndex);
            if (cpu >= 0) {
                Affinity.pinCurrentThread(cpu);
            }
            setUp();
            nowNs = System.nanoTime();
            openDue();
            loop();
        } catch (Throwable t) {
            failure = t;
        } finally {
            long inFlight = 0;
            for (LoadConnection c : connections) {
                if (c.state == LoadConnection.OPEN) {
                    inFlight += c.inFlight();
                }
                if (c.everConnected) {
                    stats.connectionsEstablished++;
                }
            }
            stats.inFlightAtStop = inFlight;
            try {
                tearDown();
            } catch (Throwable t) {
                if (failure == null) failure = t;
            }
            publish();
            finishedPublished = true;
        }
    }

    /** Creates the I/O machinery on the worker thread. */
    protected abstract void setUp();

    /** Runs until {@link #keepRunning()} is false. Must call {@link #beforeWait()} once per iteration. */
    protected abstract void loop();

    /** Closes every socket and releases the I/O machinery. */
    protected abstract void tearDown();

    /** Opens a socket for {@code c} and starts connecting; report with {@link #connected} or {@link #connectFailed}. */
    protected abstract void ioConnect(LoadConnection c);

    /** Gives up a connect that took too long; {@link #connectFailed} must follow (now or on its completion). */
    protected abstract void ioAbortConnect(LoadConnection c);

    /** Sends {@code length} bytes from native address {@code address}; report with {@link #sendProgress}. */
    protected abstract void ioSend(LoadConnection c, long address, int length);

    /** Closes the connection's socket; nothing more may be reported for it. */
    protected abstract void ioClose(LoadConnection c);

    /** Native address of {@code pipelining} requests back to back (see {@link #pipelinedRequests}). */
    protected abstract long requestsAddress();

    /** {@code pipelining} copies of the encoded request back to back, so k requests are one contiguous send. */
    protected final MemorySegment pipelinedRequests(java.lang.foreign.Arena arena) {
        byte[] one = config.request();
        MemorySegment requests = arena.allocate((long) one.length * pipelining, 64);
        for (int i = 0; i < pipelining; i++) {
            MemorySegment.copy(one, 0, requests, java.lang.foreign.ValueLayout.JAVA_BYTE, (long) i * one.length, one.length);
        }
        return requests;
    }

    protected final boolean keepRunning() {
        return running && !(budget == 0 && idle());
    }

    /** Opens the recording batch for the completions drained after a wait; pair with {@link #afterDrain()}. */
    protected final void beforeDrain() {
        recorder.beginBatch();
    }

    protected final void afterDrain() {
        recorder.endBatch();
    }

    /** Once per loop iteration, before waiting: clock, send stamps, phase, timeouts, publication. */
    protected final void beforeWait() {
        nowNs = System.nanoTime();
        stampPending(nowNs);
        if (measureRequested && !measuring) {
            // The phase changes here, between batches: counters and latencies switch at the same instant.
            warmupResponsesPublished = stats.responses;
            if (config.warmupNs() > 0) {
                stats.reset(); // without a warmup everything so far (e.g. a failed first connect) counts
            }
            measuring = true;
            measuringPublished = true;
        }
        if (nowNs >= nextScanNs) {
            nextScanNs = nowNs + SCAN_INTERVAL_NS;
            scan();
        }
        openDue();
        publish();
    }

    /** Stamps every batch prepared since the last call with {@code now}: the moment it is handed to the kernel. */
    protected final void stampPending(long now) {
        for (int i = 0; i < pendingStampCount; i++) {
            LoadConnection c = connections[pendingStamps[i]];
            long first = c.sent - c.sendingCount;
            for (long n = first; n < c.sent; n++) {
                c.stamps[(int) (n % pipelining)] = now;
            }
        }
        pendingStampCount = 0;
    }

    /** Adds time the thread spent blocked waiting for completions (not working). */
    protected final void blocked(long ns) {
        blockedNs += ns;
    }

    /**
     * Connections to keep open from now on (a ramp step), opened {@code perSecond} per second so the server never
     * sees a burst; {@code perSecond} <= 0 opens them at once. Only grows. Callable from any thread.
     */
    public final void targetConnections(int count, double perSecond) {
        targetRate = perSecond;
        target = Math.min(count, connections.length);
    }

    private void openDue() {
        int want = target;
        if (opened >= want || !running) {
            return;
        }
        double rate = targetRate;
        if (want != seenTarget) {
            seenTarget = want; // a new step: its connections start opening now
            nextOpenNs = nowNs;
        }
        long intervalNs = rate > 0 ? (long) (1e9 / rate) : 0;
        while (opened < want && nowNs >= nextOpenNs) {
            startConnect(connections[opened++]);
            nextOpenNs += intervalNs;
        }
    }

    private void publish() {
        blockedPublished = blockedNs;
        bytesPublished = stats.bytesRead;
        connectsOkPublished = stats.connectsOk;
        connectFailuresPublished = connectFailures;
    }

    private void scan() {
        long timeoutNs = config.timeoutNs();
        int open = 0;
        long errors = 0;
        for (long e : stats.errors) {
            errors += e;
        }
        for (LoadConnection c : connections) {
            if (c.state == LoadConnection.OPEN) {
                open++;
            }
            switch (c.state) {
                case LoadConnection.OPEN -> {
                    if (c.inFlight() > 0 && nowNs - c.stamps[(int) (c.received % pipelining)] > timeoutNs) {
                        lost(c, ErrorKind.TIMEOUT);
                    }
                }
                case LoadConnection.CONNECTING -> {
                    if (!c.connectTimedOut && nowNs - c.connectStartNs > config.connectTimeoutNs()) {
                        c.connectTimedOut = true;
                        ioAbortConnect(c);
                    }
                }
                case LoadConnection.BACKOFF -> {
                    if (nowNs >= c.retryAtNs && running) {
                        startConnect(c);
                    }
                }
                default -> {
                }
            }
        }
        openPublished = open;
        errorsPublished = errors;
    }

    private boolean idle() {
        for (LoadConnection c : connections) {
            if (c.state == LoadConnection.OPEN && (c.inFlight() > 0 || c.owed > 0)) {
                return false;
            }
        }
        return true;
    }

    private void startConnect(LoadConnection c) {
        c.generation = (c.generation + 1) & 0xff_ffff;
        c.resetPipeline();
        c.state = LoadConnection.CONNECTING;
        c.connectStartNs = nowNs;
        ioConnect(c);
    }

    /** The connect finished: send the first {@code pipelining} requests. */
    protected final void connected(LoadConnection c) {
        c.state = LoadConnection.OPEN;
        stats.connectsOk++;
        if (c.everConnected) {
            stats.reconnects++;
        }
        c.everConnected = true;
        grant(c, pipelining);
    }

    /** The connect failed with {@code -res}: count it, close, and retry after a pause. */
    protected final void connectFailed(LoadConnection c, int res) {
        int errno = -res;
        ErrorKind kind = c.connectTimedOut || errno == ETIMEDOUT() || errno == ECANCELED() ? ErrorKind.CONNECT_TIMEOUT
                : errno == ECONNREFUSED() ? ErrorKind.CONNECT_REFUSED : ErrorKind.CONNECT_OTHER;
        stats.count(kind, 1);
        connectFailures++;
        if (stats.firstConnectError == null) {
            stats.firstConnectError = kind == ErrorKind.CONNECT_TIMEOUT
                    ? "connect timed out after " + TimeUnit.NANOSECONDS.toMillis(config.connectTimeoutNs()) + " ms"
                    : Errno.describe(errno);
        }
        ioClose(c);
        c.state = LoadConnection.BACKOFF;
        c.retryAtNs = nowNs + CONNECT_BACKOFF_NS;
    }

    /** Allows {@code k} more requests on {@code c}, within the budget. */
    private void grant(LoadConnection c, int k) {
        if (!running) {
            return;
        }
        if (budget >= 0) {
            k = (int) Math.min(k, budget);
            budget -= k;
        }
        if (k <= 0) {
            return;
        }
        c.owed += k;
        if (!c.sending) {
            startSend(c);
        }
    }

    private void startSend(LoadConnection c) {
        int n = c.owed;
        c.owed = 0;
        c.sending = true;
        c.sendingCount = n;
        c.sent += n;
        stats.requestsSent += n;
        pendingStamps[pendingStampCount++] = c.index;
        c.sendAddress = requestsAddress();
        c.sendRemaining = (long) n * requestLength;
        ioSend(c, c.sendAddress, (int) c.sendRemaining);
    }

    /** {@code res} bytes of the current send went out (or {@code -errno}). */
    protected final void sendProgress(LoadConnection c, int res) {
        if (res < 0) {
            lost(c, ErrorKind.RESET);
            return;
        }
        if (res < c.sendRemaining) {
            c.sendAddress += res;
            c.sendRemaining -= res;
            ioSend(c, c.sendAddress, (int) c.sendRemaining);
            return;
        }
        c.sending = false;
        c.sendRemaining = 0;
        if (c.owed > 0) {
            startSend(c);
        }
    }

    /**
     * Parses {@code length} received bytes; records each completed response. Returns false when the connection was
     * dropped (parse error, or a response that closes it) and must not be used any more.
     */
    protected final boolean onData(LoadConnection c, MemorySegment segment, long offset, int length) {
        stats.bytesRead += length;
        ResponseParser parser = c.parser;
        long end = offset + length;
        long i = offset;
        int completed = 0;
        while (i < end) {
            i = parser.parse(segment, i, end);
            if (parser.complete()) {
                if (c.inFlight() == 0) {
                    lost(c, ErrorKind.PARSE); // a response nobody asked for
                    return false;
                }
                record(c);
                completed++;
                if (parser.closes()) {
                    lost(c, ErrorKind.CLOSED_MID_PIPELINE); // counts what was pipelined behind it
                    return false;
                }
            } else if (parser.failed()) {
                lost(c, ErrorKind.PARSE);
                return false;
            }
        }
        if (completed > 0) {
            grant(c, completed);
        }
        return true;
    }

    private void record(LoadConnection c) {
        long latency = nowNs - c.stamps[(int) (c.received % pipelining)];
        if (measuring) {
            recorder.record(latency); // warmup latencies are not results; the warmup only reports its count
        }
        c.received++;
        stats.responses++;
        stats.status(c.parser.status());
    }

    /** The peer closed (EOF) cleanly: finish a close-delimited response, count what was still in flight. */
    protected final void peerClosed(LoadConnection c) {
        if (c.parser.finishAtClose() && c.inFlight() > 0) {
            record(c);
        }
        lost(c, ErrorKind.CLOSED_MID_PIPELINE);
    }

    /**
     * Drops {@code c}: the requests still in flight count as {@code kind} (nothing when none were), the budget gets
     * them back, and the connection is reopened.
     */
    protected final void lost(LoadConnection c, ErrorKind kind) {
        int inFlight = c.inFlight();
        int owed = c.owed;
        long errors = kind == ErrorKind.PARSE ? Math.max(inFlight, 1) : inFlight;
        if (errors > 0) {
            stats.count(kind, errors);
        }
        if (budget >= 0) {
            long back = Math.min(inFlight + owed, budgetReturnable);
            budgetReturnable -= back;
            budget += back;
        }
        ioClose(c);
        c.state = LoadConnection.CLOSED;
        if (running) {
            startConnect(c);
        }
    }

    protected final long budget() {
        return budget;
    }

    @Override
    public final IntervalRecorder recorder() {
        return recorder;
    }

    @Override
    public final WorkerStats stats() {
        return stats;
    }

    @Override
    public final long bytesRead() {
        return bytesPublished;
    }

    @Override
    public final long connectsOk() {
        return connectsOkPublished;
    }

    @Override
    public final long connectFailures() {
        return connectFailuresPublished;
    }

    @Override
    public final boolean finished() {
        return finishedPublished;
    }

    @Override
    public final void startMeasuring() {
        measureRequested = true;
    }

    @Override
    public final int openConnections() {
        return openPublished;
    }

    @Override
    public final long errors() {
        return errorsPublished;
    }

    @Override
    public final long blockedNs() {
        return blockedPublished;
    }

    @Override
    public final boolean measuring() {
        return measuringPublished;
    }

    @Override
    public final long warmupResponses() {
        return warmupResponsesPublished;
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final Throwable failure() {
        return failure;
    }
}
