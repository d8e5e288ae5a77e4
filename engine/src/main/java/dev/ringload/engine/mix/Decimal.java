package dev.ringload.engine.mix;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Non-negative longs as ASCII decimal digits, written into a byte array with no allocation. */
final class Decimal {

    /** The most digits a non-negative long has. */
    static final int MAX_DIGITS = 19;

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS];
    /** "00" "01" ... "99": two digits per division, half the dependent divisions of one digit at a time. */
    private static final byte[] PAIRS = new byte[200];
    /**
     * "0000" ... "9999" as four ASCII bytes in one int (first digit lowest): four digits in one load and one store.
     * 40 KiB, but {@code {seq}} walks it in order, so it streams through the cache a line at a time.
     */
    private static final int[] QUADS = new int[10_000];
    private static final VarHandle INT_IN_BYTES =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
        for (int i = 0; i < QUADS.length; i++) {
            QUADS[i] = ('0' + i / 1000) | ('0' + i / 100 % 10) << 8 | ('0' + i / 10 % 10) << 16 | ('0' + i % 10) << 24;
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

    /** Writes {@code v} (0 to 9999) as four digits at {@code at}, leading zeros included. */
    static void writeFourDigits(byte[] out, int at, int v) {
        INT_IN_BYTES.set(out, at, QUADS[v]);
    }

    /** Writes {@code v} (0 to 99) as two digits at {@code at}, a leading zero included. */
    static void writeTwoDigits(byte[] out, int at, int v) {
        out[at] = PAIRS[2 * v];
        out[at + 1] = PAIRS[2 * v + 1];
    }

    /** Writes {@code v} (at least 0) at {@code at}; returns where its digits end. */
    static int write(byte[] out, int at, long v) {
        int end = at + digits(v);
        int p = end;
        while (v >= 100) {
            long q = v / 100;
            p -= 2;
            writeTwoDigits(out, p, (int) (v - q * 100));
            v = q;
        }
        if (v >= 10) {
            writeTwoDigits(out, p - 2, (int) v);
        } else {
            out[--p] = (byte) ('0' + v);
        }
        return end;
    }
}
