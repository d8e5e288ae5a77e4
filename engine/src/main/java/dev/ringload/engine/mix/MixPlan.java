package dev.ringload.engine.mix;

import dev.ringload.engine.load.RequestSlots;
import dev.ringload.engine.load.SendBatch;
import dev.ringload.engine.load.SendPlan;
import dev.ringload.engine.load.Shard;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * A worker's {@link SendPlan} for a {@link RequestMix}: picks each request (round-robin or weighted random),
 * notes which one it was in the request's slot (its statistics, and whether its response has a body), and renders
 * the batch, filling placeholders in place, into a heap array that one bulk copy moves into the connection's own
 * send area (the bytes must stay put until the kernel has taken them). A single request of a shape
 * without placeholders is sent from the shape's own bytes, with no copy. Nothing here allocates per request.
 *
 * <p>{@code {seq}} is unique in the run without sharing a counter: thread i takes i, i + threads, i + 2 threads...
 * Spread over shards, shard s of n keeps the values that are s modulo n (its thread i: s + n i, stepping by
 * n threads), so the shards' values never meet, whatever each shard's thread count.
 */
public final class MixPlan implements SendPlan, PlaceholderValues {

    private final RequestShape[] shapes;
    private final int[] cycle;
    private final int[] cumulativeWeights;
    private final int totalWeight;
    private final boolean roundRobin;
    private final MemorySegment area;
    private final long stride;
    private final long[] scratch;
    /** Where a batch is rendered before one bulk copy into the connection's send area. */
    private final byte[] staging;
    private final SplittableRandom random;
    private final int thread;
    private final int connectionBase;
    private final DecimalCounter seq;
    /** The round-robin fast path ({@link SeqCycle}), or null; active once {@code {seq}} reaches {@link SeqCycle#FIRST_VALUE}. */
    private final SeqCycle fast;
    private final boolean anySeq;
    private boolean fastActive;
    private int position;
    private int connection;

    /**
     * @param thread         this worker's index, of {@code threads}
     * @param connectionBase the run-wide index of this worker's first connection ({@code {conn}})
     * @param connections    this worker's connections (each gets a send area)
     */
    public MixPlan(RequestMix mix, int thread, int threads, int connectionBase, int connections, int pipelining,
                   long seed) {
        this(mix, thread, threads, connectionBase, connections, pipelining, seed, Shard.WHOLE);
    }

    /**
     * A plan for a worker of shard {@code shard}: its {@code {seq}} values in the shard's own residue class, its
     * start in the cycle where the shard's part of the run's threads begins ({@code connectionBase} run-wide).
     */
    public MixPlan(RequestMix mix, int thread, int threads, int connectionBase, int connections, int pipelining,
                   long seed, Shard shard) {
        this.shapes = mix.shapes().toArray(RequestShape[]::new);
        this.cycle = mix.cycle();
        this.cumulativeWeights = mix.cumulativeWeights();
        this.totalWeight = cumulativeWeights[cumulativeWeights.length - 1];
        this.roundRobin = mix.pick() == RequestMix.Pick.ROUND_ROBIN;
        this.stride = (long) mix.maxLength() * pipelining;
        // Arena.ofAuto: built on the coordinator thread, written on the worker's; the GC frees it.
        this.area = Arena.ofAuto().allocate(Math.max(1, stride * connections), 64);
        int most = 0;
        for (RequestShape s : shapes) {
            most = Math.max(most, s.cuts.length);
        }
        this.scratch = new long[most];
        this.staging = new byte[(int) Math.max(1, stride)];
        this.random = new SplittableRandom(seed);
        this.thread = thread;
        this.connectionBase = connectionBase;
        int seqStep = Math.multiplyExact(shard.count(), threads);
        this.seq = new DecimalCounter(shard.index() + (long) shard.count() * thread, seqStep);
        this.fast = roundRobin ? SeqCycle.of(shapes, cycle, pipelining, seqStep) : null;
        boolean seqShapes = false;
        for (RequestShape s : shapes) {
            seqShapes |= s.seqOnly();
        }
        this.anySeq = seqShapes;
        // Threads start at different places of the cycle, so a short run still mixes every request.
        long runThread = (long) shard.index() * threads + thread; // of shard.count() x threads
        this.position = cycle.length == 0 ? 0 : (int) (runThread * cycle.length / seqStep);
    }

    @Override
    public int next(int connection, long first, int max, RequestSlots slots, SendBatch batch) {
        this.connection = connection;
        if (fastActive || fast != null && activateFast()) {
            return nextFast(connection, first, max, slots, batch);
        }
        if (max == 1) {
            int t = pick();
            slots.target(first, t);
            RequestShape shape = shapes[t];
            if (shape.whole != null) {
                batch.set(shape.whole, 0, shape.bytes.length);
                return 1;
            }
        }
        int length = 0;
        for (int i = 0; i < max; i++) {
            int t = max == 1 ? slots.target(first) : pick();
            slots.target(first + i, t);
            length = shapes[t].render(staging, length, this, scratch);
        }
        long base = connection * stride;
        MemorySegment.copy(staging, 0, area, ValueLayout.JAVA_BYTE, base, length);
        batch.set(area, base, length);
        return max;
    }

    private boolean activateFast() {
        if (anySeq && seq.peek() < SeqCycle.FIRST_VALUE) {
            return false;
        }
        fast.startAt(Math.max(SeqCycle.FIRST_VALUE, seq.peek()));
        fastActive = true;
        return true;
    }

    private int nextFast(int connection, long first, int max, RequestSlots slots, SendBatch batch) {
        if (max == 1) {
            int t = cycle[position];
            RequestShape shape = shapes[t];
            if (shape.whole != null) {
                slots.target(first, t);
                position = fast.advance(position, 1);
                batch.set(shape.whole, 0, shape.bytes.length);
                return 1;
            }
        }
        long base = connection * stride;
        int length = fast.render(position, max, first, slots, area, base);
        position = fast.advance(position, max);
        batch.set(area, base, length);
        return max;
    }

    private int pick() {
        if (roundRobin) {
            int t = cycle[position];
            position = position + 1 == cycle.length ? 0 : position + 1;
            return t;
        }
        int r = random.nextInt(totalWeight);
        int t = 0;
        while (cumulativeWeights[t] <= r) {
            t++;
        }
        return t;
    }

    @Override
    public int write(Placeholders.Kind kind, long low, long high, byte[] out, int at) {
        return kind == Placeholders.Kind.SEQ ? seq.writeAndStep(out, at) : Decimal.write(out, at, value(kind, low, high));
    }

    @Override
    public int seqDigits() {
        return seq.length();
    }

    @Override
    public long value(Placeholders.Kind kind, long low, long high) {
        return switch (kind) {
            case SEQ -> seq.takeValue();
            case RAND -> low + random.nextLong(high - low + 1);
            case CONN -> connectionBase + connection;
            case THREAD -> thread;
        };
    }

    /** Every request's index is noted, even in a mix of one (the same paths, whatever the mix). */
    @Override
    public boolean notesTargets() {
        return true;
    }

    /** Whether request number {@code t} of the mix is a HEAD (its response has no body). */
    @Override
    public boolean head(int target) {
        return shapes[target].head;
    }

    @Override
    public int targets() {
        return shapes.length;
    }
}
