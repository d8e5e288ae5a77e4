package dev.ringload.engine.mix;

/** Non-negative longs as ASCII decimal digits, written into a byte array with no allocation. */
final class Decimal {

    /** The most digits a non-negative long has. */
    static final int MAX_DIGITS = 19;

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS];
    /** "00" "01" ... "99": two digits per division, half the dependent divisions of one digit at a time. */
    private static final byte[] PAIRS = new byte[200];

    static {
        long p = 1;
        for (int i = 0; i < MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private Decimal() {
    }

    /** Decimal digits of {@code v} (at least 0): comparisons, not a division per digit. */
    static int digits(long v) {
        int d = 1;
        while (d < MAX_DIGITS && v >= POWERS_OF_TEN[d]) {
            d++;
        }
        return d;
    }

    /** Writes {@code v} (at least 0) at {@code at}; returns where its digits end. */
    static int write(byte[] out, int at, long v) {
        int end = at + digits(v);
        int p = end;
        while (v >= 100) {
            long q = v / 100;
            int pair = (int) (v - q * 100) << 1;
            out[--p] = PAIRS[pair + 1];
            out[--p] = PAIRS[pair];
            v = q;
        }
        if (v >= 10) {
            int pair = (int) v << 1;
            out[--p] = PAIRS[pair + 1];
            out[--p] = PAIRS[pair];
        } else {
            out[--p] = (byte) ('0' + v);
        }
        return end;
    }
}
