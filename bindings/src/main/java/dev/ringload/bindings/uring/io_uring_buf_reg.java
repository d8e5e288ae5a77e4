// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_buf_reg from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_buf_reg {
 *     __u64 ring_addr;
 *     __u32 ring_entries;
 *     __u16 bgid;
 *     __u16 pad;
 *     __u64 resv[3];
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_buf_reg {

    io_uring_buf_reg() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ringload_h.C_LONG_LONG.withName("ring_addr"),
        ringload_h.C_INT.withName("ring_entries"),
        ringload_h.C_SHORT.withName("bgid"),
        ringload_h.C_SHORT.withName("pad"),
        MemoryLayout.sequenceLayout(3, ringload_h.C_LONG_LONG).withName("resv")
    ).withName("io_uring_buf_reg");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong ring_addr$LAYOUT = (OfLong)$LAYOUT.select(groupElement("ring_addr"));

    /** Layout for field {@snippet lang=c : __u64 ring_addr } */
    public static final OfLong ring_addr$layout() {
        return ring_addr$LAYOUT;
    }

    private static final long ring_addr$OFFSET = $LAYOUT.byteOffset(groupElement("ring_addr"));

    /** Offset for field {@snippet lang=c : __u64 ring_addr } */
    public static final long ring_addr$offset() {
        return ring_addr$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 ring_addr } */
    public static long ring_addr(MemorySegment struct) {
        return struct.get(ring_addr$LAYOUT, ring_addr$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 ring_addr } */
    public static void ring_addr(MemorySegment struct, long fieldValue) {
        struct.set(ring_addr$LAYOUT, ring_addr$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT = (OfInt)$LAYOUT.select(groupElement("ring_entries"));

    /** Layout for field {@snippet lang=c : __u32 ring_entries } */
    public static final OfInt ring_entries$layout() {
        return ring_entries$LAYOUT;
    }

    private static final long ring_entries$OFFSET = $LAYOUT.byteOffset(groupElement("ring_entries"));

    /** Offset for field {@snippet lang=c : __u32 ring_entries } */
    public static final long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 ring_entries } */
    public static int ring_entries(MemorySegment struct) {
        return struct.get(ring_entries$LAYOUT, ring_entries$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 ring_entries } */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }

    private static final OfShort bgid$LAYOUT = (OfShort)$LAYOUT.select(groupElement("bgid"));

    /** Layout for field {@snippet lang=c : __u16 bgid } */
    public static final OfShort bgid$layout() {
        return bgid$LAYOUT;
    }

    private static final long bgid$OFFSET = $LAYOUT.byteOffset(groupElement("bgid"));

    /** Offset for field {@snippet lang=c : __u16 bgid } */
    public static final long bgid$offset() {
        return bgid$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 bgid } */
    public static short bgid(MemorySegment struct) {
        return struct.get(bgid$LAYOUT, bgid$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 bgid } */
    public static void bgid(MemorySegment struct, short fieldValue) {
        struct.set(bgid$LAYOUT, bgid$OFFSET, fieldValue);
    }

    private static final OfShort pad$LAYOUT = (OfShort)$LAYOUT.select(groupElement("pad"));

    /** Layout for field {@snippet lang=c : __u16 pad } */
    public static final OfShort pad$layout() {
        return pad$LAYOUT;
    }

    private static final long pad$OFFSET = $LAYOUT.byteOffset(groupElement("pad"));

    /** Offset for field {@snippet lang=c : __u16 pad } */
    public static final long pad$offset() {
        return pad$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 pad } */
    public static short pad(MemorySegment struct) {
        return struct.get(pad$LAYOUT, pad$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 pad } */
    public static void pad(MemorySegment struct, short fieldValue) {
        struct.set(pad$LAYOUT, pad$OFFSET, fieldValue);
    }

    private static final SequenceLayout resv$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("resv"));

    /** Layout for field {@snippet lang=c : __u64 resv[3] } */
    public static final SequenceLayout resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = $LAYOUT.byteOffset(groupElement("resv"));

    /** Offset for field {@snippet lang=c : __u64 resv[3] } */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 resv[3] } (a slice of the struct) */
    public static MemorySegment resv(MemorySegment struct) {
        return struct.asSlice(resv$OFFSET, resv$LAYOUT.byteSize());
    }

    /** Size of this struct in bytes. */
    public static long sizeof() {
        return layout().byteSize();
    }

    /** Allocate a segment of size {@code layout().byteSize()} using {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(layout());
    }

    /** Allocate an array of size {@code elementCount} using {@code allocator}. */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
    }

    /** Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any). */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, java.util.function.Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /** Reinterprets {@code addr} as an array of {@code elementCount} structs. */
    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena, java.util.function.Consumer<MemorySegment> cleanup) {
        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
    }
}
