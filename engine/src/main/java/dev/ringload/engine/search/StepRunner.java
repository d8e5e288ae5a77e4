package dev.ringload.engine.search;

/** Runs one fixed-rate step for {@link RateSearch}: the seam between the search and the engine (or a test model). */
@FunctionalInterface
public interface StepRunner {

    /** Sends at {@code targetRate} requests per second for one step and reports what happened. */
    RateStep measure(double targetRate) throws InterruptedException;
}
