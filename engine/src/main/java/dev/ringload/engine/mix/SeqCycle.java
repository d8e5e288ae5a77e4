package dev.ringload.engine.mix;

import dev.ringload.engine.load.RequestSlots;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The fast path of a round-robin mix whose requests are fixed or carry one {@code {seq}} (the common shape of an
 * API test): per worker, the cycle's requests laid end to end, once per digit count of {@code {seq}}, with a hole
 * where each value goes. A batch of k requests from cycle position p is then one slice of that layout: each hole
 * gets its value's last four digits (one load from a table, one store) and, only when they changed since
 * the hole was last used, the digits before them; one bulk copy moves the slice into the connection's send area.
 * Per request that is a few stores instead of copying the request's bytes and its digits.
 *
 * <p>The layout holds the cycle plus {@code pipelining} positions more, so a batch never wraps. {@code {seq}} runs
 * as {@code high * 10000 + low}: low steps by the thread count, high by one when low passes 10000, and a hole
 * remembers the high it holds. Four low digits, not two: a hole is reused about every cycle-plus-depth requests,
 * and at depth 100 a high part counting hundreds would have changed at nearly every reuse (a copy of its digits
 * per request). Values below 10000 are the plan's general path's (see {@link MixPlan}); from 10000 on, this one's.
 */
final class SeqCycle {

    /** {@code {seq}}'s digits written per request; the ones before them only when they changed. */
    private static final int LOW_DIGITS = 4;
    private static final int LOW_RANGE = 10_000;
    /** The first value this path writes (one with a high part). */
    static final long FIRST_VALUE = LOW_RANGE;
    /** Digit counts from 5 (value 10000) to a long's 19: index {@code d - FIRST_DIGITS}. */
    private static final int FIRST_DIGITS = LOW_DIGITS + 1;
    private static final int LAYOUTS = Decimal.MAX_DIGITS - FIRST_DIGITS + 1;
    /** Above this much layout per worker, the general path is cheaper in memory than this one is in time. */
    static final long MAX_BYTES = 8L << 20;

    private final int cycleLength;
    /** The mix index of the request at each position. */
    private final int[] targetAt;
    /** Per digit count: the requests end to end, where each position starts (one more: the end), its hole or -1. */
    private final byte[][] layout = new byte[LAYOUTS][];
    private final int[][] startAt = new int[LAYOUTS][];
    private final int[][] holeAt = new int[LAYOUTS][];
    /**
     * Whether a carry writes the new high part into every hole of the layout ({@code heldHigh}) rather than each
     * hole being checked when used ({@code highAt}): when the layout's holes are few next to the values between two
     * carries ({@code LOW_RANGE / step}), as with the usual depths, cycles and thread counts.
     */
    private final boolean eagerHighs;
    /** Per digit count: the high part every hole of the layout holds (-1: none yet); with {@link #eagerHighs}. */
    private final long[] heldHigh = new long[LAYOUTS];
    /** Per digit count and position: the high part whose digits the hole holds (-1: none yet); without. */
    private final long[][] highAt = new long[LAYOUTS][];
    private final int step;
    /** {@code {seq}} / 10000, with its digits. */
    private final DecimalCounter high = new DecimalCounter(1, 1);
    private int low;
    /** Digits of {@code {seq}}: the high part's and four. */
    private int digits;

    private SeqCycle(RequestShape[] shapes, int[] cycle, int pipelining, int step) {
        this.cycleLength = cycle.length;
        this.step = step;
        int span = cycle.length + pipelining;
        // A pass over the holes at each carry costs about span / (LOW_RANGE / step) hole writes per value.
        this.eagerHighs = (long) span * step <= LOW_RANGE / 4;
        java.util.Arrays.fill(heldHigh, -1);
        this.targetAt = new int[span];
        for (int pos = 0; pos < span; pos++) {
            targetAt[pos] = cycle[pos % cycle.length];
        }
        for (int d = FIRST_DIGITS; d <= Decimal.MAX_DIGITS; d++) {
            int l = d - FIRST_DIGITS;
            int[] starts = new int[span + 1];
            int[] holes = new int[span];
            int at = 0;
            for (int pos = 0; pos < span; pos++) {
                RequestShape s = shapes[targetAt[pos]];
                starts[pos] = at;
                holes[pos] = s.fixed() ? -1 : at + s.cuts[0];
                at += s.bytes.length + (s.fixed() ? 0 : d);
            }
            starts[span] = at;
            byte[] bytes = new byte[at];
            for (int pos = 0; pos < span; pos++) {
                RequestShape s = shapes[targetAt[pos]];
                byte[] request = s.fixed() ? s.bytes : s.withHole(d);
                System.arraycopy(request, 0, bytes, starts[pos], request.length);
            }
            layout[l] = bytes;
            startAt[l] = starts;
            holeAt[l] = holes;
            if (!eagerHighs) {
                highAt[l] = new long[span];
                java.util.Arrays.fill(highAt[l], -1);
            }
        }
    }

    /**
     * The fast path for {@code shapes} in {@code cycle}, or null when some request has another placeholder (or a
     * Content-Length to fill) or the layouts would pass {@link #MAX_BYTES}.
     */
    static SeqCycle of(RequestShape[] shapes, int[] cycle, int pipelining, int threads) {
        if (cycle.length == 0) {
            return null;
        }
        long perLayout = 0;
        for (int pos = 0; pos < cycle.length + pipelining; pos++) {
            RequestShape s = shapes[cycle[pos % cycle.length]];
            if (!s.fixed() && !s.seqOnly()) {
                return null;
            }
            perLayout += s.bytes.length + Decimal.MAX_DIGITS;
        }
        return perLayout * LAYOUTS > MAX_BYTES ? null : new SeqCycle(shapes, cycle, pipelining, threads);
    }

    /** Takes over {@code {seq}} at {@code value} (at least {@link #FIRST_VALUE}). */
    void startAt(long value) {
        high.reset(value / LOW_RANGE);
        low = (int) (value % LOW_RANGE);
        digits = high.length() + LOW_DIGITS;
    }

    /**
     * Renders {@code count} requests from cycle position {@code position} into {@code area} at {@code offset},
     * noting each one's mix index in {@code slots} from request {@code first}; returns their length in bytes.
     */
    int render(int position, int count, long first, RequestSlots slots, MemorySegment area, long offset) {
        int l = digits - FIRST_DIGITS;
        byte[] bytes = layout[l];
        int[] starts = startAt[l];
        int[] holes = holeAt[l];
        int segmentStart = starts[position];
        long written = 0;
        int lowValue = low;
        int end = position + count;
        slots.targets(first, targetAt, position, count);
        int lowAt = digits - LOW_DIGITS; // where a hole's low digits start
        int pos = position;
        while (pos < end) {
            // Up to the request whose value could carry, a tight loop: values below LOW_RANGE, one layout.
            int stopAt = Math.min(end, pos + (LOW_RANGE - lowValue + step - 1) / step);
            highDigits(l, pos, stopAt);
            for (; pos < stopAt; pos++) {
                int hole = holes[pos];
                if (hole >= 0) {
                    Decimal.writeFourDigits(bytes, hole + lowAt, lowValue);
                    lowValue += step;
                }
            }
            if (lowValue >= LOW_RANGE) {
                // What is rendered goes now: the rest has another high part, and perhaps a digit more (the next
                // layout); writing the new high part into every hole must not reach requests already rendered.
                int stop = starts[pos];
                MemorySegment.copy(bytes, segmentStart, area, ValueLayout.JAVA_BYTE, offset + written,
                        stop - segmentStart);
                written += stop - segmentStart;
                lowValue = carry(lowValue);
                lowAt = digits - LOW_DIGITS;
                l = digits - FIRST_DIGITS;
                bytes = layout[l];
                starts = startAt[l];
                holes = holeAt[l];
                segmentStart = starts[pos];
            }
        }
        low = lowValue;
        int stop = starts[end];
        MemorySegment.copy(bytes, segmentStart, area, ValueLayout.JAVA_BYTE, offset + written, stop - segmentStart);
        return (int) (written + stop - segmentStart);
    }

    /**
     * Makes the holes of layout {@code l} at positions {@code from .. to-1} hold the current high part. Eagerly,
     * every hole of the layout at once when the high part has changed (one pass per carry, so the digit loop has
     * no check); or, where that pass would cost more than the checks ({@link #eagerHighs}), only the holes in the
     * range whose high part is not the current one.
     */
    private void highDigits(int l, int from, int to) {
        long highValue = high.peek();
        int[] holes = holeAt[l];
        byte[] bytes = layout[l];
        if (eagerHighs) {
            if (heldHigh[l] != highValue) {
                for (int hole : holes) {
                    if (hole >= 0) {
                        high.write(bytes, hole);
                    }
                }
                heldHigh[l] = highValue;
            }
            return;
        }
        long[] highs = highAt[l];
        for (int p = from; p < to; p++) {
            if (highs[p] != highValue && holes[p] >= 0) {
                high.write(bytes, holes[p]);
                highs[p] = highValue;
            }
        }
    }

    /** Carries {@code lowValue} (at least {@link #LOW_RANGE}) into the high part; returns the low part left. */
    private int carry(int lowValue) {
        while (lowValue >= LOW_RANGE) {
            lowValue -= LOW_RANGE;
            high.step();
        }
        digits = high.length() + LOW_DIGITS;
        return lowValue;
    }

    /** Whether a carry writes the new high part into every hole ({@link #eagerHighs}). */
    boolean writesHighsAtCarry() {
        return eagerHighs;
    }

    /** The cycle position after {@code count} requests from {@code position}. */
    int advance(int position, int count) {
        int next = position + count;
        return next >= cycleLength ? next % cycleLength : next;
    }
}
