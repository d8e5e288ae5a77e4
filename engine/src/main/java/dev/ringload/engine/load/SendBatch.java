package dev.ringload.engine.load;

import java.lang.foreign.MemorySegment;

/** Where the bytes of the requests a {@link SendPlan} chose lie: reused for every send of a worker. */
public final class SendBatch {

    MemorySegment bytes;
    long offset;
    int length;

    /** Points the batch at {@code length} bytes of {@code bytes} from {@code offset}. */
    public void set(MemorySegment bytes, long offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    public MemorySegment bytes() {
        return bytes;
    }

    public long offset() {
        return offset;
    }

    public int length() {
        return length;
    }
}
