package dev.ringload.engine.load;

/** How an open-loop schedule spaces its requests. */
public enum Arrival {
    /** Evenly: one every 1/rate seconds (wrk2's schedule). */
    UNIFORM,
    /** A Poisson process: exponential gaps with mean 1/rate, as independent users arrive. */
    POISSON;

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
