package dev.ringload.engine.server;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What both server engines share: connection slots, request framing, which responses are owed and when (--delay,
 * --close-every, Connection: close, 400/431), one send per batch from the pre-encoded {@link ResponseArea}, and the
 * lingering close. Subclasses move bytes: {@link #ioSend}, {@link #ioShutdownWrite}, {@link #ioClose},
 * {@link #ioDelay}, and report back with {@link #frame}, {@link #sendDone} and {@link #closeNow}.
 */
abstract class ServerWorkerBase implements Runnable {

    /** A closing connection whose peer never closes is dropped after this long. */
    static final long LINGER_SECONDS = 2;
    private static final long STOP_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    protected final ServerConfig config;
    protected final int cpu;
    private final CountDownLatch started;
    protected volatile boolean running = true;
    private volatile long servedPublished;
    private volatile long maxPipelinedPublished;
    private volatile Throwable failure;
    private long maxPipelined;
    private long served;
    /** Stalls and a rate limit (--stall, --max-rate); null when none is configured. */
    private final ServerPacing pacing;

    protected ResponseArea responses;
    protected ServerConnection[] connections = new ServerConnection[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    protected int slotsUsed;
    protected long nowSecond;

    ServerWorkerBase(ServerConfig config, int cpu, CountDownLatch started) {
        this.config = config;
        this.cpu = cpu;
        this.started = started;
        ServerConfig.Faults f = config.faults();
        ServerPacing p = new ServerPacing(f.stallNs(), f.stallEveryNs(), f.maxRate() / config.threads());
        this.pacing = p.active() ? p : null;
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
        if (c.sending || c.lingering || !c.open) {
            return;
        }
        long owed = c.ready - c.sent;
        if (owed > 0) {
            int k = (int) Math.min(owed, responses.repeat());
            if (c.closeAt >= 0 && c.sent + k == c.closeAt) {
                startSend(c, k, responses.closingBatch(k), responses.closingBatchLength(k));
            } else {
                startSend(c, k, responses.normalBatch(), responses.normalBatchLength(k));
            }
        } else if (c.errorStatus != 0 && c.ready == c.queued) {
            c.sendingError = true;
            startSend(c, 0, responses.error(c.errorStatus), responses.errorLength(c.errorStatus));
        }
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
        c.sent += c.inFlightResponses;
        served += c.inFlightResponses;
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
