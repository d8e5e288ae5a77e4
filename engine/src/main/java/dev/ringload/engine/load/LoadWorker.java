package dev.ringload.engine.load;

import dev.ringload.engine.http.RepeatedResponse;
import dev.ringload.engine.http.ResponseParser;
import dev.ringload.engine.os.Errno;
import dev.ringload.engine.os.ThreadIds;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportError;
import dev.ringload.engine.transport.TransportEvents;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * One thread's share of a run, as a duty cycle (Agrona's {@code Agent}): {@link #doWork} once per loop iteration
 * with the iteration's clock, then the {@link Transport}'s events. It owns pipelining, the send stamps, response
 * parsing, error and reconnect accounting, timeouts, the request budget and the connection ramp; the transport
 * only moves bytes and the {@link SendPlan} chooses them. Nothing here reads a clock or sleeps, so a test can
 * step it with a fake transport and a hand-driven clock.
 *
 * <p>Two ways to decide when a request goes. Closed loop: a connection sends k more when k responses complete,
 * and latency runs from the hand-over to the kernel. Open loop (an {@link OpenLoopRate}): an
 * {@link ArrivalSchedule} gives every request an intended send time; {@link #doWork} hands the requests that are
 * due to connections with a free pipeline slot, round-robin, and a request with no free slot waits. Latency runs
 * from the intended time (corrected for coordinated omission); service latency from the hand-over; the schedule
 * lag is the difference.
 *
 * <p>Only {@link #stop}, {@link #startMeasuring}, {@link #targetConnections}, {@link #counts()} and the
 * recorders' interval reads may be called from other threads.
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
    /** A mix: each request's statistics (null with one request), and whether HEAD is mixed with other methods. */
    private final TargetStats targetStats;
    /** When the transport last looked for completions (see {@link #onWake}). */
    private long lastWakeNs;
    /** The kernel's id of the worker's thread, for its scheduler statistics; -1 until it starts or where unknown. */
    private volatile int nativeThreadId = -1;
    private final boolean headPerRequest;
    /** The warmup's latencies (reported under their own tag, never in the results). */
    private final IntervalRecorder warmupRecorder;
    /** Where latencies go now: the warmup's recorder until the measured phase begins, then {@link #recorder}. */
    private IntervalRecorder active;
    /** Open loop only (else null): response complete - hand-over, and hand-over - intended. */
    private final IntervalRecorder serviceRecorder;
    private final IntervalRecorder lagRecorder;
    /** Open loop only (else null). */
    private final ArrivalSchedule schedule;
    /** Open loop: connections that may have a free pipeline slot, each at most once (a ring, FIFO). */
    private final int[] ready;
    private int readyHead;
    private int readyCount;
    /** Open loop: after the last dispatch a due request found no free slot. */
    private boolean starved;
    private long lastWorkNs;
    private final RequestBudget budget;
    private final int pipelining;
    private final int[] toStamp;
    private int toStampCount;

    private volatile boolean running = true;
    private volatile boolean measureRequested;
    /** What ran before the measured phase was a warmup even without one configured (a timed start's lead). */
    private boolean warmedUp;
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
        RepeatedResponse repeated = new RepeatedResponse();
        OpenLoopRate rate = config.rateOf(workerIndex);
        for (int i = 0; i < count; i++) {
            RequestSlots slots = new RequestSlots(pipelining, rate != null, plan.notesTargets());
            connections[i] = new LoadConnection(i, slots, repeated);
            connections[i].parser.expectNoBody(config.headRequests());
        }
        this.toStamp = new int[count];
        this.recorder = new IntervalRecorder(config.highestLatencyNs());
        int targets = plan.targets();
        this.targetStats = targets > 1 ? new TargetStats(targets, config.highestLatencyNs()) : null;
        boolean anyHead = false;
        boolean anyBody = false;
        for (int t = 0; t < targets; t++) {
            anyHead |= plan.head(t);
            anyBody |= !plan.head(t);
        }
        this.headPerRequest = anyHead && anyBody;
        this.warmupRecorder = new IntervalRecorder(config.highestLatencyNs());
        this.active = warmupRecorder;
        if (rate != null) {
            this.schedule = new ArrivalSchedule(rate, config.durationNs(), config.seedOf(workerIndex));
            this.serviceRecorder = new IntervalRecorder(config.highestLatencyNs());
            this.lagRecorder = new IntervalRecorder(config.highestLatencyNs());
            this.ready = new int[count];
        } else {
            this.schedule = null;
            this.serviceRecorder = null;
            this.lagRecorder = null;
            this.ready = null;
        }
        this.budget = new RequestBudget(config.requestsOf(workerIndex));
        this.target = count;
    }

    /** First iteration, on the worker's thread: starts the first connects. */
    public void start(long nowNs) {
        this.nowNs = nowNs;
        this.lastWakeNs = nowNs;
        this.nativeThreadId = ThreadIds.current();
        openDue();
    }

    /**
     * Once per loop iteration, before the transport's poll: stamps the sends queued since the last one with
     * {@code nowNs} (the poll hands them to the kernel), switches phase, runs timers, opens due connections and
     * publishes the counters. Returns the work it did (connections opened or dropped by timers).
     */
    public int doWork(long nowNs) {
        this.nowNs = nowNs;
        int work = 0;
        if (schedule != null) {
            work += dispatch(nowNs); // before the stamps: these sends go out in the coming poll too
        }
        stampQueuedSends(nowNs);
        if (measureRequested && !measuring) {
            // The phase changes here, between rounds of events: counters and latencies switch at the same instant.
            counters.set(Counter.WARMUP_RESPONSES, counters.get(Counter.RESPONSES));
            if (config.warmupNs() > 0 || schedule != null || warmedUp) {
                // Without a warmup everything so far (a failed first connect) counts; but an open loop is only
                // switched once its connections came up (LoadRun), and what it sent before is not in the window.
                counters.restartAfterWarmup();
            }
            measuring = true;
            active = recorder; // between rounds: no batch is open
            counters.set(Counter.MEASURING, 1);
            if (schedule != null) {
                schedule.startRamp(nowNs);
            }
        }
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
            active.endBatch();
            if (serviceRecorder != null) {
                serviceRecorder.endBatch();
            }
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
        if (schedule != null && measuring && toStampCount > 0) {
            stampAndRecordLag(now);
            return;
        }
        for (int i = 0; i < toStampCount; i++) {
            LoadConnection c = connections[toStamp[i]];
            if (c.stampPending) {
                c.stampPending = false;
                c.slots.sent(c.sent - c.sendingCount, c.sendingCount, now);
            }
        }
        toStampCount = 0;
    }

    /** Open loop, measured phase: stamps as above and records each request's lag behind its schedule. */
    private void stampAndRecordLag(long now) {
        lagRecorder.beginBatch();
        for (int i = 0; i < toStampCount; i++) {
            LoadConnection c = connections[toStamp[i]];
            if (c.stampPending) {
                c.stampPending = false;
                long first = c.sent - c.sendingCount;
                c.slots.sent(first, c.sendingCount, now);
                for (long n = first; n < c.sent; n++) {
                    lagRecorder.record(now - c.slots.intendedNs(n));
                }
            }
        }
        lagRecorder.endBatch();
        toStampCount = 0;
    }

    /**
     * Open loop: hands every due request to a connection with a free pipeline slot, taking connections in turn
     * (each gets the due requests its free slots can carry, so a deep pipeline still sends them as one batch).
     * A request that finds no free slot stays due: it waits, and the wait is part of its latency.
     */
    private int dispatch(long now) {
        if (starved) {
            counters.add(Counter.SLOT_WAIT_NS, now - lastWorkNs);
        }
        lastWorkNs = now;
        int assigned = 0;
        long due = schedule.peekNs();
        while (due <= now && readyCount > 0) {
            LoadConnection c = connections[ready[readyHead]];
            int room = freeSlots(c);
            readyHead = readyHead + 1 == ready.length ? 0 : readyHead + 1;
            readyCount--;
            c.ready = false;
            if (room <= 0) {
                continue;
            }
            long number = c.sent + c.owed;
            int k = 0;
            do {
                c.slots.intend(number + k, schedule.take());
                k++;
                due = schedule.peekNs();
            } while (k < room && due <= now);
            assigned += k;
            c.owed += k;
            startSend(c);
            // A connection still sending gets more only after onSent; it queues itself again there.
        }
        starved = due <= now;
        return assigned;
    }

    /** Open loop: slots a connection can take requests into now (none while a send is in progress). */
    private int freeSlots(LoadConnection c) {
        return c.state == LoadConnection.OPEN && !c.sending ? pipelining - c.inFlight() : 0;
    }

    /** Open loop: {@code c} may have a free slot; queues it for the next dispatch unless it is queued already. */
    private void offer(LoadConnection c) {
        if (!c.ready && freeSlots(c) > 0) {
            c.ready = true;
            int tail = readyHead + readyCount;
            ready[tail >= ready.length ? tail - ready.length : tail] = c.index;
            readyCount++;
        }
    }

    /**
     * How long the loop may wait in the kernel from {@code nowNs}: until the next request is due (open loop),
     * never longer than {@code maxNs}. A due request that found no free slot waits for a response instead.
     */
    public long waitNs(long nowNs, long maxNs) {
        if (schedule == null || starved) {
            return maxNs;
        }
        long due = schedule.peekNs();
        return due <= nowNs ? 0 : Math.min(maxNs, due - nowNs);
    }

    /** Whether requests follow an open-loop schedule (the loop's wait depends on it). */
    public boolean openLoop() {
        return schedule != null;
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
        // A turn: from the last look at completions to this one, the wait in between left out (ClientStalls).
        long turnNs = nowNs - blockedNs - lastWakeNs;
        lastWakeNs = nowNs;
        if (turnNs > counters.get(Counter.LONGEST_TURN_NS)) {
            counters.set(Counter.LONGEST_TURN_NS, turnNs);
        }
        active.beginBatch();
        if (serviceRecorder != null) {
            serviceRecorder.beginBatch();
        }
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
        if (schedule == null) {
            grant(c, pipelining);
        } else {
            schedule.start(nowNs); // the thread's first connection starts its schedule
            offer(c);
        }
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
        int n = plan.next(c.index, c.sent, c.owed, c.slots, batch);
        if (n <= 0) {
            return;
        }
        if (headPerRequest && c.inFlight() == 0) {
            c.parser.expectNoBody(plan.head(c.slots.target(c.sent))); // the next response answers this request
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
        } else if (schedule != null) {
            offer(c);
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
                    recordForTargets(c, completed);
                    drop(c, ErrorKind.PARSE); // a response nobody asked for
                    return false;
                }
                record(c);
                completed++;
                if (parser.closes()) {
                    recordForTargets(c, completed);
                    lose(c, ErrorKind.CLOSED_MID_PIPELINE, true); // counts what was pipelined behind it
                    return false;
                }
            } else if (parser.failed()) {
                recordForTargets(c, completed);
                drop(c, ErrorKind.PARSE);
                return false;
            }
        }
        if (completed > 0) {
            recordForTargets(c, completed); // before new sends reuse the slots
            if (schedule == null) {
                grant(c, completed);
            } else {
                offer(c);
            }
        }
        return true;
    }

    private void record(LoadConnection c) {
        if (schedule == null) {
            // Closed loop: from the hand-over of the request's bytes to the response's last byte.
            long latency = nowNs - c.slots.sentNs(c.received);
            if (latency < 0) {
                counters.add(Counter.LATENCY_BELOW_ZERO, 1);
            }
            active.record(latency);
        } else {
            recordOpenLoop(c);
        }
        int status = c.parser.status();
        if ((status < 200 || status >= 300) && targetStats != null && measuring) {
            targetStats.status(c.slots.target(c.received), status); // a 2xx, and latency: recordForTargets
        }
        c.received++;
        if (headPerRequest && c.sent > c.received) {
            c.parser.expectNoBody(plan.head(c.slots.target(c.received)));
        }
        counters.add(Counter.RESPONSES, 1);
        counters.status(status);
    }

    /**
     * A mix: each of the last {@code completed} responses on {@code c} counts for its request, with its latency
     * (open loop: corrected), in one pass after the parser's loop; the slots still hold them until new sends.
     */
    private void recordForTargets(LoadConnection c, int completed) {
        if (targetStats != null && measuring && completed > 0) {
            targetStats.recordResponses(c.slots, c.received - completed, completed, nowNs, schedule != null);
        }
    }

    /** Open loop: corrected latency from the intended send time, service latency from the hand-over. */
    private void recordOpenLoop(LoadConnection c) {
        long corrected = nowNs - c.slots.intendedNs(c.received);
        long service = nowNs - c.slots.sentNs(c.received);
        if (corrected < 0 || service < 0) {
            counters.add(Counter.LATENCY_BELOW_ZERO, 1);
        }
        active.record(corrected);
        if (measuring) {
            serviceRecorder.record(service);
        }
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
                recordForTargets(c, 1);
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
            if (targetStats != null && measuring) {
                for (long n = c.received; n < c.sent; n++) {
                    targetStats.error(c.slots.target(n));
                }
            }
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

    /**
     * Starts the measured phase after a warmup whatever the configured one (a timed start connects and loads before
     * its instant): the counters restart. Any thread.
     */
    public void startMeasuringAfterWarmup() {
        warmedUp = true; // published by the volatile write below
        measureRequested = true;
    }

    /**
     * Latencies in nanoseconds (open loop: from the intended send time), recorded by the worker thread only; any
     * thread may take intervals.
     */
    public IntervalRecorder recorder() {
        return recorder;
    }

    /** Latencies of the warmup (open loop: corrected), recorded until the measured phase begins. Any thread. */
    public IntervalRecorder warmupRecorder() {
        return warmupRecorder;
    }

    /** Open loop: response complete - hand-over to the kernel; null in a closed loop. */
    public IntervalRecorder serviceRecorder() {
        return serviceRecorder;
    }

    /** Open loop: hand-over to the kernel - intended send time; null in a closed loop. */
    public IntervalRecorder lagRecorder() {
        return lagRecorder;
    }

    /** The counters as last published (once per iteration, and when the worker finished). Any thread. */
    public Counts counts() {
        return counters.snapshot();
    }

    /** How many different requests the worker's plan sends. */
    int targets() {
        return plan.targets();
    }

    /** The kernel's id of this worker's thread; -1 before it started or where /proc does not say. */
    int nativeThreadId() {
        return nativeThreadId;
    }

    /** Each request's statistics of a mix, or null with one request; only after the thread has ended. */
    TargetStats targetStats() {
        return targetStats;
    }

    /** The counters, statuses and first error, for {@link RunTotals}; only after the thread has ended. */
    WorkerCounters finalCounters() {
        return counters;
    }
}
