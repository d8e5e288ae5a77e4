// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Describes struct io_uring_sqe from <linux/io_uring.h>; every offset is checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.MemoryLayout.PathElement.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * {@snippet lang=c :
 * struct io_uring_sqe {
 *     __u8 opcode; __u8 flags; __u16 ioprio; __s32 fd;
 *     union { __u64 off; __u64 addr2; struct { __u32 cmd_op; __u32 __pad1; }; };
 *     union { __u64 addr; __u64 splice_off_in; };
 *     __u32 len;
 *     union { __u32 rw_flags; __u32 poll32_events; __u32 msg_flags; __u32 timeout_flags; __u32 accept_flags; __u32 cancel_flags; ... };
 *     __u64 user_data;
 *     union { __u16 buf_index; __u16 buf_group; } __attribute__((packed));
 *     __u16 personality;
 *     union { __s32 splice_fd_in; __u32 file_index; struct { __u16 addr_len; __u16 __pad3[1]; }; };
 *     union { struct { __u64 addr3; __u64 __pad2[1]; }; __u8 cmd[0]; };
 * }
 * }
 */
@SuppressWarnings("unused")
public class io_uring_sqe {

    io_uring_sqe() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ringload_h.C_CHAR.withName("opcode"),
        ringload_h.C_CHAR.withName("flags"),
        ringload_h.C_SHORT.withName("ioprio"),
        ringload_h.C_INT.withName("fd"),
        MemoryLayout.unionLayout(
            ringload_h.C_LONG_LONG.withName("off"),
            ringload_h.C_LONG_LONG.withName("addr2"),
            MemoryLayout.structLayout(
                ringload_h.C_INT.withName("cmd_op"),
                ringload_h.C_INT.withName("__pad1")
            ).withName("$anon$2")
        ).withName("$anon$1"),
        MemoryLayout.unionLayout(
            ringload_h.C_LONG_LONG.withName("addr"),
            ringload_h.C_LONG_LONG.withName("splice_off_in")
        ).withName("$anon$3"),
        ringload_h.C_INT.withName("len"),
        MemoryLayout.unionLayout(
            ringload_h.C_INT.withName("rw_flags"),
            ringload_h.C_INT.withName("poll32_events"),
            ringload_h.C_INT.withName("msg_flags"),
            ringload_h.C_INT.withName("timeout_flags"),
            ringload_h.C_INT.withName("accept_flags"),
            ringload_h.C_INT.withName("cancel_flags")
        ).withName("$anon$4"),
        ringload_h.C_LONG_LONG.withName("user_data"),
        MemoryLayout.unionLayout(
            ringload_h.C_SHORT.withName("buf_index"),
            ringload_h.C_SHORT.withName("buf_group")
        ).withName("$anon$5"),
        ringload_h.C_SHORT.withName("personality"),
        MemoryLayout.unionLayout(
            ringload_h.C_INT.withName("splice_fd_in"),
            ringload_h.C_INT.withName("file_index"),
            MemoryLayout.structLayout(
                ringload_h.C_SHORT.withName("addr_len"),
                MemoryLayout.sequenceLayout(1, ringload_h.C_SHORT).withName("__pad3")
            ).withName("$anon$7")
        ).withName("$anon$6"),
        MemoryLayout.unionLayout(
            MemoryLayout.structLayout(
                ringload_h.C_LONG_LONG.withName("addr3"),
                MemoryLayout.sequenceLayout(1, ringload_h.C_LONG_LONG).withName("__pad2")
            ).withName("$anon$9"),
            MemoryLayout.sequenceLayout(0, ringload_h.C_CHAR).withName("cmd")
        ).withName("$anon$8")
    ).withName("io_uring_sqe");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfByte opcode$LAYOUT = (OfByte)$LAYOUT.select(groupElement("opcode"));

    /** Layout for field {@snippet lang=c : __u8 opcode } */
    public static final OfByte opcode$layout() {
        return opcode$LAYOUT;
    }

    private static final long opcode$OFFSET = $LAYOUT.byteOffset(groupElement("opcode"));

    /** Offset for field {@snippet lang=c : __u8 opcode } */
    public static final long opcode$offset() {
        return opcode$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u8 opcode } */
    public static byte opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u8 opcode } */
    public static void opcode(MemorySegment struct, byte fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final OfByte flags$LAYOUT = (OfByte)$LAYOUT.select(groupElement("flags"));

    /** Layout for field {@snippet lang=c : __u8 flags } */
    public static final OfByte flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = $LAYOUT.byteOffset(groupElement("flags"));

    /** Offset for field {@snippet lang=c : __u8 flags } */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u8 flags } */
    public static byte flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u8 flags } */
    public static void flags(MemorySegment struct, byte fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfShort ioprio$LAYOUT = (OfShort)$LAYOUT.select(groupElement("ioprio"));

    /** Layout for field {@snippet lang=c : __u16 ioprio } */
    public static final OfShort ioprio$layout() {
        return ioprio$LAYOUT;
    }

    private static final long ioprio$OFFSET = $LAYOUT.byteOffset(groupElement("ioprio"));

    /** Offset for field {@snippet lang=c : __u16 ioprio } */
    public static final long ioprio$offset() {
        return ioprio$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 ioprio } */
    public static short ioprio(MemorySegment struct) {
        return struct.get(ioprio$LAYOUT, ioprio$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 ioprio } */
    public static void ioprio(MemorySegment struct, short fieldValue) {
        struct.set(ioprio$LAYOUT, ioprio$OFFSET, fieldValue);
    }

    private static final OfInt fd$LAYOUT = (OfInt)$LAYOUT.select(groupElement("fd"));

    /** Layout for field {@snippet lang=c : __s32 fd } */
    public static final OfInt fd$layout() {
        return fd$LAYOUT;
    }

    private static final long fd$OFFSET = $LAYOUT.byteOffset(groupElement("fd"));

    /** Offset for field {@snippet lang=c : __s32 fd } */
    public static final long fd$offset() {
        return fd$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __s32 fd } */
    public static int fd(MemorySegment struct) {
        return struct.get(fd$LAYOUT, fd$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __s32 fd } */
    public static void fd(MemorySegment struct, int fieldValue) {
        struct.set(fd$LAYOUT, fd$OFFSET, fieldValue);
    }

    private static final OfLong off$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$1"), groupElement("off"));

    /** Layout for field {@snippet lang=c : __u64 off } */
    public static final OfLong off$layout() {
        return off$LAYOUT;
    }

    private static final long off$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$1"), groupElement("off"));

    /** Offset for field {@snippet lang=c : __u64 off } */
    public static final long off$offset() {
        return off$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 off } */
    public static long off(MemorySegment struct) {
        return struct.get(off$LAYOUT, off$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 off } */
    public static void off(MemorySegment struct, long fieldValue) {
        struct.set(off$LAYOUT, off$OFFSET, fieldValue);
    }

    private static final OfLong addr2$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$1"), groupElement("addr2"));

    /** Layout for field {@snippet lang=c : __u64 addr2 } */
    public static final OfLong addr2$layout() {
        return addr2$LAYOUT;
    }

    private static final long addr2$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$1"), groupElement("addr2"));

    /** Offset for field {@snippet lang=c : __u64 addr2 } */
    public static final long addr2$offset() {
        return addr2$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 addr2 } */
    public static long addr2(MemorySegment struct) {
        return struct.get(addr2$LAYOUT, addr2$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 addr2 } */
    public static void addr2(MemorySegment struct, long fieldValue) {
        struct.set(addr2$LAYOUT, addr2$OFFSET, fieldValue);
    }

    private static final OfInt cmd_op$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("cmd_op"));

    /** Layout for field {@snippet lang=c : __u32 cmd_op } */
    public static final OfInt cmd_op$layout() {
        return cmd_op$LAYOUT;
    }

    private static final long cmd_op$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("cmd_op"));

    /** Offset for field {@snippet lang=c : __u32 cmd_op } */
    public static final long cmd_op$offset() {
        return cmd_op$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 cmd_op } */
    public static int cmd_op(MemorySegment struct) {
        return struct.get(cmd_op$LAYOUT, cmd_op$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 cmd_op } */
    public static void cmd_op(MemorySegment struct, int fieldValue) {
        struct.set(cmd_op$LAYOUT, cmd_op$OFFSET, fieldValue);
    }

    private static final OfLong addr$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$3"), groupElement("addr"));

    /** Layout for field {@snippet lang=c : __u64 addr } */
    public static final OfLong addr$layout() {
        return addr$LAYOUT;
    }

    private static final long addr$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$3"), groupElement("addr"));

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

    private static final OfLong splice_off_in$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$3"), groupElement("splice_off_in"));

    /** Layout for field {@snippet lang=c : __u64 splice_off_in } */
    public static final OfLong splice_off_in$layout() {
        return splice_off_in$LAYOUT;
    }

    private static final long splice_off_in$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$3"), groupElement("splice_off_in"));

    /** Offset for field {@snippet lang=c : __u64 splice_off_in } */
    public static final long splice_off_in$offset() {
        return splice_off_in$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 splice_off_in } */
    public static long splice_off_in(MemorySegment struct) {
        return struct.get(splice_off_in$LAYOUT, splice_off_in$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 splice_off_in } */
    public static void splice_off_in(MemorySegment struct, long fieldValue) {
        struct.set(splice_off_in$LAYOUT, splice_off_in$OFFSET, fieldValue);
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

    private static final OfInt rw_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("rw_flags"));

    /** Layout for field {@snippet lang=c : __u32 rw_flags } */
    public static final OfInt rw_flags$layout() {
        return rw_flags$LAYOUT;
    }

    private static final long rw_flags$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("rw_flags"));

    /** Offset for field {@snippet lang=c : __u32 rw_flags } */
    public static final long rw_flags$offset() {
        return rw_flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 rw_flags } */
    public static int rw_flags(MemorySegment struct) {
        return struct.get(rw_flags$LAYOUT, rw_flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 rw_flags } */
    public static void rw_flags(MemorySegment struct, int fieldValue) {
        struct.set(rw_flags$LAYOUT, rw_flags$OFFSET, fieldValue);
    }

    private static final OfInt poll32_events$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("poll32_events"));

    /** Layout for field {@snippet lang=c : __u32 poll32_events } */
    public static final OfInt poll32_events$layout() {
        return poll32_events$LAYOUT;
    }

    private static final long poll32_events$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("poll32_events"));

    /** Offset for field {@snippet lang=c : __u32 poll32_events } */
    public static final long poll32_events$offset() {
        return poll32_events$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 poll32_events } */
    public static int poll32_events(MemorySegment struct) {
        return struct.get(poll32_events$LAYOUT, poll32_events$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 poll32_events } */
    public static void poll32_events(MemorySegment struct, int fieldValue) {
        struct.set(poll32_events$LAYOUT, poll32_events$OFFSET, fieldValue);
    }

    private static final OfInt msg_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("msg_flags"));

    /** Layout for field {@snippet lang=c : __u32 msg_flags } */
    public static final OfInt msg_flags$layout() {
        return msg_flags$LAYOUT;
    }

    private static final long msg_flags$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("msg_flags"));

    /** Offset for field {@snippet lang=c : __u32 msg_flags } */
    public static final long msg_flags$offset() {
        return msg_flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 msg_flags } */
    public static int msg_flags(MemorySegment struct) {
        return struct.get(msg_flags$LAYOUT, msg_flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 msg_flags } */
    public static void msg_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_flags$LAYOUT, msg_flags$OFFSET, fieldValue);
    }

    private static final OfInt timeout_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("timeout_flags"));

    /** Layout for field {@snippet lang=c : __u32 timeout_flags } */
    public static final OfInt timeout_flags$layout() {
        return timeout_flags$LAYOUT;
    }

    private static final long timeout_flags$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("timeout_flags"));

    /** Offset for field {@snippet lang=c : __u32 timeout_flags } */
    public static final long timeout_flags$offset() {
        return timeout_flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 timeout_flags } */
    public static int timeout_flags(MemorySegment struct) {
        return struct.get(timeout_flags$LAYOUT, timeout_flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 timeout_flags } */
    public static void timeout_flags(MemorySegment struct, int fieldValue) {
        struct.set(timeout_flags$LAYOUT, timeout_flags$OFFSET, fieldValue);
    }

    private static final OfInt accept_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("accept_flags"));

    /** Layout for field {@snippet lang=c : __u32 accept_flags } */
    public static final OfInt accept_flags$layout() {
        return accept_flags$LAYOUT;
    }

    private static final long accept_flags$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("accept_flags"));

    /** Offset for field {@snippet lang=c : __u32 accept_flags } */
    public static final long accept_flags$offset() {
        return accept_flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 accept_flags } */
    public static int accept_flags(MemorySegment struct) {
        return struct.get(accept_flags$LAYOUT, accept_flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 accept_flags } */
    public static void accept_flags(MemorySegment struct, int fieldValue) {
        struct.set(accept_flags$LAYOUT, accept_flags$OFFSET, fieldValue);
    }

    private static final OfInt cancel_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$4"), groupElement("cancel_flags"));

    /** Layout for field {@snippet lang=c : __u32 cancel_flags } */
    public static final OfInt cancel_flags$layout() {
        return cancel_flags$LAYOUT;
    }

    private static final long cancel_flags$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$4"), groupElement("cancel_flags"));

    /** Offset for field {@snippet lang=c : __u32 cancel_flags } */
    public static final long cancel_flags$offset() {
        return cancel_flags$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 cancel_flags } */
    public static int cancel_flags(MemorySegment struct) {
        return struct.get(cancel_flags$LAYOUT, cancel_flags$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 cancel_flags } */
    public static void cancel_flags(MemorySegment struct, int fieldValue) {
        struct.set(cancel_flags$LAYOUT, cancel_flags$OFFSET, fieldValue);
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

    private static final OfShort buf_index$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$5"), groupElement("buf_index"));

    /** Layout for field {@snippet lang=c : __u16 buf_index } */
    public static final OfShort buf_index$layout() {
        return buf_index$LAYOUT;
    }

    private static final long buf_index$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$5"), groupElement("buf_index"));

    /** Offset for field {@snippet lang=c : __u16 buf_index } */
    public static final long buf_index$offset() {
        return buf_index$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 buf_index } */
    public static short buf_index(MemorySegment struct) {
        return struct.get(buf_index$LAYOUT, buf_index$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 buf_index } */
    public static void buf_index(MemorySegment struct, short fieldValue) {
        struct.set(buf_index$LAYOUT, buf_index$OFFSET, fieldValue);
    }

    private static final OfShort buf_group$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$5"), groupElement("buf_group"));

    /** Layout for field {@snippet lang=c : __u16 buf_group } */
    public static final OfShort buf_group$layout() {
        return buf_group$LAYOUT;
    }

    private static final long buf_group$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$5"), groupElement("buf_group"));

    /** Offset for field {@snippet lang=c : __u16 buf_group } */
    public static final long buf_group$offset() {
        return buf_group$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 buf_group } */
    public static short buf_group(MemorySegment struct) {
        return struct.get(buf_group$LAYOUT, buf_group$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 buf_group } */
    public static void buf_group(MemorySegment struct, short fieldValue) {
        struct.set(buf_group$LAYOUT, buf_group$OFFSET, fieldValue);
    }

    private static final OfShort personality$LAYOUT = (OfShort)$LAYOUT.select(groupElement("personality"));

    /** Layout for field {@snippet lang=c : __u16 personality } */
    public static final OfShort personality$layout() {
        return personality$LAYOUT;
    }

    private static final long personality$OFFSET = $LAYOUT.byteOffset(groupElement("personality"));

    /** Offset for field {@snippet lang=c : __u16 personality } */
    public static final long personality$offset() {
        return personality$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 personality } */
    public static short personality(MemorySegment struct) {
        return struct.get(personality$LAYOUT, personality$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 personality } */
    public static void personality(MemorySegment struct, short fieldValue) {
        struct.set(personality$LAYOUT, personality$OFFSET, fieldValue);
    }

    private static final OfInt splice_fd_in$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$6"), groupElement("splice_fd_in"));

    /** Layout for field {@snippet lang=c : __s32 splice_fd_in } */
    public static final OfInt splice_fd_in$layout() {
        return splice_fd_in$LAYOUT;
    }

    private static final long splice_fd_in$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$6"), groupElement("splice_fd_in"));

    /** Offset for field {@snippet lang=c : __s32 splice_fd_in } */
    public static final long splice_fd_in$offset() {
        return splice_fd_in$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __s32 splice_fd_in } */
    public static int splice_fd_in(MemorySegment struct) {
        return struct.get(splice_fd_in$LAYOUT, splice_fd_in$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __s32 splice_fd_in } */
    public static void splice_fd_in(MemorySegment struct, int fieldValue) {
        struct.set(splice_fd_in$LAYOUT, splice_fd_in$OFFSET, fieldValue);
    }

    private static final OfInt file_index$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$6"), groupElement("file_index"));

    /** Layout for field {@snippet lang=c : __u32 file_index } */
    public static final OfInt file_index$layout() {
        return file_index$LAYOUT;
    }

    private static final long file_index$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$6"), groupElement("file_index"));

    /** Offset for field {@snippet lang=c : __u32 file_index } */
    public static final long file_index$offset() {
        return file_index$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u32 file_index } */
    public static int file_index(MemorySegment struct) {
        return struct.get(file_index$LAYOUT, file_index$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u32 file_index } */
    public static void file_index(MemorySegment struct, int fieldValue) {
        struct.set(file_index$LAYOUT, file_index$OFFSET, fieldValue);
    }

    private static final OfShort addr_len$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$6"), groupElement("$anon$7"), groupElement("addr_len"));

    /** Layout for field {@snippet lang=c : __u16 addr_len } */
    public static final OfShort addr_len$layout() {
        return addr_len$LAYOUT;
    }

    private static final long addr_len$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$6"), groupElement("$anon$7"), groupElement("addr_len"));

    /** Offset for field {@snippet lang=c : __u16 addr_len } */
    public static final long addr_len$offset() {
        return addr_len$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u16 addr_len } */
    public static short addr_len(MemorySegment struct) {
        return struct.get(addr_len$LAYOUT, addr_len$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u16 addr_len } */
    public static void addr_len(MemorySegment struct, short fieldValue) {
        struct.set(addr_len$LAYOUT, addr_len$OFFSET, fieldValue);
    }

    private static final OfLong addr3$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$8"), groupElement("$anon$9"), groupElement("addr3"));

    /** Layout for field {@snippet lang=c : __u64 addr3 } */
    public static final OfLong addr3$layout() {
        return addr3$LAYOUT;
    }

    private static final long addr3$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$8"), groupElement("$anon$9"), groupElement("addr3"));

    /** Offset for field {@snippet lang=c : __u64 addr3 } */
    public static final long addr3$offset() {
        return addr3$OFFSET;
    }

    /** Getter for field {@snippet lang=c : __u64 addr3 } */
    public static long addr3(MemorySegment struct) {
        return struct.get(addr3$LAYOUT, addr3$OFFSET);
    }

    /** Setter for field {@snippet lang=c : __u64 addr3 } */
    public static void addr3(MemorySegment struct, long fieldValue) {
        struct.set(addr3$LAYOUT, addr3$OFFSET, fieldValue);
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
