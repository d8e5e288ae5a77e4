package dev.ringload.engine.uring;

import dev.ringload.bindings.uring.io_uring_buf;
import dev.ringload.bindings.uring.io_uring_buf_reg;
import dev.ringload.bindings.uring.io_uring_buf_ring;

import java.lang.foreign.MemorySegment;

import static dev.ringload.bindings.uring.ringload_h.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * A provided-buffer ring ({@code IORING_REGISTER_PBUF_RING}, Linux 5.19): the kernel picks a receive buffer from it
 * per completion and reports the buffer id in the CQE flags; the owner hands buffers back with {@link #recycle} and
 * makes them visible with {@link #publish}, one release store per batch.
 *
 * <pre>
 *  ring (page aligned, entries x 16 bytes)             buffers (entries x bufferSize)
 * +-----------------+-----------------+----        +-----------+-----------+----
 * | addr len bid tail| addr len bid resv| ...      | buffer 0  | buffer 1  | ...
 * +-----------------+-----------------+----        +-----------+-----------+----
 *   the tail overlays bufs[0].resv
 * </pre>
 */
public final class ProvidedBufferRing implements AutoCloseable {

    private static final long PAGE_SIZE = 4096;
    private static final long ENTRY_SIZE = io_uring_buf.sizeof();

    private final IoUring ring;
    private final int groupId;
    private final int entries;
    private final int mask;
    private final int bufferSize;
    private final MemorySegment bufRing;
    private final MemorySegment buffers;
    private final long buffersAddress;
    private int tail;
    private boolean registered;

    private ProvidedBufferRing(IoUring ring, int groupId, int entries, int bufferSize) {
        this.ring = ring;
        this.groupId = groupId;
        this.entries = entries;
        this.mask = entries - 1;
        this.bufferSize = bufferSize;
        // The kernel pins the ring's pages and requires it page aligned.
        this.bufRing = ring.allocate(entries * ENTRY_SIZE, PAGE_SIZE);
        this.buffers = ring.allocate((long) entries * bufferSize, 64);
        this.buffersAddress = buffers.address();
    }

    /**
     * Allocates {@code entries} buffers of {@code bufferSize} bytes from the ring's memory, registers them as buffer
     * group {@code groupId} and provides all of them.
     */
    public static ProvidedBufferRing register(IoUring ring, int groupId, int entries, int bufferSize) {
        if (Integer.bitCount(entries) != 1 || entries > 32768) {
            throw new IllegalArgumentException("entries must be a power of two <= 32768, got " + entries);
        }
        if (bufferSize <= 0 || groupId < 0 || groupId > 0xffff) {
            throw new IllegalArgumentException("bad buffer size " + bufferSize + " or group " + groupId);
        }
        ProvidedBufferRing pbuf = new ProvidedBufferRing(ring, groupId, entries, bufferSize);
        MemorySegment reg = ring.allocate(io_uring_buf_reg.sizeof(), 8);
        io_uring_buf_reg.ring_addr(reg, pbuf.bufRing.address());
        io_uring_buf_reg.ring_entries(reg, entries);
        io_uring_buf_reg.bgid(reg, (short) groupId);
        ring.register(IORING_REGISTER_PBUF_RING(), reg, 1, "IORING_REGISTER_PBUF_RING");
        pbuf.registered = true;
        for (int bid = 0; bid < entries; bid++) {
            pbuf.recycle(bid);
        }
        pbuf.publish();
        return pbuf;
    }

    /** The buffer id a completion used, from its CQE flags (valid when {@code IORING_CQE_F_BUFFER} is set). */
    public static int bufferId(int cqeFlags) {
        return cqeFlags >>> IORING_CQE_BUFFER_SHIFT();
    }

    public static boolean hasBuffer(int cqeFlags) {
        return (cqeFlags & IORING_CQE_F_BUFFER()) != 0;
    }

    public int groupId() {
        return groupId;
    }

    public int entries() {
        return entries;
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** All buffers as one segment; buffer {@code bid} starts at {@link #offset(int)}. */
    public MemorySegment buffers() {
        return buffers;
    }

    public long offset(int bid) {
        return (long) bid * bufferSize;
    }

    /** Native address of buffer {@code bid}. */
    public long address(int bid) {
        return buffersAddress + (long) bid * bufferSize;
    }

    /** Queues buffer {@code bid} for the kernel again; visible after {@link #publish()}. */
    public void recycle(int bid) {
        long entry = (tail & mask) * ENTRY_SIZE;
        bufRing.set(JAVA_LONG, entry + io_uring_buf.addr$offset(), address(bid));
        bufRing.set(JAVA_INT, entry + io_uring_buf.len$offset(), bufferSize);
        // bufs[0].resv is the ring's tail: never write the resv field, only addr, len and bid.
        bufRing.set(JAVA_SHORT, entry + io_uring_buf.bid$offset(), (short) bid);
        tail++;
    }

    /** Makes recycled buffers visible to the kernel: the entries must be written before the tail moves. */
    public void publish() {
        RingMemory.setShortRelease(bufRing, io_uring_buf_ring.tail$offset(), (short) tail);
    }

    /** Unregisters the group; the memory is freed with the ring. */
    @Override
    public void close() {
        if (!registered || ring.isClosed()) {
            registered = false;
            return;
        }
        registered = false;
        MemorySegment reg = ring.allocate(io_uring_buf_reg.sizeof(), 8);
        io_uring_buf_reg.bgid(reg, (short) groupId);
        ring.register(IORING_UNREGISTER_PBUF_RING(), reg, 1, "IORING_UNREGISTER_PBUF_RING");
    }
}
