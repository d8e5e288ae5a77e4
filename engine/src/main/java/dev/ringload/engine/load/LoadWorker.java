package dev.ringload.engine.load;

import dev.ringload.engine.http.ResponseParser;
import dev.ringload.engine.os.Errno;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportError;
import dev.ringload.engine.transport.TransportEvents;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * One thread's share of a run, as a duty cycle (Agrona's {@code Agent}): {@link #doWork} once per loop iteration
 * with the iteration's clock, then the {@link Transport}'s events. It owns pipelining (send k more when k
 * responses complete), the send stamps, response parsing, error and reconnect accounting, timeouts, the request
 * budget and the connection ramp; the transport only moves bytes and the {@link SendPlan} chooses them. Nothing
 * here reads a clock or sleeps, so a test can step it with a fake transport and a hand-driven clock.
 *
 * <p>Only {@link #stop}, {@link #startMeasuring}, {@link #targetConnections}, {@link #counts()} and
 * {@link #recorder()} may be called from other threads.
 */
public final class LoadWorker implements TransportEvents {

    static final long SCAN_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long CONNECT_BACKOFF_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LoadConfig config;
    private final Transport transport;
    private final SendPlan plan;
    private final SendBatch batch = new SendBatch();
    private final LoadConnection[] connections;
    private final WorkerCounters counters = new WorkerCounters();
    private final IntervalRecorder recorder;
    private final RequestBudget budget;
    private final int pipelining;
    private final int[] toStamp;
    private int toStampCount;

    private volatile boolean running = true;
    private volatile boolean measureRequested;
    private boolean measuring;
    private volatile int target;
    private volatile double targetRate;
    private int opened;
    private int seenTarget = -1;
    private long nextOpenNs;
    private long nextScanNs;
    private boolean roundOpen;
    /** The clock of the current iteration, or of the current round of events. */
    private long nowNs;

    public LoadWorker(LoadConfig config, int workerIndex, Transport transport, SendPlan plan) {
        this.config = config;
        this.transport = transport;
        this.plan = plan;
        this.pipelining = config.pipelining();
        int count = config.connectionsOf(workerIndex);
        this.connections = new LoadConnection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = new LoadConnection(i, pipelining);
            connections[i].parser.expectNoBody(config.headRequests());
        }
        this.toStamp = new int[count];
        this.recorder = new IntervalRecorder(config.highestLatencyNs());
        this.budget = new RequestBudget(config.requestsOf(workerIndex));
        this.target = count;
    }

    /** First iteration: starts the first connects. */
    public void start(long nowNs) {
        this.nowNs = nowNs;
        openDue();
    }

    /**
     * Once per loop iteration, before the transport's poll: stamps the sends queued since the last one with
     * {@code nowNs} (the poll hands them to the kernel), switches phase, runs timers, opens due connections and
     * publishes the counters. Returns the work it did (connections opened or dropped by timers).
     */
    public int doWork(long nowNs) {
        this.nowNs = nowNs;
        stampQueuedSends(nowNs);
        if (measureRequested && !measuring) {
            // The phase changes here, between rounds of events: counters and latencies switch at the same instant.
            counters.set(Counter.WARMUP_RESPONSES, counters.get(Counter.RESPONSES));
            if (config.warmupNs() > 0) {
                counters.restartAfterWarmup(); // without a warmup everything so far (a failed first connect) counts
            }
            measuring = true;
            counters.set(Counter.MEASURING, 1);
        }
        int work = 0;
        if (nowNs >= nextScanNs) {
            nextScanNs = nowNs + SCAN_INTERVAL_NS;
            work += scanTimers();
        }
        work += openDue();
        counters.publish();
        return work;
    }

    /** False once stopped, or once the request budget is spent and every response is in. */
    public boolean keepRunning() {
        return running && !(budget.spent() && idle());
    }

    /** Ends the round of events the transport's onWake began (the recorder's batch). */
    public void endRound() {
        if (roundOpen) {
            roundOpen = false;
            recorder.endBatch();
        }
    }

    /** The thread is done: final counters (what was still in flight, who ever connected), published. */
    public void finish() {
        endRound();
        long inFlight = 0;
        long established = 0;
        for (LoadConnection c : connections) {
            if (c.state == LoadConnection.OPEN) {
                inFlight += c.inFlight();
            }
            if (c.everConnected) {
                established++;
            }
        }
        counters.set(Counter.IN_FLIGHT_AT_STOP, inFlight);
        counters.set(Counter.CONNECTIONS_ESTABLISHED, established);
        counters.publish();
    }

    private void stampQueuedSends(long now) {
        for (int i = 0; i < toStampCount; i++) {
            LoadConnection c = connections[toStamp[i]];
            if (c.stampPending) {
                c.stampPending = false;
                c.slots.sent(c.sent - c.sendingCount, c.sendingCount, now);
            }
        }
        toStampCount = 0;
    }

    /**
     * Connections to keep open from now on (a ramp step), opened {@code perSecond} per second so the server never
     * sees a burst; {@code perSecond} <= 0 opens them at once. Only grows. Any thread.
     */
    public void targetConnections(int count, double perSecond) {
        targetRate = perSecond;
        target = Math.min(count, connections.length);
    }

    private int openDue() {
        int want = target;
        if (opened >= want || !running) {
            return 0;
        }
        if (want != seenTarget) {
            seenTarget = want; // a new step: its connections start opening now
            nextOpenNs = nowNs;
        }
        double rate = targetRate;
        long intervalNs = rate > 0 ? (long) (1e9 / rate) : 0;
        int started = 0;
        while (opened < want && nowNs >= nextOpenNs) {
            startConnect(connections[opened++]);
            nextOpenNs += intervalNs;
            started++;
        }
        return started;
    }

    /** Request timeouts, connect timeouts and reconnects after a back-off. */
    private int scanTimers() {
        int work = 0;
        for (LoadConnection c : connections) {
            switch (c.state) {
                case LoadConnection.OPEN -> {
                    if (c.inFlight() > 0 && nowNs - c.slots.sentNs(c.received) > config.timeoutNs()) {
                        drop(c, ErrorKind.TIMEOUT);
                        work++;
                    }
                }
                case LoadConnection.CONNECTING -> {
                    if (nowNs - c.connectStartNs > config.connectTimeoutNs()) {
                        c.connectTimedOut = true;
                        transport.abort(c.index);
                        connectFailed(c, TransportError.TIMED_OUT, 0);
                        work++;
                    }
                }
                case LoadConnection.BACKOFF -> {
                    if (nowNs >= c.retryAtNs && running) {
                        startConnect(c);
                        work++;
                    }
                }
                default -> {
                }
            }
        }
        return work;
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
        c.resetPipeline();
        c.state = LoadConnection.CONNECTING;
        c.connectStartNs = nowNs;
        transport.connect(c.index);
    }

    @Override
    public void onWake(long nowNs, long blockedNs) {
        this.nowNs = nowNs;
        counters.add(Counter.BLOCKED_NS, blockedNs);
        recorder.beginBatch();
        roundOpen = true;
    }

    /** The connect finished: send the first {@code pipelining} requests. */
    @Override
    public void onConnected(int connection) {
        LoadConnection c = connections[connection];
        if (c.state != LoadConnection.CONNECTING) {
            return;
        }
        c.state = LoadConnection.OPEN;
        counters.add(Counter.CONNECTS_OK, 1);
        counters.add(Counter.OPEN_CONNECTIONS, 1);
        if (c.everConnected) {
            counters.add(Counter.RECONNECTS, 1);
        }
        c.everConnected = true;
        grant(c, pipelining);
    }

    @Override
    public void onConnectFailed(int connection, TransportError error, int errno) {
        LoadConnection c = connections[connection];
        if (c.state == LoadConnection.CONNECTING) {
            connectFailed(c, error, errno);
        }
    }

    /** Counts a failed connect and retries after a pause. */
    private void connectFailed(LoadConnection c, TransportError error, int errno) {
        ErrorKind kind = c.connectTimedOut || error == TransportError.TIMED_OUT ? ErrorKind.CONNECT_TIMEOUT
                : error == TransportError.REFUSED ? ErrorKind.CONNECT_REFUSED : ErrorKind.CONNECT_OTHER;
        counters.error(kind, 1);
        counters.add(Counter.CONNECT_FAILURES, 1);
        if (counters.firstConnectError == null) {
            counters.firstConnectError = kind == ErrorKind.CONNECT_TIMEOUT
                    ? "connect timed out after " + TimeUnit.NANOSECONDS.toMillis(config.connectTimeoutNs()) + " ms"
                    : errno != 0 ? Errno.describe(errno) : error.description();
        }
        c.state = LoadConnection.BACKOFF;
        c.retryAtNs = nowNs + CONNECT_BACKOFF_NS;
    }

    /** Allows {@code k} more requests on {@code c}, within the budget. */
    private void grant(LoadConnection c, int k) {
        if (!running) {
            return;
        }
        k = budget.take(k);
        if (k <= 0) {
            return;
        }
        c.owed += k;
        if (!c.sending) {
            startSend(c);
        }
    }

    private void startSend(LoadConnection c) {
        int n = plan.next(c.index, c.sent, c.owed, nowNs, c.slots, batch);
        if (n <= 0) {
            return;
        }
        c.owed -= n;
        c.sending = true;
        c.sendingCount = n;
        c.sent += n;
        counters.add(Counter.REQUESTS_SENT, n);
        if (!c.stampPending) {
            c.stampPending = true;
            toStamp[toStampCount++] = c.index;
        }
        transport.send(c.index, batch.bytes, batch.offset, batch.length);
    }

    @Override
    public void onSent(int connection) {
        LoadConnection c = connections[connection];
        if (c.state != LoadConnection.OPEN || !c.sending) {
            return;
        }
        c.sending = false;
        if (c.owed > 0) {
            startSend(c);
        }
    }

    /** Parses received bytes and records each completed response; false when the connection was dropped. */
    @Override
    public boolean onData(int connection, MemorySegment segment, long offset, int length) {
        LoadConnection c = connections[connection];
        if (c.state != LoadConnection.OPEN) {
            return false;
        }
        counters.add(Counter.BYTES_READ, length);
        ResponseParser parser = c.parser;
        long end = offset + length;
        long i = offset;
        int completed = 0;
        while (i < end) {
            i = parser.parse(segment, i, end);
            if (parser.complete()) {
                if (c.inFlight() == 0) {
                    drop(c, ErrorKind.PARSE); // a response nobody asked for
                    return false;
                }
                record(c);
                completed++;
                if (parser.closes()) {
                    lose(c, ErrorKind.CLOSED_MID_PIPELINE, true); // counts what was pipelined behind it
                    return false;
                }
            } else if (parser.failed()) {
                drop(c, ErrorKind.PARSE);
                return false;
            }
        }
        if (completed > 0) {
            grant(c, completed);
        }
        return true;
    }

    private void record(LoadConnection c) {
        if (measuring) {
            // Closed loop: from the hand-over of the request's bytes to the response's last byte.
            recorder.record(nowNs - c.slots.sentNs(c.received)); // warmup latencies are not results
        }
        c.received++;
        counters.add(Counter.RESPONSES, 1);
        counters.status(c.parser.status());
    }

    /** The transport lost the connection: finish a close-delimited response, count what was still in flight. */
    @Override
    public void onClosed(int connection, TransportError error) {
        LoadConnection c = connections[connection];
        if (c.state != LoadConnection.OPEN) {
            return;
        }
        if (error == TransportError.PEER_CLOSED) {
            if (c.parser.finishAtClose() && c.inFlight() > 0) {
                record(c);
            }
            lose(c, ErrorKind.CLOSED_MID_PIPELINE, false);
        } else {
            lose(c, ErrorKind.RESET, false);
        }
    }

    /** Drops {@code c} on the worker's own decision (timeout, garbage): aborts its socket, then as {@link #lose}. */
    private void drop(LoadConnection c, ErrorKind kind) {
        lose(c, kind, true);
    }

    /**
     * {@code c} is gone: the requests still in flight count as {@code kind} (nothing when none were; a parse error
     * counts at least one), the budget gets them back, and the connection is reopened.
     */
    private void lose(LoadConnection c, ErrorKind kind, boolean closeSocket) {
        int inFlight = c.inFlight();
        long errors = kind == ErrorKind.PARSE ? Math.max(inFlight, 1) : inFlight;
        if (errors > 0) {
            counters.error(kind, errors);
        }
        budget.giveBack(inFlight + c.owed);
        if (closeSocket) {
            if (kind == ErrorKind.CLOSED_MID_PIPELINE) {
                transport.close(c.index);
            } else {
                transport.abort(c.index);
            }
        }
        c.state = LoadConnection.CLOSED;
        counters.add(Counter.OPEN_CONNECTIONS, -1);
        if (running) {
            startConnect(c);
        }
    }

    /** Asks the worker to stop after its current loop iteration. Any thread. */
    public void stop() {
        running = false;
    }

    /** Starts the measured phase at the next iteration: counters restart, latencies start recording. Any thread. */
    public void startMeasuring() {
        measureRequested = true;
    }

    /** Latencies in nanoseconds, recorded by the worker thread only; any thread may take intervals. */
    public IntervalRecorder recorder() {
        return recorder;
    }

    /** The counters as last published (once per iteration, and when the worker finished). Any thread. */
    public Counts counts() {
        return counters.snapshot();
    }

    /** The counters, statuses and first error, for {@link RunTotals}; only after the thread has ended. */
    WorkerCounters finalCounters() {
        return counters;
    }
}
