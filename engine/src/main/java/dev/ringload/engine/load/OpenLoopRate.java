package dev.ringload.engine.load;

/**
 * An open-loop request rate: requests are sent on a schedule, whether or not earlier ones were answered. The rate
 * starts at {@code fromPerSecond} and moves linearly to {@code toPerSecond} over the measured duration (the warmup
 * runs at {@code fromPerSecond}); equal ends make a constant rate.
 */
public record OpenLoopRate(double fromPerSecond, double toPerSecond, Arrival arrival) {

    public OpenLoopRate {
        if (!(fromPerSecond > 0) || !(toPerSecond > 0) || Double.isInfinite(fromPerSecond)
                || Double.isInfinite(toPerSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number of requests per second");
        }
        if (arrival == null) {
            throw new IllegalArgumentException("arrival must be given");
        }
    }

    public static OpenLoopRate constant(double perSecond, Arrival arrival) {
        return new OpenLoopRate(perSecond, perSecond, arrival);
    }

    public boolean ramps() {
        return fromPerSecond != toPerSecond;
    }

    /** The mean rate over the measured duration (the ramp is linear). */
    public double meanPerSecond() {
        return (fromPerSecond + toPerSecond) / 2;
    }

    /** This rate scaled by {@code fraction} (a thread's share). */
    public OpenLoopRate share(double fraction) {
        return new OpenLoopRate(fromPerSecond * fraction, toPerSecond * fraction, arrival);
    }

    @Override
    public String toString() {
        return ramps() ? fromPerSecond + ":" + toPerSecond + "/s " + arrival.label() : fromPerSecond + "/s " + arrival.label();
    }
}
