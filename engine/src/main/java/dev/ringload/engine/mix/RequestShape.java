package dev.ringload.engine.mix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One request of a mix, encoded once: its bytes with the placeholders cut out, and where each placeholder's value
 * goes. {@link #render} writes a request into a connection's send area with no allocation: literal runs are
 * copied, numbers are written as decimal digits in place, and a body with placeholders gets its Content-Length
 * from the digits written. A shape without placeholders is also kept off-heap whole, so one request of it can be
 * sent without a copy.
 */
public final class RequestShape {

    /** The widest decimal value a placeholder can take: a long's 19 digits, or 20 with a sign (never negative). */
    static final int MAX_DIGITS = 19;

    /** Runs of up to this many bytes are copied as words (see {@link #copy}). */
    private static final int SHORT_RUN = 128;

    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    final String label;
    final boolean head;
    final int weight;
    final byte[] bytes;
    /** Offsets in {@link #bytes} where a value goes, ascending; {@link #kinds} says which. */
    final int[] cuts;
    final Placeholders.Kind[] kinds;
    final long[] low;
    final long[] high;
    /** Offset in {@link #bytes} where the Content-Length digits go, or -1 when the length is literal. */
    final int lengthCut;
    /** Offset in {@link #bytes} where the body starts (meaningful with a {@link #lengthCut}). */
    final int bodyStart;
    /** Index of the first cut inside the body. */
    final int firstBodyCut;
    final int maxLength;
    final MemorySegment whole;
    /** {@link #bytes} off-heap: native-to-native copies are cheaper than copies from a Java array. */
    private final MemorySegment template;

    RequestShape(String label, boolean head, int weight, byte[] bytes, int[] cuts, Placeholders.Kind[] kinds,
                 long[] low, long[] high, int lengthCut, int bodyStart) {
        this.label = label;
        this.head = head;
        this.weight = weight;
        this.bytes = bytes;
        this.cuts = cuts;
        this.kinds = kinds;
        this.low = low;
        this.high = high;
        this.lengthCut = lengthCut;
        this.bodyStart = bodyStart;
        int body = 0;
        while (body < cuts.length && cuts[body] < bodyStart) {
            body++;
        }
        this.firstBodyCut = lengthCut < 0 ? cuts.length : body;
        // + Long.BYTES: a value of up to 8 digits is written as one 8-byte store, which may run past it.
        this.maxLength = bytes.length + (cuts.length + (lengthCut >= 0 ? 1 : 0)) * MAX_DIGITS + Long.BYTES;
        this.template = copyOffHeap(bytes);
        this.whole = cuts.length == 0 && lengthCut < 0 ? template : null;
    }

    private static MemorySegment copyOffHeap(byte[] bytes) {
        // Arena.ofAuto: built on the coordinator thread, read on the workers'; the GC frees it. Padded by a word
        // for copy()'s word reads.
        MemorySegment s = Arena.ofAuto().allocate(bytes.length + Long.BYTES, 64);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s;
    }

    /** For reports: {@code GET /path} as written (placeholders unfilled). */
    public String label() {
        return label;
    }

    public boolean head() {
        return head;
    }

    public int weight() {
        return weight;
    }

    /** The shape's bytes with its placeholders left out (a fixed shape: exactly what is sent). */
    public byte[] bytesForReport() {
        return bytes.clone();
    }

    /** Whether every request of this shape is the same bytes. */
    public boolean fixed() {
        return whole != null;
    }

    /** The most bytes one rendered request can take. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Writes one request at {@code offset} of {@code area}, with the values {@code values} gives, into
     * {@code scratch} (at least {@link #cuts}.length long); returns its length.
     */
    int render(MemorySegment area, long offset, PlaceholderValues values, long[] scratch) {
        if (lengthCut < 0) {
            return renderInOnePass(area, offset, values);
        }
        int n = cuts.length;
        int bodyLength = 0;
        for (int i = 0; i < n; i++) {
            long v = values.value(kinds[i], low[i], high[i]);
            scratch[i] = v;
            if (i >= firstBodyCut) {
                bodyLength += digits(v);
            }
        }
        long at = offset;
        int from = 0;
        boolean lengthWritten = false;
        for (int i = 0; i <= n; i++) {
            int to = i < n ? cuts[i] : bytes.length;
            if (!lengthWritten && lengthCut <= to) {
                at = copy(area, at, from, lengthCut);
                at = writeDigits(area, at, bodyLength + (bytes.length - bodyStart));
                from = lengthCut;
                lengthWritten = true;
            }
            at = copy(area, at, from, to);
            from = to;
            if (i < n) {
                at = writeDigits(area, at, scratch[i]);
            }
        }
        return (int) (at - offset);
    }

    /** No Content-Length to compute: each value is written as it is drawn. */
    private int renderInOnePass(MemorySegment area, long offset, PlaceholderValues values) {
        long at = offset;
        int from = 0;
        for (int i = 0; i < cuts.length; i++) {
            at = copy(area, at, from, cuts[i]);
            at = writeDigits(area, at, values.value(kinds[i], low[i], high[i]));
            from = cuts[i];
        }
        at = copy(area, at, from, bytes.length);
        return (int) (at - offset);
    }

    /**
     * Copies {@code bytes[from..to)} to {@code at}. Short runs (a request line's pieces, a header) go as 8-byte words,
     * possibly 7 bytes past the run: cheaper than a bulk copy's call, and what follows overwrites the excess (the
     * template is padded for the reads, every request's room in the send area for the writes).
     */
    private long copy(MemorySegment area, long at, int from, int to) {
        int length = to - from;
        if (length > SHORT_RUN) {
            MemorySegment.copy(template, from, area, at, length);
        } else {
            for (int i = 0; i < length; i += Long.BYTES) {
                area.set(LITTLE_ENDIAN_LONG, at + i, template.get(LITTLE_ENDIAN_LONG, from + i));
            }
        }
        return at + length;
    }

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS];

    static {
        long p = 1;
        for (int i = 0; i < MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /** Decimal digits of {@code v} (at least 0): comparisons, not a division per digit. */
    static int digits(long v) {
        int d = 1;
        while (d < MAX_DIGITS && v >= POWERS_OF_TEN[d]) {
            d++;
        }
        return d;
    }

    private static long writeDigits(MemorySegment area, long at, long v) {
        int d = digits(v);
        long end = at + d;
        if (d <= Long.BYTES) {
            // All digits in one little-endian store: the most significant digit in the lowest byte. The bytes past
            // the digits are overwritten by what follows (every shape ends in literal bytes or a value).
            long word = 0;
            for (int i = 0; i < d; i++) {
                word = (word << 8) | ('0' + v % 10);
                v /= 10;
            }
            area.set(LITTLE_ENDIAN_LONG, at, word);
            return end;
        }
        long p = end;
        do {
            area.set(ValueLayout.JAVA_BYTE, --p, (byte) ('0' + v % 10));
            v /= 10;
        } while (v > 0);
        return end;
    }
}
