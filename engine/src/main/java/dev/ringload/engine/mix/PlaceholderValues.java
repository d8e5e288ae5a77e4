package dev.ringload.engine.mix;

/** Gives a placeholder its value for the request being written; one per worker, called on its thread. */
interface PlaceholderValues {

    /** @param low,high the bounds of {@code {rand:low:high}} (inclusive); ignored by the other kinds */
    long value(Placeholders.Kind kind, long low, long high);

    /** Writes the value's decimal digits at {@code at} of {@code out}; returns where they end. */
    int write(Placeholders.Kind kind, long low, long high, byte[] out, int at);

    /** How many digits the next {@code {seq}} value has. */
    int seqDigits();
}
