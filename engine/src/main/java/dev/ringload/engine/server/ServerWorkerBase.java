package dev.ringload.engine.server;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * What both server engines share: connection slots, request framing, which responses are owed and when (--delay,
 * --close-every, Connection: close, 400/431), one send per batch from the pre-encoded {@link ResponseArea}, the
 * lingering close, and the injected faults of --fault. Subclasses move bytes: {@link #ioSend},
 * {@link #ioShutdownWrite}, {@link #ioClose}, {@link #ioDelay}, {@link #ioFaultTimer}, {@link #ioLingerZero}, and
 * report back with {@link #frame}, {@link #sendDone}, {@link #delayed}, {@link #faultTimerDone} and {@link #closeNow}.
 *
 * <p>Faults are decided per response, in the order the worker answers, right before a batch is sent: the batch
 * stops short of the first faulted response, which then gets its fault on its own.
 */
abstract class ServerWorkerBase implements Runnable {

    /** A closing connection whose peer never closes is dropped after this long. */
    static final long LINGER_SECONDS = 2;
    private static final long STOP_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /** A trickled response goes out in one piece per tick. */
    static final long TRICKLE_TICK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    protected final ServerConfig config;
    protected final int cpu;
    private final int workerIndex;
    private final CountDownLatch started;
    protected volatile boolean running = true;
    private volatile long servedPublished;
    private volatile long maxPipelinedPublished;
    private volatile Throwable failure;
    private long maxPipelined;
    private long served;
    /** Stalls and a rate limit (--stall, --max-rate); null when none is configured. */
    private final ServerPacing pacing;

    /** After a send: carry on; reset the connection; close it (lingering); send the next piece of a trickle. */
    static final int THEN_CONTINUE = 0;
    static final int THEN_RESET = 1;
    static final int THEN_CLOSE = 2;
    static final int THEN_TRICKLE = 3;

    /** Injected faults (--fault); null when none is configured. */
    protected final FaultPlan faults;
    /** Their bytes, built on the worker thread with {@link #responses}; null when none is configured. */
    protected FaultResponses faultResponses;
    /** Responses whose fault was decided so far: the request numbers {@link FaultPlan#faultOf} is asked about. */
    private long faultsDecided;
    /** How often each {@link FaultKind} fired, and the copy other threads read. */
    private final long[] faultsFired = new long[FaultKind.values().length];
    private final AtomicLongArray faultsPublished = new AtomicLongArray(FaultKind.values().length);

    protected ResponseArea responses;
    protected ServerConnection[] connections = new ServerConnection[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    protected int slotsUsed;
    protected long nowSecond;

    ServerWorkerBase(ServerConfig config, int workerIndex, int cpu, CountDownLatch started) {
        this.config = config;
        this.workerIndex = workerIndex;
        this.cpu = cpu;
        this.started = started;
        ServerConfig.Faults f = config.faults();
        ServerPacing p = new ServerPacing(f.stallNs(), f.stallEveryNs(), f.maxRate() / config.threads());
        this.pacing = p.active() ? p : null;
        this.faults = f.injected().isEmpty() ? null : new FaultPlan(f.injected(), f.seed(), workerIndex);
    }

    /** Builds the fault responses; engines call it on the worker thread, with the arena that holds the rest. */
    protected final void prepareFaults(SegmentAllocator allocator) {
        if (faults != null) {
            faultResponses = new FaultResponses(allocator, config, faults, config.faults().seed() + workerIndex);
        }
    }

    /** How long each injected fault's timer waits: its stall, or a trickle's 1 ms tick; 0 for the others. */
    static long faultTimerNs(InjectedFault fault) {
        return switch (fault.kind()) {
            case STALL -> fault.value();
            case TRICKLE -> TRICKLE_TICK_NS;
            default -> 0;
        };
    }

    /** How often {@code kind} fired so far (published once per loop iteration). */
    long faultsFired(FaultKind kind) {
        return faultsPublished.get(kind.ordinal());
    }

    long served() {
        return servedPublished;
    }

    /** The most requests one connection had framed but not yet answered: the pipelining depth clients used. */
    long maxPipelined() {
        return maxPipelinedPublished;
    }

    Throwable failure() {
        return failure;
    }

    void stop() {
        running = false;
    }

    protected final void started() {
        started.countDown();
    }

    protected final void failed(Throwable t) {
        failure = t;
        started.countDown();
    }

    protected final void publish() {
        servedPublished = served;
        maxPipelinedPublished = maxPipelined;
        if (faults != null) {
            for (int i = 0; i < faultsFired.length; i++) {
                faultsPublished.lazySet(i, faultsFired[i]);
            }
        }
    }

    /** Once per loop iteration: faults, the Date header, lingering connections, whatever else a second brings. */
    protected final void tick() {
        if (pacing != null) {
            pause();
        }
        long second = System.currentTimeMillis() / 1000;
        if (second != nowSecond) {
            nowSecond = second;
            responses.refreshDate(second);
            for (int i = 0; i < slotsUsed; i++) {
                ServerConnection c = connections[i];
                if (c != null && c.open && c.lingering && nowSecond - c.lingerSinceSecond >= LINGER_SECONDS) {
                    closeNow(c);
                }
            }
            onSecond();
        }
    }

    /** Freezes this worker while a stall lasts or the rate limit says wait; requests queue in the kernel meanwhile. */
    private void pause() {
        long pauseNs;
        while (running && (pauseNs = pacing.pauseNs(System.nanoTime(), served)) > 0) {
            publish();
            LockSupport.parkNanos(Math.min(pauseNs, STOP_CHECK_NS)); // slices, so that stop() is seen promptly
        }
    }

    /** Called once a second by {@link #tick()}. */
    protected void onSecond() {
    }

    /** Sends {@code length} bytes of responses from native address {@code address}; report with {@link #sendDone}. */
    protected abstract void ioSend(ServerConnection c, long address, long length);

    /** Half-closes after the last response (FIN after the data already queued). */
    protected abstract void ioShutdownWrite(ServerConnection c);

    /** Closes the socket; nothing more may be reported for it. */
    protected abstract void ioClose(ServerConnection c);

    /** The batch just pushed with {@link ServerConnection#pushDelayBatch} is due after --delay; then call {@link #delayed}. */
    protected abstract void ioDelay(ServerConnection c);

    /** Calls {@link #faultTimerDone} after {@link #faultTimerNs} of injected fault {@code fault}. */
    protected abstract void ioFaultTimer(ServerConnection c, int fault);

    /** Sets SO_LINGER to 0, so that the close that follows sends a reset instead of a FIN. */
    protected abstract void ioLingerZero(ServerConnection c);

    protected final ServerConnection allocate(int fd) {
        ServerConnection c;
        if (freeCount > 0) {
            c = connections[freeSlots[--freeCount]];
        } else {
            if (slotsUsed == connections.length) {
                connections = Arrays.copyOf(connections, connections.length * 2);
                freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
            }
            c = new ServerConnection(slotsUsed);
            connections[slotsUsed++] = c;
        }
        c.reset(fd);
        return c;
    }

    /** Frames {@code length} received bytes and answers what became due. */
    protected final void frame(ServerConnection c, MemorySegment segment, long offset, int length) {
        if (c.discardInput || c.lingering) {
            return;
        }
        c.parser.parse(segment, offset, length);
        int framed = c.parser.completed();
        if (c.parser.closeAfterLast()) {
            c.closeAt = c.queued + framed;
        }
        long closeEvery = config.closeEvery();
        if (closeEvery > 0 && c.queued + framed >= closeEvery) {
            // Requests past the N-th are left unanswered: the client sees the close mid-pipeline.
            framed = (int) (closeEvery - c.queued);
            c.closeAt = c.closeAt < 0 ? closeEvery : Math.min(c.closeAt, closeEvery);
        }
        if (c.parser.error() != 0 && c.closeAt < 0) {
            c.errorStatus = c.parser.error();
        }
        c.discardInput = c.parser.stopped() || c.closeAt >= 0;
        if (framed > 0) {
            c.queued += framed;
            maxPipelined = Math.max(maxPipelined, c.queued - c.sent);
            if (config.delayNs() > 0) {
                if (c.pushDelayBatch(framed)) {
                    ioDelay(c);
                }
            } else {
                c.ready = c.queued;
            }
        }
        trySend(c);
    }

    /** A delayed batch is due. */
    protected final void delayed(ServerConnection c) {
        c.ready += c.popDelayBatch();
        trySend(c);
    }

    private void trySend(ServerConnection c) {
        if (c.sending || c.lingering || !c.open || c.muted) {
            return;
        }
        long owed = c.ready - c.sent;
        if (owed > 0) {
            int k = (int) Math.min(owed, responses.repeat());
            long head = c.parser.nextHeadFrom(c.sent); // Long.MAX_VALUE: none
            if (head - c.sent < k) {
                k = head == c.sent ? 1 : (int) (head - c.sent); // a HEAD is answered alone
            }
            if (faults != null) {
                k = beforeFault(c, k);
                if (k == 0) {
                    startFault(c);
                    return;
                }
            }
            if (head == c.sent) {
                sendOne(c, true);
            } else if (closesAfter(c, k)) {
                startSend(c, k, responses.closingBatch(k), responses.closingBatchLength(k));
            } else {
                startSend(c, k, responses.normalBatch(), responses.normalBatchLength(k));
            }
        } else if (c.errorStatus != 0 && c.ready == c.queued) {
            c.sendingError = true;
            startSend(c, 0, responses.error(c.errorStatus), responses.errorLength(c.errorStatus));
        }
    }

    /**
     * How many of the next {@code k} responses go out before the next faulted one, deciding the faults of those
     * not decided yet (each response once, in the order they are answered).
     */
    private int beforeFault(ServerConnection c, int k) {
        long end = c.sent + k;
        for (long n = Math.max(c.sent, c.faultsDecidedUpTo); c.faultIndex < 0 && n < end; n++) {
            int fault = faults.faultOf(++faultsDecided);
            c.faultsDecidedUpTo = n + 1;
            if (fault >= 0) {
                c.faultIndex = fault;
                c.faultAt = n;
            }
        }
        return c.faultIndex < 0 ? k : (int) Math.min(k, c.faultAt - c.sent);
    }

    /** Response number {@code c.sent} is the faulted one: do to it what its fault says. */
    private void startFault(ServerConnection c) {
        int index = c.faultIndex;
        c.faultIndex = -1;
        FaultKind kind = faults.fault(index).kind();
        faultsFired[kind.ordinal()]++;
        if (kind.terminal()) {
            c.discardInput = true; // nothing after the faulted request is answered
        }
        switch (kind) {
            case RESET -> sendThen(c, THEN_RESET, responses.normalBatch(), responses.normalLength() / 2);
            case CLOSE_MID_PIPELINE -> startLingeringClose(c);
            case NO_RESPONSE -> c.muted = true;
            case BAD_STATUS, BAD_CHUNK, GARBAGE ->
                    sendThen(c, THEN_CLOSE, faultResponses.address(index), faultResponses.length(index));
            case HUGE_HEADERS -> startSend(c, 1, faultResponses.address(index), faultResponses.length(index));
            case STALL -> {
                c.sending = true; // holds trySend off until the timer fires
                c.sendRemaining = 0;
                c.timerFault = index;
                ioFaultTimer(c, index);
            }
            case TRICKLE -> {
                c.timerFault = index;
                boolean head = answersHead(c);
                boolean last = lastBeforeClose(c);
                c.trickleAddress = responses.single(head, last);
                c.trickleRemaining = responses.singleLength(head, last);
                trickleNext(c);
            }
        }
    }

    /** The stalled response is due, or the next piece of a trickle. */
    protected final void faultTimerDone(ServerConnection c) {
        if (faults.fault(c.timerFault).kind() == FaultKind.TRICKLE) {
            trickleNext(c);
            return;
        }
        sendOne(c, answersHead(c));
    }

    /**
     * Sends response number {@code c.sent} alone: the head only when it answers a HEAD ({@code toHead}), closing
     * when it is the last.
     */
    private void sendOne(ServerConnection c, boolean toHead) {
        boolean last = lastBeforeClose(c);
        startSend(c, 1, responses.single(toHead, last), responses.singleLength(toHead, last));
    }

    /** Response number {@code c.sent} answers a HEAD request. */
    private static boolean answersHead(ServerConnection c) {
        return c.parser.nextHeadFrom(c.sent) == c.sent;
    }

    /** Response number {@code c.sent} is the last before the connection closes. */
    private static boolean lastBeforeClose(ServerConnection c) {
        return closesAfter(c, 1);
    }

    /** The connection closes after the next {@code k} responses. */
    private static boolean closesAfter(ServerConnection c, int k) {
        return c.closeAt >= 0 && c.sent + k == c.closeAt;
    }

    /** Sends the next bytes-per-millisecond of a trickled response; the last piece completes the response. */
    private void trickleNext(ServerConnection c) {
        long piece = Math.min(faults.fault(c.timerFault).value(), c.trickleRemaining);
        long address = c.trickleAddress;
        c.trickleAddress += piece;
        c.trickleRemaining -= piece;
        boolean last = c.trickleRemaining == 0;
        c.thenAction = last ? THEN_CONTINUE : THEN_TRICKLE;
        startSend(c, last ? 1 : 0, address, piece);
    }

    /** Sends bytes that complete no response, then does {@code then}. */
    private void sendThen(ServerConnection c, int then, long address, long length) {
        c.thenAction = then;
        startSend(c, 0, address, length);
    }

    private void startSend(ServerConnection c, int responseCount, long address, long length) {
        c.sending = true;
        c.inFlightResponses = responseCount;
        c.sendAddress = address;
        c.sendRemaining = length;
        ioSend(c, address, length);
    }

    /** {@code res} bytes of the current send went out, or {@code -errno}. */
    protected final void sendDone(ServerConnection c, long res) {
        if (res < 0) {
            closeNow(c); // EPIPE / ECONNRESET: the client is gone
            return;
        }
        if (res < c.sendRemaining) {
            c.sendAddress += res; // short send: the rest goes out before anything else
            c.sendRemaining -= res;
            ioSend(c, c.sendAddress, c.sendRemaining);
            return;
        }
        c.sending = false;
        c.sendRemaining = 0;
        c.sent += c.inFlightResponses;
        served += c.inFlightResponses;
        int then = c.thenAction;
        c.thenAction = THEN_CONTINUE;
        switch (then) {
            case THEN_RESET -> {
                ioLingerZero(c);
                closeNow(c);
                return;
            }
            case THEN_CLOSE -> {
                startLingeringClose(c);
                return;
            }
            case THEN_TRICKLE -> {
                c.sending = true; // the rest of the response is still owed
                ioFaultTimer(c, c.timerFault);
                return;
            }
            default -> {
            }
        }
        if (c.sendingError || (c.closeAt >= 0 && c.sent >= c.closeAt)) {
            startLingeringClose(c);
        } else {
            trySend(c);
        }
    }

    /**
     * Half-close after the last response and keep reading until the peer closes: closing with unread input would
     * make the kernel send a reset, which can destroy the response before the client reads it.
     */
    private void startLingeringClose(ServerConnection c) {
        c.lingering = true;
        c.lingerSinceSecond = nowSecond;
        ioShutdownWrite(c);
    }

    /** Closes {@code c} now and frees its slot. */
    protected final void closeNow(ServerConnection c) {
        if (!c.open) {
            return;
        }
        ioClose(c);
        c.open = false;
        c.fd = -1;
        freeSlots[freeCount++] = c.slot;
    }
}
