// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_cqe from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_cqe {
 *     __u64 user_data;
 *     __s32 res;
 *     __u32 flags;
 *     __u64 big_cqe[];
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_cqe {

    io_uring_cqe() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ringload_h.C_LONG_LONG.withName("user_data"),
        ringload_h.C_INT.withName("res"),
        ringload_h.C_INT.withName("flags")
    ).withName("io_uring_cqe");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong user_data$LAYOUT = (OfLong)$LAYOUT.select(groupElement("user_data"));

    /** Layout for field {@snippet lang=c : __u64 user_data } */
    public static final OfLong user_data$layout() {
        return user_data$LAYOUT;
    }

    private static final long user_data$OFFSET = $LAYOUT.byteOffset(groupElement("user_data"));

    /** Offset for field {@snippet lang=c : __u64 user_data } */
    public static final long user_data$offset() {
        return user_data$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 user_data } */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 user_data } */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfInt res$LAYOUT = (OfInt)$LAYOUT.select(groupElement("res"));

    /** Layout for field {@snippet lang=c : __s32 res } */
    public static final OfInt res$layout() {
        return res$LAYOUT;
    }

    private static final long res$OFFSET = $LAYOUT.byteOffset(groupElement("res"));

    /** Offset for field {@snippet lang=c : __s32 res } */
    public static final long res$offset() {
        return res$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __s32 res } */
    public static int res(MemorySegment struct) {
        return struct.get(res$LAYOUT, res$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __s32 res } */
    public static void res(MemorySegment struct, int fieldValue) {
        struct.set(res$LAYOUT, res$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("flags"));

    /** Layout for field {@snippet lang=c : __u32 flags } */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = $LAYOUT.byteOffset(groupElement("flags"));

    /** Offset for field {@snippet lang=c : __u32 flags } */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 flags } */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 flags } */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
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
