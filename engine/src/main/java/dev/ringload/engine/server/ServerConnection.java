package dev.ringload.engine.server;

import dev.ringload.engine.http.RequestParser;

/**
 * One accepted connection's state, reused across connections on the same slot. Counters are response numbers
 * since accept: {@code queued} requests framed, {@code ready} of those due (after --delay), {@code sent} answered.
 */
final class ServerConnection {

    /** Delay batches waiting on a timeout; more than this many merge into the newest. */
    private static final int DELAY_SLOTS = 64;

    final int slot;
    final RequestParser parser = new RequestParser();
    final int[] delayBatches = new int[DELAY_SLOTS];
    int delayHead;
    int delayTail;

    int generation;
    int fd = -1;
    boolean open;
    boolean recvArmed;
    /** Input after the last answered request is ignored (closing request, error, or --close-every reached). */
    boolean discardInput;

    long queued;
    long ready;
    long sent;
    /** Response number after which the connection closes; -1: none. */
    long closeAt = -1;
    /** 400 or 431 to send once every earlier response is out, then close; 0: none. */
    int errorStatus;

    boolean sending;
    boolean sendingError;
    int inFlightResponses;
    long sendAddress;
    long sendRemaining;

    boolean lingering;
    long lingerSinceSecond;

    /** Responses numbered below this had their fault (or none) decided; see {@link ServerWorkerBase}. */
    long faultsDecidedUpTo;
    /** The injected fault due at response number {@code faultAt}, or -1 for none decided yet. */
    int faultIndex = -1;
    long faultAt;
    /** The fault whose timer (stall, trickle tick) is pending. */
    int timerFault;
    /** What follows the send in progress: one of ServerWorkerBase's THEN_ constants. */
    int thenAction;
    /** A trickled response's bytes not yet handed to a send. */
    long trickleAddress;
    long trickleRemaining;
    /** no-response: nothing more is ever sent on this connection. */
    boolean muted;

    ServerConnection(int slot) {
        this.slot = slot;
    }

    void reset(int fd) {
        generation = (generation + 1) & 0xff_ffff;
        this.fd = fd;
        open = true;
        recvArmed = false;
        discardInput = false;
        queued = ready = sent = 0;
        closeAt = -1;
        errorStatus = 0;
        sending = sendingError = false;
        inFlightResponses = 0;
        sendAddress = sendRemaining = 0;
        lingering = false;
        faultsDecidedUpTo = 0;
        faultIndex = -1;
        faultAt = 0;
        timerFault = 0;
        thenAction = 0;
        trickleAddress = trickleRemaining = 0;
        muted = false;
        delayHead = delayTail = 0;
        parser.reset();
    }

    /** Queues a batch of {@code count} responses behind a delay; false if it merged into the previous batch. */
    boolean pushDelayBatch(int count) {
        if (delayTail - delayHead == DELAY_SLOTS) {
            delayBatches[(delayTail - 1) % DELAY_SLOTS] += count;
            return false;
        }
        delayBatches[delayTail++ % DELAY_SLOTS] = count;
        return true;
    }

    int popDelayBatch() {
        return delayHead == delayTail ? 0 : delayBatches[delayHead++ % DELAY_SLOTS];
    }
}
