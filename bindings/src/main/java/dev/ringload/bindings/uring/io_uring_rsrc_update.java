// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_rsrc_update from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_rsrc_update {
 *     __u32 offset;
 *     __u32 resv;
 *     __aligned_u64 data;
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_rsrc_update {

    io_uring_rsrc_update() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ringload_h.C_INT.withName("offset"),
        ringload_h.C_INT.withName("resv"),
        ringload_h.C_LONG_LONG.withName("data")
    ).withName("io_uring_rsrc_update");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt offset$LAYOUT = (OfInt)$LAYOUT.select(groupElement("offset"));

    /** Layout for field {@snippet lang=c : __u32 offset } */
    public static final OfInt offset$layout() {
        return offset$LAYOUT;
    }

    private static final long offset$OFFSET = $LAYOUT.byteOffset(groupElement("offset"));

    /** Offset for field {@snippet lang=c : __u32 offset } */
    public static final long offset$offset() {
        return offset$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 offset } */
    public static int offset(MemorySegment struct) {
        return struct.get(offset$LAYOUT, offset$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 offset } */
    public static void offset(MemorySegment struct, int fieldValue) {
        struct.set(offset$LAYOUT, offset$OFFSET, fieldValue);
    }

    private static final OfInt resv$LAYOUT = (OfInt)$LAYOUT.select(groupElement("resv"));

    /** Layout for field {@snippet lang=c : __u32 resv } */
    public static final OfInt resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = $LAYOUT.byteOffset(groupElement("resv"));

    /** Offset for field {@snippet lang=c : __u32 resv } */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 resv } */
    public static int resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 resv } */
    public static void resv(MemorySegment struct, int fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
    }

    private static final OfLong data$LAYOUT = (OfLong)$LAYOUT.select(groupElement("data"));

    /** Layout for field {@snippet lang=c : __aligned_u64 data } */
    public static final OfLong data$layout() {
        return data$LAYOUT;
    }

    private static final long data$OFFSET = $LAYOUT.byteOffset(groupElement("data"));

    /** Offset for field {@snippet lang=c : __aligned_u64 data } */
    public static final long data$offset() {
        return data$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __aligned_u64 data } */
    public static long data(MemorySegment struct) {
        return struct.get(data$LAYOUT, data$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __aligned_u64 data } */
    public static void data(MemorySegment struct, long fieldValue) {
        struct.set(data$LAYOUT, data$OFFSET, fieldValue);
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
