package dev.ringload.engine.load;

import java.util.Arrays;

/** An immutable set of {@link Counter} values and error counts: one worker's, or a sum over workers. */
public final class Counts {

    static final int COUNTERS = Counter.values().length;
    static final int SLOTS = COUNTERS + ErrorKind.values().length;

    private final long[] values;

    Counts(long[] values) {
        this.values = values.clone();
    }

    public static Counts zero() {
        return new Counts(new long[SLOTS]);
    }

    /** These counts with {@code counter} set to {@code value}. */
    public Counts with(Counter counter, long value) {
        long[] copy = values.clone();
        copy[counter.ordinal()] = value;
        return new Counts(copy);
    }

    /** These counts with {@code kind}'s errors set to {@code value}. */
    public Counts withErrors(ErrorKind kind, long value) {
        long[] copy = values.clone();
        copy[slot(kind)] = value;
        return new Counts(copy);
    }

    static int slot(ErrorKind kind) {
        return COUNTERS + kind.ordinal();
    }

    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    public long errors(ErrorKind kind) {
        return values[slot(kind)];
    }

    /** Errors of every kind. */
    public long errors() {
        long n = 0;
        for (int i = COUNTERS; i < SLOTS; i++) {
            n += values[i];
        }
        return n;
    }

    public Counts plus(Counts other) {
        long[] sum = values.clone();
        for (int i = 0; i < SLOTS; i++) {
            sum[i] += other.values[i];
        }
        return new Counts(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Counts[");
        for (Counter c : Counter.values()) {
            s.append(c.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(get(c)).append(' ');
        }
        for (ErrorKind k : ErrorKind.values()) {
            s.append(k.jsonName()).append('=').append(errors(k)).append(' ');
        }
        return s.toString().stripTrailing() + "]";
    }
}
