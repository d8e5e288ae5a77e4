// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_buf from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_buf {
 *     __u64 addr;
 *     __u32 len;
 *     __u16 bid;
 *     __u16 resv;
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_buf {

    io_uring_buf() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ringload_h.C_LONG_LONG.withName("addr"),
        ringload_h.C_INT.withName("len"),
        ringload_h.C_SHORT.withName("bid"),
        ringload_h.C_SHORT.withName("resv")
    ).withName("io_uring_buf");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong addr$LAYOUT = (OfLong)$LAYOUT.select(groupElement("addr"));

    /** Layout for field {@snippet lang=c : __u64 addr } */
    public static final OfLong addr$layout() {
        return addr$LAYOUT;
    }

    private static final long addr$OFFSET = $LAYOUT.byteOffset(groupElement("addr"));

    /** Offset for field {@snippet lang=c : __u64 addr } */
    public static final long addr$offset() {
        return addr$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 addr } */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 addr } */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt)$LAYOUT.select(groupElement("len"));

    /** Layout for field {@snippet lang=c : __u32 len } */
    public static final OfInt len$layout() {
        return len$LAYOUT;
    }

    private static final long len$OFFSET = $LAYOUT.byteOffset(groupElement("len"));

    /** Offset for field {@snippet lang=c : __u32 len } */
    public static final long len$offset() {
        return len$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 len } */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 len } */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfShort bid$LAYOUT = (OfShort)$LAYOUT.select(groupElement("bid"));

    /** Layout for field {@snippet lang=c : __u16 bid } */
    public static final OfShort bid$layout() {
        return bid$LAYOUT;
    }

    private static final long bid$OFFSET = $LAYOUT.byteOffset(groupElement("bid"));

    /** Offset for field {@snippet lang=c : __u16 bid } */
    public static final long bid$offset() {
        return bid$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 bid } */
    public static short bid(MemorySegment struct) {
        return struct.get(bid$LAYOUT, bid$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 bid } */
    public static void bid(MemorySegment struct, short fieldValue) {
        struct.set(bid$LAYOUT, bid$OFFSET, fieldValue);
    }

    private static final OfShort resv$LAYOUT = (OfShort)$LAYOUT.select(groupElement("resv"));

    /** Layout for field {@snippet lang=c : __u16 resv } */
    public static final OfShort resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = $LAYOUT.byteOffset(groupElement("resv"));

    /** Offset for field {@snippet lang=c : __u16 resv } */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 resv } */
    public static short resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 resv } */
    public static void resv(MemorySegment struct, short fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
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
