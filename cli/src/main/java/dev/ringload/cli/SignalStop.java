package dev.ringload.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal} for the duration of a run, instead of the JVM's default
 * shutdown, so the results measured so far can still be printed (marked partial). The previous handlers come back
 * on close.
 */
final class SignalStop implements AutoCloseable {

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private SignalStop(Runnable onSignal) {
        SignalHandler handler = signal -> onSignal.run();
        previousInt = Signal.handle(new Signal("INT"), handler);
        previousTerm = Signal.handle(new Signal("TERM"), handler);
    }

    static SignalStop install(Runnable onSignal) {
        return new SignalStop(onSignal);
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
