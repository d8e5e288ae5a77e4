// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_buf_ring from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_buf_ring {
 *     union {
 *         struct { __u64 resv1; __u32 resv2; __u16 resv3; __u16 tail; };
 *         __DECLARE_FLEX_ARRAY(struct io_uring_buf, bufs);
 *     };
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_buf_ring {

    io_uring_buf_ring() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.unionLayout(
        MemoryLayout.structLayout(
            ringload_h.C_LONG_LONG.withName("resv1"),
            ringload_h.C_INT.withName("resv2"),
            ringload_h.C_SHORT.withName("resv3"),
            ringload_h.C_SHORT.withName("tail")
        ).withName("$anon$1"),
        MemoryLayout.sequenceLayout(0, io_uring_buf.layout()).withName("bufs")
    ).withName("io_uring_buf_ring");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong resv1$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$1"), groupElement("resv1"));

    /** Layout for field {@snippet lang=c : __u64 resv1 } */
    public static final OfLong resv1$layout() {
        return resv1$LAYOUT;
    }

    private static final long resv1$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$1"), groupElement("resv1"));

    /** Offset for field {@snippet lang=c : __u64 resv1 } */
    public static final long resv1$offset() {
        return resv1$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 resv1 } */
    public static long resv1(MemorySegment struct) {
        return struct.get(resv1$LAYOUT, resv1$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 resv1 } */
    public static void resv1(MemorySegment struct, long fieldValue) {
        struct.set(resv1$LAYOUT, resv1$OFFSET, fieldValue);
    }

    private static final OfShort tail$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$1"), groupElement("tail"));

    /** Layout for field {@snippet lang=c : __u16 tail } */
    public static final OfShort tail$layout() {
        return tail$LAYOUT;
    }

    private static final long tail$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$1"), groupElement("tail"));

    /** Offset for field {@snippet lang=c : __u16 tail } */
    public static final long tail$offset() {
        return tail$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 tail } */
    public static short tail(MemorySegment struct) {
        return struct.get(tail$LAYOUT, tail$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 tail } */
    public static void tail(MemorySegment struct, short fieldValue) {
        struct.set(tail$LAYOUT, tail$OFFSET, fieldValue);
    }

    private static final SequenceLayout bufs$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("bufs"));

    /** Layout for field {@snippet lang=c : struct io_uring_buf bufs[] } */
    public static final SequenceLayout bufs$layout() {
        return bufs$LAYOUT;
    }

    private static final long bufs$OFFSET = $LAYOUT.byteOffset(groupElement("bufs"));

    /** Offset for field {@snippet lang=c : struct io_uring_buf bufs[] } */
    public static final long bufs$offset() {
        return bufs$OFFSET;
    }

    /** Getter for field {@snippet lang=c : struct io_uring_buf bufs[] } (a slice of the struct) */
    public static MemorySegment bufs(MemorySegment struct) {
        return struct.asSlice(bufs$OFFSET, bufs$LAYOUT.byteSize());
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
