package dev.ringload.engine.mix;

/**
 * A counter kept as a number and as its decimal digits, for {@code {seq}}: writing it is a copy of its digits, and a
 * step adds to the last digits with a carry, instead of a division per digit for every request.
 */
final class DecimalCounter {

    private final byte[] digits = new byte[Decimal.MAX_DIGITS];
    private final int step;
    /** The digits are {@code digits[start..MAX_DIGITS)}. */
    private int start;
    private long value;

    /** Counts {@code first}, {@code first + step}, {@code first + 2 step} ... (first at least 0, step at least 1). */
    DecimalCounter(long first, int step) {
        this.step = step;
        reset(first);
    }

    /** Counts on from {@code value} (at least 0). */
    void reset(long value) {
        this.value = value;
        this.start = Decimal.MAX_DIGITS - Decimal.digits(value);
        Decimal.write(digits, start, value);
    }

    /** Writes the current value's digits at {@code at}; returns where they end. */
    int write(byte[] out, int at) {
        int length = Decimal.MAX_DIGITS - start;
        System.arraycopy(digits, start, out, at, length);
        return at + length;
    }

    /** Writes the current value's digits at {@code at} and steps; returns where the digits end. */
    int writeAndStep(byte[] out, int at) {
        int end = write(out, at);
        step();
        return end;
    }

    /** How many digits the current value has. */
    int length() {
        return Decimal.MAX_DIGITS - start;
    }

    /** The current value, without stepping. */
    long peek() {
        return value;
    }

    /** The current value, and steps. */
    long takeValue() {
        long v = value;
        step();
        return v;
    }

    void step() {
        value += step;
        int last = digits[Decimal.MAX_DIGITS - 1] + step;
        if (last <= '9') { // nine steps in ten when the step is 1: no carry, no division
            digits[Decimal.MAX_DIGITS - 1] = (byte) last;
            return;
        }
        int carry = step;
        int i = Decimal.MAX_DIGITS - 1;
        while (carry > 0) {
            if (i < start) {
                digits[i] = '0';
                start = i;
            }
            int d = digits[i] - '0' + carry;
            digits[i] = (byte) ('0' + d % 10);
            carry = d / 10;
            i--;
        }
    }
}
