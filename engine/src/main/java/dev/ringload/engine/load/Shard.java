package dev.ringload.engine.load;

/**
 * This process's part of a run spread over {@code count} processes (usually on several hosts): shard {@code index}
 * of {@code count}. Every share is split the same way, so the shards' shares of a total always add up to it.
 */
public record Shard(int index, int count) {

    /** A run that is not split: shard 0 of 1. */
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be at least 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be 0.." + (count - 1) + ", got " + index);
        }
    }

    /** This shard's part of {@code total}: an even split, the first shards taking one more of the remainder. */
    public long shareOf(long total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** The sum of the earlier shards' parts of {@code total}: where this shard's part starts. */
    public long offsetOf(long total) {
        return index * (total / count) + Math.min(index, total % count);
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
