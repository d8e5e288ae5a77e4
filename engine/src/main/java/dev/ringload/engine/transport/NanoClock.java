package dev.ringload.engine.transport;

/** The monotonic clock a worker runs on: {@link System#nanoTime()}, or a hand-driven one in tests. */
@FunctionalInterface
public interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
