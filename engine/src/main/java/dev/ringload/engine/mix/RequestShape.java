package dev.ringload.engine.mix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One request of a mix, encoded once: its bytes with the placeholders cut out, and where each placeholder's value
 * goes. {@link #render} writes a request with no allocation: literal runs are copied, numbers are written as
 * decimal digits in place, and a body with placeholders gets its Content-Length from the digits written. A shape
 * without placeholders is also kept off-heap whole, so one request of it can be sent without a copy.
 */
public final class RequestShape {

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
    /**
     * For a shape whose only placeholder is {@code {seq}} (the common case, and no Content-Length to fill): the
     * request with a hole of d bytes where the digits go, for every d, so a request is one copy and its digits.
     */
    private final byte[][] withHole;

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
        this.maxLength = bytes.length + (cuts.length + (lengthCut >= 0 ? 1 : 0)) * Decimal.MAX_DIGITS;
        this.whole = cuts.length == 0 && lengthCut < 0 ? copyOffHeap(bytes) : null;
        this.withHole = cuts.length == 1 && kinds[0] == Placeholders.Kind.SEQ && lengthCut < 0 ? holed(bytes, cuts[0])
                : null;
    }

    private static byte[][] holed(byte[] bytes, int cut) {
        byte[][] holed = new byte[Decimal.MAX_DIGITS + 1][];
        for (int d = 1; d <= Decimal.MAX_DIGITS; d++) {
            holed[d] = new byte[bytes.length + d];
            System.arraycopy(bytes, 0, holed[d], 0, cut);
            System.arraycopy(bytes, cut, holed[d], cut + d, bytes.length - cut);
        }
        return holed;
    }

    private static MemorySegment copyOffHeap(byte[] bytes) {
        // Arena.ofAuto: built on the coordinator thread, read on the workers'; the GC frees it.
        MemorySegment s = Arena.ofAuto().allocate(bytes.length, 64);
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

    /** A {@link #seqOnly} shape's bytes with a hole of {@code digits} bytes for the value (not to be changed). */
    byte[] withHole(int digits) {
        return withHole[digits];
    }

    /** Whether this shape's one placeholder is {@code {seq}}, with no Content-Length to fill. */
    boolean seqOnly() {
        return withHole != null;
    }

    /** The most bytes one rendered request can take. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Writes one request at {@code at} of {@code out}, with the values {@code values} gives, using {@code scratch}
     * (at least {@link #cuts}.length long); returns where it ends. {@code out} is a heap array, not the send area:
     * array copies and stores cost a fraction of checked off-heap accesses, and the caller moves a whole batch
     * off-heap in one bulk copy.
     */
    int render(byte[] out, int at, PlaceholderValues values, long[] scratch) {
        if (withHole != null) {
            byte[] request = withHole[values.seqDigits()];
            System.arraycopy(request, 0, out, at, request.length);
            values.write(Placeholders.Kind.SEQ, 0, 0, out, at + cuts[0]);
            return at + request.length;
        }
        if (lengthCut < 0) {
            return renderInOnePass(out, at, values);
        }
        int n = cuts.length;
        int bodyLength = 0;
        for (int i = 0; i < n; i++) {
            long v = values.value(kinds[i], low[i], high[i]);
            scratch[i] = v;
            if (i >= firstBodyCut) {
                bodyLength += Decimal.digits(v);
            }
        }
        int from = 0;
        boolean lengthWritten = false;
        for (int i = 0; i <= n; i++) {
            int to = i < n ? cuts[i] : bytes.length;
            if (!lengthWritten && lengthCut <= to) {
                at = copy(out, at, from, lengthCut);
                at = Decimal.write(out, at, bodyLength + (bytes.length - bodyStart));
                from = lengthCut;
                lengthWritten = true;
            }
            at = copy(out, at, from, to);
            from = to;
            if (i < n) {
                at = Decimal.write(out, at, scratch[i]);
            }
        }
        return at;
    }

    /** No Content-Length to compute: each value is written as it is drawn. */
    private int renderInOnePass(byte[] out, int at, PlaceholderValues values) {
        int from = 0;
        for (int i = 0; i < cuts.length; i++) {
            at = copy(out, at, from, cuts[i]);
            at = values.write(kinds[i], low[i], high[i], out, at);
            from = cuts[i];
        }
        return copy(out, at, from, bytes.length);
    }

    private int copy(byte[] out, int at, int from, int to) {
        int length = to - from;
        System.arraycopy(bytes, from, out, at, length);
        return at + length;
    }
}
