// Hand-written in jextract's output shape; regenerate with native/regen-bindings.sh (see native/README.md).
// Header class for native/ringload.h: C type layouts, the symbol lookup, constants and libc downcalls.
// Constants and layouts are checked against gcc by LayoutCheckTest.
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.*;

import static java.lang.foreign.ValueLayout.*;

/**
 * Constants and functions of {@code native/ringload.h}.
 *
 * <p>One deliberate difference from jextract: every function is linked with
 * {@code Linker.Option.captureCallState("errno")}, so each takes the capture segment (see {@link #errnoState})
 * as its first argument and the caller reads errno from it with {@link #errno(MemorySegment)}.
 */
@SuppressWarnings("unused")
public class ringload_h {

    ringload_h() {
        // Should not be called directly
    }

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, JAVA_BYTE));

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup SYMBOL_LOOKUP = LINKER.defaultLookup();

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    /** The call-state layout of errno capture; allocate one per thread and pass it to every downcall. */
    public static final StructLayout ERRNO_STATE_LAYOUT = Linker.Option.captureStateLayout();
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO = ERRNO_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Allocates a segment that downcalls write errno into. */
    public static MemorySegment errnoState(SegmentAllocator allocator) {
        return allocator.allocate(ERRNO_STATE_LAYOUT);
    }

    /** The errno captured by the last downcall that was given {@code errnoState}. */
    public static int errno(MemorySegment errnoState) {
        return (int) ERRNO.get(errnoState, 0L);
    }

    static MethodHandle downcall(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(findOrThrow(symbol), descriptor, options);
    }

    static AssertionError unexpected(Throwable t) {
        return new AssertionError("should not reach here", t);
    }

    private static final int IORING_SETUP_CQSIZE = (int)8L;
    /** {@snippet lang=c : #define IORING_SETUP_CQSIZE 8 } */
    public static int IORING_SETUP_CQSIZE() {
        return IORING_SETUP_CQSIZE;
    }

    private static final int IORING_SETUP_CLAMP = (int)16L;
    /** {@snippet lang=c : #define IORING_SETUP_CLAMP 16 } */
    public static int IORING_SETUP_CLAMP() {
        return IORING_SETUP_CLAMP;
    }

    private static final int IORING_SETUP_SUBMIT_ALL = (int)128L;
    /** {@snippet lang=c : #define IORING_SETUP_SUBMIT_ALL 128 } */
    public static int IORING_SETUP_SUBMIT_ALL() {
        return IORING_SETUP_SUBMIT_ALL;
    }

    private static final int IORING_SETUP_COOP_TASKRUN = (int)256L;
    /** {@snippet lang=c : #define IORING_SETUP_COOP_TASKRUN 256 } */
    public static int IORING_SETUP_COOP_TASKRUN() {
        return IORING_SETUP_COOP_TASKRUN;
    }

    private static final int IORING_SETUP_TASKRUN_FLAG = (int)512L;
    /** {@snippet lang=c : #define IORING_SETUP_TASKRUN_FLAG 512 } */
    public static int IORING_SETUP_TASKRUN_FLAG() {
        return IORING_SETUP_TASKRUN_FLAG;
    }

    private static final int IORING_SETUP_SINGLE_ISSUER = (int)4096L;
    /** {@snippet lang=c : #define IORING_SETUP_SINGLE_ISSUER 4096 } */
    public static int IORING_SETUP_SINGLE_ISSUER() {
        return IORING_SETUP_SINGLE_ISSUER;
    }

    private static final int IORING_SETUP_DEFER_TASKRUN = (int)8192L;
    /** {@snippet lang=c : #define IORING_SETUP_DEFER_TASKRUN 8192 } */
    public static int IORING_SETUP_DEFER_TASKRUN() {
        return IORING_SETUP_DEFER_TASKRUN;
    }

    private static final int IORING_OP_NOP = (int)0L;
    /** {@snippet lang=c : #define IORING_OP_NOP 0 } */
    public static int IORING_OP_NOP() {
        return IORING_OP_NOP;
    }

    private static final int IORING_OP_TIMEOUT = (int)11L;
    /** {@snippet lang=c : #define IORING_OP_TIMEOUT 11 } */
    public static int IORING_OP_TIMEOUT() {
        return IORING_OP_TIMEOUT;
    }

    private static final int IORING_OP_ACCEPT = (int)13L;
    /** {@snippet lang=c : #define IORING_OP_ACCEPT 13 } */
    public static int IORING_OP_ACCEPT() {
        return IORING_OP_ACCEPT;
    }

    private static final int IORING_OP_ASYNC_CANCEL = (int)14L;
    /** {@snippet lang=c : #define IORING_OP_ASYNC_CANCEL 14 } */
    public static int IORING_OP_ASYNC_CANCEL() {
        return IORING_OP_ASYNC_CANCEL;
    }

    private static final int IORING_OP_CONNECT = (int)16L;
    /** {@snippet lang=c : #define IORING_OP_CONNECT 16 } */
    public static int IORING_OP_CONNECT() {
        return IORING_OP_CONNECT;
    }

    private static final int IORING_OP_CLOSE = (int)19L;
    /** {@snippet lang=c : #define IORING_OP_CLOSE 19 } */
    public static int IORING_OP_CLOSE() {
        return IORING_OP_CLOSE;
    }

    private static final int IORING_OP_SEND = (int)26L;
    /** {@snippet lang=c : #define IORING_OP_SEND 26 } */
    public static int IORING_OP_SEND() {
        return IORING_OP_SEND;
    }

    private static final int IORING_OP_RECV = (int)27L;
    /** {@snippet lang=c : #define IORING_OP_RECV 27 } */
    public static int IORING_OP_RECV() {
        return IORING_OP_RECV;
    }

    private static final int IORING_OP_SHUTDOWN = (int)34L;
    /** {@snippet lang=c : #define IORING_OP_SHUTDOWN 34 } */
    public static int IORING_OP_SHUTDOWN() {
        return IORING_OP_SHUTDOWN;
    }

    private static final int IORING_OP_SOCKET = (int)45L;
    /** {@snippet lang=c : #define IORING_OP_SOCKET 45 } */
    public static int IORING_OP_SOCKET() {
        return IORING_OP_SOCKET;
    }

    private static final int IORING_OP_LAST = (int)49L;
    /** {@snippet lang=c : #define IORING_OP_LAST 49 } */
    public static int IORING_OP_LAST() {
        return IORING_OP_LAST;
    }

    private static final int IOSQE_FIXED_FILE = (int)1L;
    /** {@snippet lang=c : #define IOSQE_FIXED_FILE 1 } */
    public static int IOSQE_FIXED_FILE() {
        return IOSQE_FIXED_FILE;
    }

    private static final int IOSQE_IO_LINK = (int)4L;
    /** {@snippet lang=c : #define IOSQE_IO_LINK 4 } */
    public static int IOSQE_IO_LINK() {
        return IOSQE_IO_LINK;
    }

    private static final int IOSQE_IO_HARDLINK = (int)8L;
    /** {@snippet lang=c : #define IOSQE_IO_HARDLINK 8 } */
    public static int IOSQE_IO_HARDLINK() {
        return IOSQE_IO_HARDLINK;
    }

    private static final int IOSQE_ASYNC = (int)16L;
    /** {@snippet lang=c : #define IOSQE_ASYNC 16 } */
    public static int IOSQE_ASYNC() {
        return IOSQE_ASYNC;
    }

    private static final int IOSQE_BUFFER_SELECT = (int)32L;
    /** {@snippet lang=c : #define IOSQE_BUFFER_SELECT 32 } */
    public static int IOSQE_BUFFER_SELECT() {
        return IOSQE_BUFFER_SELECT;
    }

    private static final int IOSQE_CQE_SKIP_SUCCESS = (int)64L;
    /** {@snippet lang=c : #define IOSQE_CQE_SKIP_SUCCESS 64 } */
    public static int IOSQE_CQE_SKIP_SUCCESS() {
        return IOSQE_CQE_SKIP_SUCCESS;
    }

    private static final int IORING_RECVSEND_POLL_FIRST = (int)1L;
    /** {@snippet lang=c : #define IORING_RECVSEND_POLL_FIRST 1 } */
    public static int IORING_RECVSEND_POLL_FIRST() {
        return IORING_RECVSEND_POLL_FIRST;
    }

    private static final int IORING_RECV_MULTISHOT = (int)2L;
    /** {@snippet lang=c : #define IORING_RECV_MULTISHOT 2 } */
    public static int IORING_RECV_MULTISHOT() {
        return IORING_RECV_MULTISHOT;
    }

    private static final int IORING_ACCEPT_MULTISHOT = (int)1L;
    /** {@snippet lang=c : #define IORING_ACCEPT_MULTISHOT 1 } */
    public static int IORING_ACCEPT_MULTISHOT() {
        return IORING_ACCEPT_MULTISHOT;
    }

    private static final int IORING_TIMEOUT_ABS = (int)1L;
    /** {@snippet lang=c : #define IORING_TIMEOUT_ABS 1 } */
    public static int IORING_TIMEOUT_ABS() {
        return IORING_TIMEOUT_ABS;
    }

    private static final int IORING_TIMEOUT_ETIME_SUCCESS = (int)32L;
    /** {@snippet lang=c : #define IORING_TIMEOUT_ETIME_SUCCESS 32 } */
    public static int IORING_TIMEOUT_ETIME_SUCCESS() {
        return IORING_TIMEOUT_ETIME_SUCCESS;
    }

    private static final int IORING_ASYNC_CANCEL_ALL = (int)1L;
    /** {@snippet lang=c : #define IORING_ASYNC_CANCEL_ALL 1 } */
    public static int IORING_ASYNC_CANCEL_ALL() {
        return IORING_ASYNC_CANCEL_ALL;
    }

    private static final int IORING_ASYNC_CANCEL_FD = (int)2L;
    /** {@snippet lang=c : #define IORING_ASYNC_CANCEL_FD 2 } */
    public static int IORING_ASYNC_CANCEL_FD() {
        return IORING_ASYNC_CANCEL_FD;
    }

    private static final int IORING_ASYNC_CANCEL_ANY = (int)4L;
    /** {@snippet lang=c : #define IORING_ASYNC_CANCEL_ANY 4 } */
    public static int IORING_ASYNC_CANCEL_ANY() {
        return IORING_ASYNC_CANCEL_ANY;
    }

    private static final int IORING_CQE_F_BUFFER = (int)1L;
    /** {@snippet lang=c : #define IORING_CQE_F_BUFFER 1 } */
    public static int IORING_CQE_F_BUFFER() {
        return IORING_CQE_F_BUFFER;
    }

    private static final int IORING_CQE_F_MORE = (int)2L;
    /** {@snippet lang=c : #define IORING_CQE_F_MORE 2 } */
    public static int IORING_CQE_F_MORE() {
        return IORING_CQE_F_MORE;
    }

    private static final int IORING_CQE_F_SOCK_NONEMPTY = (int)4L;
    /** {@snippet lang=c : #define IORING_CQE_F_SOCK_NONEMPTY 4 } */
    public static int IORING_CQE_F_SOCK_NONEMPTY() {
        return IORING_CQE_F_SOCK_NONEMPTY;
    }

    private static final int IORING_CQE_F_NOTIF = (int)8L;
    /** {@snippet lang=c : #define IORING_CQE_F_NOTIF 8 } */
    public static int IORING_CQE_F_NOTIF() {
        return IORING_CQE_F_NOTIF;
    }

    private static final int IORING_CQE_BUFFER_SHIFT = (int)16L;
    /** {@snippet lang=c : #define IORING_CQE_BUFFER_SHIFT 16 } */
    public static int IORING_CQE_BUFFER_SHIFT() {
        return IORING_CQE_BUFFER_SHIFT;
    }

    private static final long IORING_OFF_SQ_RING = 0L;
    /** {@snippet lang=c : #define IORING_OFF_SQ_RING 0 } */
    public static long IORING_OFF_SQ_RING() {
        return IORING_OFF_SQ_RING;
    }

    private static final long IORING_OFF_CQ_RING = 134217728L;
    /** {@snippet lang=c : #define IORING_OFF_CQ_RING 134217728 } */
    public static long IORING_OFF_CQ_RING() {
        return IORING_OFF_CQ_RING;
    }

    private static final long IORING_OFF_SQES = 268435456L;
    /** {@snippet lang=c : #define IORING_OFF_SQES 268435456 } */
    public static long IORING_OFF_SQES() {
        return IORING_OFF_SQES;
    }

    private static final int IORING_SQ_NEED_WAKEUP = (int)1L;
    /** {@snippet lang=c : #define IORING_SQ_NEED_WAKEUP 1 } */
    public static int IORING_SQ_NEED_WAKEUP() {
        return IORING_SQ_NEED_WAKEUP;
    }

    private static final int IORING_SQ_CQ_OVERFLOW = (int)2L;
    /** {@snippet lang=c : #define IORING_SQ_CQ_OVERFLOW 2 } */
    public static int IORING_SQ_CQ_OVERFLOW() {
        return IORING_SQ_CQ_OVERFLOW;
    }

    private static final int IORING_SQ_TASKRUN = (int)4L;
    /** {@snippet lang=c : #define IORING_SQ_TASKRUN 4 } */
    public static int IORING_SQ_TASKRUN() {
        return IORING_SQ_TASKRUN;
    }

    private static final int IORING_ENTER_GETEVENTS = (int)1L;
    /** {@snippet lang=c : #define IORING_ENTER_GETEVENTS 1 } */
    public static int IORING_ENTER_GETEVENTS() {
        return IORING_ENTER_GETEVENTS;
    }

    private static final int IORING_ENTER_EXT_ARG = (int)8L;
    /** {@snippet lang=c : #define IORING_ENTER_EXT_ARG 8 } */
    public static int IORING_ENTER_EXT_ARG() {
        return IORING_ENTER_EXT_ARG;
    }

    private static final int IORING_ENTER_REGISTERED_RING = (int)16L;
    /** {@snippet lang=c : #define IORING_ENTER_REGISTERED_RING 16 } */
    public static int IORING_ENTER_REGISTERED_RING() {
        return IORING_ENTER_REGISTERED_RING;
    }

    private static final int IORING_FEAT_SINGLE_MMAP = (int)1L;
    /** {@snippet lang=c : #define IORING_FEAT_SINGLE_MMAP 1 } */
    public static int IORING_FEAT_SINGLE_MMAP() {
        return IORING_FEAT_SINGLE_MMAP;
    }

    private static final int IORING_FEAT_NODROP = (int)2L;
    /** {@snippet lang=c : #define IORING_FEAT_NODROP 2 } */
    public static int IORING_FEAT_NODROP() {
        return IORING_FEAT_NODROP;
    }

    private static final int IORING_FEAT_SUBMIT_STABLE = (int)4L;
    /** {@snippet lang=c : #define IORING_FEAT_SUBMIT_STABLE 4 } */
    public static int IORING_FEAT_SUBMIT_STABLE() {
        return IORING_FEAT_SUBMIT_STABLE;
    }

    private static final int IORING_FEAT_FAST_POLL = (int)32L;
    /** {@snippet lang=c : #define IORING_FEAT_FAST_POLL 32 } */
    public static int IORING_FEAT_FAST_POLL() {
        return IORING_FEAT_FAST_POLL;
    }

    private static final int IORING_FEAT_EXT_ARG = (int)256L;
    /** {@snippet lang=c : #define IORING_FEAT_EXT_ARG 256 } */
    public static int IORING_FEAT_EXT_ARG() {
        return IORING_FEAT_EXT_ARG;
    }

    private static final int IORING_FEAT_NATIVE_WORKERS = (int)512L;
    /** {@snippet lang=c : #define IORING_FEAT_NATIVE_WORKERS 512 } */
    public static int IORING_FEAT_NATIVE_WORKERS() {
        return IORING_FEAT_NATIVE_WORKERS;
    }

    private static final int IORING_FEAT_CQE_SKIP = (int)2048L;
    /** {@snippet lang=c : #define IORING_FEAT_CQE_SKIP 2048 } */
    public static int IORING_FEAT_CQE_SKIP() {
        return IORING_FEAT_CQE_SKIP;
    }

    private static final int IORING_REGISTER_PROBE = (int)8L;
    /** {@snippet lang=c : #define IORING_REGISTER_PROBE 8 } */
    public static int IORING_REGISTER_PROBE() {
        return IORING_REGISTER_PROBE;
    }

    private static final int IORING_REGISTER_RING_FDS = (int)20L;
    /** {@snippet lang=c : #define IORING_REGISTER_RING_FDS 20 } */
    public static int IORING_REGISTER_RING_FDS() {
        return IORING_REGISTER_RING_FDS;
    }

    private static final int IORING_UNREGISTER_RING_FDS = (int)21L;
    /** {@snippet lang=c : #define IORING_UNREGISTER_RING_FDS 21 } */
    public static int IORING_UNREGISTER_RING_FDS() {
        return IORING_UNREGISTER_RING_FDS;
    }

    private static final int IORING_REGISTER_PBUF_RING = (int)22L;
    /** {@snippet lang=c : #define IORING_REGISTER_PBUF_RING 22 } */
    public static int IORING_REGISTER_PBUF_RING() {
        return IORING_REGISTER_PBUF_RING;
    }

    private static final int IORING_UNREGISTER_PBUF_RING = (int)23L;
    /** {@snippet lang=c : #define IORING_UNREGISTER_PBUF_RING 23 } */
    public static int IORING_UNREGISTER_PBUF_RING() {
        return IORING_UNREGISTER_PBUF_RING;
    }

    private static final int IO_URING_OP_SUPPORTED = (int)1L;
    /** {@snippet lang=c : #define IO_URING_OP_SUPPORTED 1 } */
    public static int IO_URING_OP_SUPPORTED() {
        return IO_URING_OP_SUPPORTED;
    }

    private static final int __NR_io_uring_setup = (int)425L;
    /** {@snippet lang=c : #define __NR_io_uring_setup 425 } */
    public static int __NR_io_uring_setup() {
        return __NR_io_uring_setup;
    }

    private static final int __NR_io_uring_enter = (int)426L;
    /** {@snippet lang=c : #define __NR_io_uring_enter 426 } */
    public static int __NR_io_uring_enter() {
        return __NR_io_uring_enter;
    }

    private static final int __NR_io_uring_register = (int)427L;
    /** {@snippet lang=c : #define __NR_io_uring_register 427 } */
    public static int __NR_io_uring_register() {
        return __NR_io_uring_register;
    }

    private static final int PROT_READ = (int)1L;
    /** {@snippet lang=c : #define PROT_READ 1 } */
    public static int PROT_READ() {
        return PROT_READ;
    }

    private static final int PROT_WRITE = (int)2L;
    /** {@snippet lang=c : #define PROT_WRITE 2 } */
    public static int PROT_WRITE() {
        return PROT_WRITE;
    }

    private static final int MAP_SHARED = (int)1L;
    /** {@snippet lang=c : #define MAP_SHARED 1 } */
    public static int MAP_SHARED() {
        return MAP_SHARED;
    }

    private static final int MAP_POPULATE = (int)32768L;
    /** {@snippet lang=c : #define MAP_POPULATE 32768 } */
    public static int MAP_POPULATE() {
        return MAP_POPULATE;
    }

    private static final int AF_INET = (int)2L;
    /** {@snippet lang=c : #define AF_INET 2 } */
    public static int AF_INET() {
        return AF_INET;
    }

    private static final int AF_INET6 = (int)10L;
    /** {@snippet lang=c : #define AF_INET6 10 } */
    public static int AF_INET6() {
        return AF_INET6;
    }

    private static final int SOCK_STREAM = (int)1L;
    /** {@snippet lang=c : #define SOCK_STREAM 1 } */
    public static int SOCK_STREAM() {
        return SOCK_STREAM;
    }

    private static final int SOCK_NONBLOCK = (int)2048L;
    /** {@snippet lang=c : #define SOCK_NONBLOCK 2048 } */
    public static int SOCK_NONBLOCK() {
        return SOCK_NONBLOCK;
    }

    private static final int SOCK_CLOEXEC = (int)524288L;
    /** {@snippet lang=c : #define SOCK_CLOEXEC 524288 } */
    public static int SOCK_CLOEXEC() {
        return SOCK_CLOEXEC;
    }

    private static final int SOL_SOCKET = (int)1L;
    /** {@snippet lang=c : #define SOL_SOCKET 1 } */
    public static int SOL_SOCKET() {
        return SOL_SOCKET;
    }

    private static final int SO_REUSEADDR = (int)2L;
    /** {@snippet lang=c : #define SO_REUSEADDR 2 } */
    public static int SO_REUSEADDR() {
        return SO_REUSEADDR;
    }

    private static final int SO_REUSEPORT = (int)15L;
    /** {@snippet lang=c : #define SO_REUSEPORT 15 } */
    public static int SO_REUSEPORT() {
        return SO_REUSEPORT;
    }

    private static final int SO_LINGER = (int)13L;
    /** {@snippet lang=c : #define SO_LINGER 13 } */
    public static int SO_LINGER() {
        return SO_LINGER;
    }

    private static final int SO_ERROR = (int)4L;
    /** {@snippet lang=c : #define SO_ERROR 4 } */
    public static int SO_ERROR() {
        return SO_ERROR;
    }

    private static final int IPPROTO_IP = (int)0L;
    /** {@snippet lang=c : #define IPPROTO_IP 0 } */
    public static int IPPROTO_IP() {
        return IPPROTO_IP;
    }

    private static final int IP_BIND_ADDRESS_NO_PORT = (int)24L;
    /** {@snippet lang=c : #define IP_BIND_ADDRESS_NO_PORT 24 } */
    public static int IP_BIND_ADDRESS_NO_PORT() {
        return IP_BIND_ADDRESS_NO_PORT;
    }

    private static final int IPPROTO_TCP = (int)6L;
    /** {@snippet lang=c : #define IPPROTO_TCP 6 } */
    public static int IPPROTO_TCP() {
        return IPPROTO_TCP;
    }

    private static final int TCP_NODELAY = (int)1L;
    /** {@snippet lang=c : #define TCP_NODELAY 1 } */
    public static int TCP_NODELAY() {
        return TCP_NODELAY;
    }

    private static final int RLIMIT_NOFILE = (int)7L;
    /** {@snippet lang=c : #define RLIMIT_NOFILE 7 } */
    public static int RLIMIT_NOFILE() {
        return RLIMIT_NOFILE;
    }

    private static final int RLIMIT_MEMLOCK = (int)8L;
    /** {@snippet lang=c : #define RLIMIT_MEMLOCK 8 } */
    public static int RLIMIT_MEMLOCK() {
        return RLIMIT_MEMLOCK;
    }

    private static final int EPERM = (int)1L;
    /** {@snippet lang=c : #define EPERM 1 } */
    public static int EPERM() {
        return EPERM;
    }

    private static final int ENOENT = (int)2L;
    /** {@snippet lang=c : #define ENOENT 2 } */
    public static int ENOENT() {
        return ENOENT;
    }

    private static final int EINTR = (int)4L;
    /** {@snippet lang=c : #define EINTR 4 } */
    public static int EINTR() {
        return EINTR;
    }

    private static final int EAGAIN = (int)11L;
    /** {@snippet lang=c : #define EAGAIN 11 } */
    public static int EAGAIN() {
        return EAGAIN;
    }

    private static final int ENOMEM = (int)12L;
    /** {@snippet lang=c : #define ENOMEM 12 } */
    public static int ENOMEM() {
        return ENOMEM;
    }

    private static final int EFAULT = (int)14L;
    /** {@snippet lang=c : #define EFAULT 14 } */
    public static int EFAULT() {
        return EFAULT;
    }

    private static final int EBUSY = (int)16L;
    /** {@snippet lang=c : #define EBUSY 16 } */
    public static int EBUSY() {
        return EBUSY;
    }

    private static final int EEXIST = (int)17L;
    /** {@snippet lang=c : #define EEXIST 17 } */
    public static int EEXIST() {
        return EEXIST;
    }

    private static final int EINVAL = (int)22L;
    /** {@snippet lang=c : #define EINVAL 22 } */
    public static int EINVAL() {
        return EINVAL;
    }
    private static final int PR_SET_TIMERSLACK = (int)29L;
    /** {@snippet lang=c : #define PR_SET_TIMERSLACK 29 } */
    public static int PR_SET_TIMERSLACK() {
        return PR_SET_TIMERSLACK;
    }

    private static final int EMFILE = (int)24L;
    /** {@snippet lang=c : #define EMFILE 24 } */
    public static int EMFILE() {
        return EMFILE;
    }

    private static final int ENFILE = (int)23L;
    /** {@snippet lang=c : #define ENFILE 23 } */
    public static int ENFILE() {
        return ENFILE;
    }

    private static final int ENOSYS = (int)38L;
    /** {@snippet lang=c : #define ENOSYS 38 } */
    public static int ENOSYS() {
        return ENOSYS;
    }

    private static final int ETIME = (int)62L;
    /** {@snippet lang=c : #define ETIME 62 } */
    public static int ETIME() {
        return ETIME;
    }

    private static final int ENOBUFS = (int)105L;
    /** {@snippet lang=c : #define ENOBUFS 105 } */
    public static int ENOBUFS() {
        return ENOBUFS;
    }

    private static final int EPIPE = (int)32L;
    /** {@snippet lang=c : #define EPIPE 32 } */
    public static int EPIPE() {
        return EPIPE;
    }

    private static final int EOPNOTSUPP = (int)95L;
    /** {@snippet lang=c : #define EOPNOTSUPP 95 } */
    public static int EOPNOTSUPP() {
        return EOPNOTSUPP;
    }

    private static final int EADDRINUSE = (int)98L;
    /** {@snippet lang=c : #define EADDRINUSE 98 } */
    public static int EADDRINUSE() {
        return EADDRINUSE;
    }

    private static final int EADDRNOTAVAIL = (int)99L;
    /** {@snippet lang=c : #define EADDRNOTAVAIL 99 } */
    public static int EADDRNOTAVAIL() {
        return EADDRNOTAVAIL;
    }

    private static final int ENETUNREACH = (int)101L;
    /** {@snippet lang=c : #define ENETUNREACH 101 } */
    public static int ENETUNREACH() {
        return ENETUNREACH;
    }

    private static final int ECONNABORTED = (int)103L;
    /** {@snippet lang=c : #define ECONNABORTED 103 } */
    public static int ECONNABORTED() {
        return ECONNABORTED;
    }

    private static final int ECONNRESET = (int)104L;
    /** {@snippet lang=c : #define ECONNRESET 104 } */
    public static int ECONNRESET() {
        return ECONNRESET;
    }

    private static final int ETIMEDOUT = (int)110L;
    /** {@snippet lang=c : #define ETIMEDOUT 110 } */
    public static int ETIMEDOUT() {
        return ETIMEDOUT;
    }

    private static final int ECONNREFUSED = (int)111L;
    /** {@snippet lang=c : #define ECONNREFUSED 111 } */
    public static int ECONNREFUSED() {
        return ECONNREFUSED;
    }

    private static final int EHOSTUNREACH = (int)113L;
    /** {@snippet lang=c : #define EHOSTUNREACH 113 } */
    public static int EHOSTUNREACH() {
        return EHOSTUNREACH;
    }

    private static final int EALREADY = (int)114L;
    /** {@snippet lang=c : #define EALREADY 114 } */
    public static int EALREADY() {
        return EALREADY;
    }

    private static final int EINPROGRESS = (int)115L;
    /** {@snippet lang=c : #define EINPROGRESS 115 } */
    public static int EINPROGRESS() {
        return EINPROGRESS;
    }

    private static final int ECANCELED = (int)125L;
    /** {@snippet lang=c : #define ECANCELED 125 } */
    public static int ECANCELED() {
        return ECANCELED;
    }

    private static final int SHUT_WR = (int)1L;
    /** {@snippet lang=c : #define SHUT_WR 1 } */
    public static int SHUT_WR() {
        return SHUT_WR;
    }

    private static final int SHUT_RDWR = (int)2L;
    /** {@snippet lang=c : #define SHUT_RDWR 2 } */
    public static int SHUT_RDWR() {
        return SHUT_RDWR;
    }

    private static class mmap {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_LONG, C_INT, C_INT, C_INT, C_LONG);
        public static final MethodHandle HANDLE = downcall("mmap", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, __off_t __offset) } */
    public static FunctionDescriptor mmap$descriptor() {
        return mmap.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, __off_t __offset) } (errno captured) */
    public static MethodHandle mmap$handle() {
        return mmap.HANDLE;
    }

    /** {@snippet lang=c : extern void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, __off_t __offset) } */
    public static MemorySegment mmap(MemorySegment errnoState, MemorySegment __addr, long __len, int __prot, int __flags, int __fd, long __offset) {
        try {
            return (MemorySegment) mmap.HANDLE.invokeExact(errnoState, __addr, __len, __prot, __flags, __fd, __offset);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class munmap {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        public static final MethodHandle HANDLE = downcall("munmap", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int munmap(void *__addr, size_t __len) } */
    public static FunctionDescriptor munmap$descriptor() {
        return munmap.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int munmap(void *__addr, size_t __len) } (errno captured) */
    public static MethodHandle munmap$handle() {
        return munmap.HANDLE;
    }

    /** {@snippet lang=c : extern int munmap(void *__addr, size_t __len) } */
    public static int munmap(MemorySegment errnoState, MemorySegment __addr, long __len) {
        try {
            return (int) munmap.HANDLE.invokeExact(errnoState, __addr, __len);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class close {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        public static final MethodHandle HANDLE = downcall("close", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int close(int __fd) } */
    public static FunctionDescriptor close$descriptor() {
        return close.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int close(int __fd) } (errno captured) */
    public static MethodHandle close$handle() {
        return close.HANDLE;
    }

    /** {@snippet lang=c : extern int close(int __fd) } */
    public static int close(MemorySegment errnoState, int __fd) {
        try {
            return (int) close.HANDLE.invokeExact(errnoState, __fd);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class socket {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        public static final MethodHandle HANDLE = downcall("socket", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int socket(int __domain, int __type, int __protocol) } */
    public static FunctionDescriptor socket$descriptor() {
        return socket.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int socket(int __domain, int __type, int __protocol) } (errno captured) */
    public static MethodHandle socket$handle() {
        return socket.HANDLE;
    }

    /** {@snippet lang=c : extern int socket(int __domain, int __type, int __protocol) } */
    public static int socket(MemorySegment errnoState, int __domain, int __type, int __protocol) {
        try {
            return (int) socket.HANDLE.invokeExact(errnoState, __domain, __type, __protocol);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class bind {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        public static final MethodHandle HANDLE = downcall("bind", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int bind(int __fd, const struct sockaddr *__addr, socklen_t __len) } */
    public static FunctionDescriptor bind$descriptor() {
        return bind.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int bind(int __fd, const struct sockaddr *__addr, socklen_t __len) } (errno captured) */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /** {@snippet lang=c : extern int bind(int __fd, const struct sockaddr *__addr, socklen_t __len) } */
    public static int bind(MemorySegment errnoState, int __fd, MemorySegment __addr, int __len) {
        try {
            return (int) bind.HANDLE.invokeExact(errnoState, __fd, __addr, __len);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class listen {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        public static final MethodHandle HANDLE = downcall("listen", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int listen(int __fd, int __n) } */
    public static FunctionDescriptor listen$descriptor() {
        return listen.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int listen(int __fd, int __n) } (errno captured) */
    public static MethodHandle listen$handle() {
        return listen.HANDLE;
    }

    /** {@snippet lang=c : extern int listen(int __fd, int __n) } */
    public static int listen(MemorySegment errnoState, int __fd, int __n) {
        try {
            return (int) listen.HANDLE.invokeExact(errnoState, __fd, __n);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class connect {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        public static final MethodHandle HANDLE = downcall("connect", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int connect(int __fd, const struct sockaddr *__addr, socklen_t __len) } */
    public static FunctionDescriptor connect$descriptor() {
        return connect.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int connect(int __fd, const struct sockaddr *__addr, socklen_t __len) } (errno captured) */
    public static MethodHandle connect$handle() {
        return connect.HANDLE;
    }

    /** {@snippet lang=c : extern int connect(int __fd, const struct sockaddr *__addr, socklen_t __len) } */
    public static int connect(MemorySegment errnoState, int __fd, MemorySegment __addr, int __len) {
        try {
            return (int) connect.HANDLE.invokeExact(errnoState, __fd, __addr, __len);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class setsockopt {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT);
        public static final MethodHandle HANDLE = downcall("setsockopt", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int setsockopt(int __fd, int __level, int __optname, const void *__optval, socklen_t __optlen) } */
    public static FunctionDescriptor setsockopt$descriptor() {
        return setsockopt.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int setsockopt(int __fd, int __level, int __optname, const void *__optval, socklen_t __optlen) } (errno captured) */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /** {@snippet lang=c : extern int setsockopt(int __fd, int __level, int __optname, const void *__optval, socklen_t __optlen) } */
    public static int setsockopt(MemorySegment errnoState, int __fd, int __level, int __optname, MemorySegment __optval, int __optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(errnoState, __fd, __level, __optname, __optval, __optlen);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class getsockname {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        public static final MethodHandle HANDLE = downcall("getsockname", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int getsockname(int __fd, struct sockaddr *__addr, socklen_t *__len) } */
    public static FunctionDescriptor getsockname$descriptor() {
        return getsockname.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int getsockname(int __fd, struct sockaddr *__addr, socklen_t *__len) } (errno captured) */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /** {@snippet lang=c : extern int getsockname(int __fd, struct sockaddr *__addr, socklen_t *__len) } */
    public static int getsockname(MemorySegment errnoState, int __fd, MemorySegment __addr, MemorySegment __len) {
        try {
            return (int) getsockname.HANDLE.invokeExact(errnoState, __fd, __addr, __len);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class sched_setaffinity {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER);
        public static final MethodHandle HANDLE = downcall("sched_setaffinity", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int sched_setaffinity(__pid_t __pid, size_t __cpusetsize, const cpu_set_t *__cpuset) } */
    public static FunctionDescriptor sched_setaffinity$descriptor() {
        return sched_setaffinity.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int sched_setaffinity(__pid_t __pid, size_t __cpusetsize, const cpu_set_t *__cpuset) } (errno captured) */
    public static MethodHandle sched_setaffinity$handle() {
        return sched_setaffinity.HANDLE;
    }

    /** {@snippet lang=c : extern int sched_setaffinity(__pid_t __pid, size_t __cpusetsize, const cpu_set_t *__cpuset) } */
    public static int sched_setaffinity(MemorySegment errnoState, int __pid, long __cpusetsize, MemorySegment __cpuset) {
        try {
            return (int) sched_setaffinity.HANDLE.invokeExact(errnoState, __pid, __cpusetsize, __cpuset);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class sched_getaffinity {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER);
        public static final MethodHandle HANDLE = downcall("sched_getaffinity", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int sched_getaffinity(__pid_t __pid, size_t __cpusetsize, cpu_set_t *__cpuset) } */
    public static FunctionDescriptor sched_getaffinity$descriptor() {
        return sched_getaffinity.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int sched_getaffinity(__pid_t __pid, size_t __cpusetsize, cpu_set_t *__cpuset) } (errno captured) */
    public static MethodHandle sched_getaffinity$handle() {
        return sched_getaffinity.HANDLE;
    }

    /** {@snippet lang=c : extern int sched_getaffinity(__pid_t __pid, size_t __cpusetsize, cpu_set_t *__cpuset) } */
    public static int sched_getaffinity(MemorySegment errnoState, int __pid, long __cpusetsize, MemorySegment __cpuset) {
        try {
            return (int) sched_getaffinity.HANDLE.invokeExact(errnoState, __pid, __cpusetsize, __cpuset);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class sched_getcpu {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        public static final MethodHandle HANDLE = downcall("sched_getcpu", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int sched_getcpu(void) } */
    public static FunctionDescriptor sched_getcpu$descriptor() {
        return sched_getcpu.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int sched_getcpu(void) } (errno captured) */
    public static MethodHandle sched_getcpu$handle() {
        return sched_getcpu.HANDLE;
    }

    /** {@snippet lang=c : extern int sched_getcpu(void) } */
    public static int sched_getcpu(MemorySegment errnoState) {
        try {
            return (int) sched_getcpu.HANDLE.invokeExact(errnoState);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class isatty {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        public static final MethodHandle HANDLE = downcall("isatty", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int isatty(int __fd) } */
    public static FunctionDescriptor isatty$descriptor() {
        return isatty.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int isatty(int __fd) } (errno captured) */
    public static MethodHandle isatty$handle() {
        return isatty.HANDLE;
    }

    /** {@snippet lang=c : extern int isatty(int __fd) } */
    public static int isatty(MemorySegment errnoState, int __fd) {
        try {
            return (int) isatty.HANDLE.invokeExact(errnoState, __fd);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class getrlimit {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        public static final MethodHandle HANDLE = downcall("getrlimit", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int getrlimit(__rlimit_resource_t __resource, struct rlimit *__rlimits) } */
    public static FunctionDescriptor getrlimit$descriptor() {
        return getrlimit.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int getrlimit(__rlimit_resource_t __resource, struct rlimit *__rlimits) } (errno captured) */
    public static MethodHandle getrlimit$handle() {
        return getrlimit.HANDLE;
    }

    /** {@snippet lang=c : extern int getrlimit(__rlimit_resource_t __resource, struct rlimit *__rlimits) } */
    public static int getrlimit(MemorySegment errnoState, int __resource, MemorySegment __rlimits) {
        try {
            return (int) getrlimit.HANDLE.invokeExact(errnoState, __resource, __rlimits);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class setrlimit {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        public static final MethodHandle HANDLE = downcall("setrlimit", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int setrlimit(__rlimit_resource_t __resource, const struct rlimit *__rlimits) } */
    public static FunctionDescriptor setrlimit$descriptor() {
        return setrlimit.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int setrlimit(__rlimit_resource_t __resource, const struct rlimit *__rlimits) } (errno captured) */
    public static MethodHandle setrlimit$handle() {
        return setrlimit.HANDLE;
    }

    /** {@snippet lang=c : extern int setrlimit(__rlimit_resource_t __resource, const struct rlimit *__rlimits) } */
    public static int setrlimit(MemorySegment errnoState, int __resource, MemorySegment __rlimits) {
        try {
            return (int) setrlimit.HANDLE.invokeExact(errnoState, __resource, __rlimits);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class getpid {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        public static final MethodHandle HANDLE = downcall("getpid", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern __pid_t getpid(void) } */
    public static FunctionDescriptor getpid$descriptor() {
        return getpid.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern __pid_t getpid(void) } (errno captured) */
    public static MethodHandle getpid$handle() {
        return getpid.HANDLE;
    }

    /** {@snippet lang=c : extern __pid_t getpid(void) } */
    public static int getpid(MemorySegment errnoState) {
        try {
            return (int) getpid.HANDLE.invokeExact(errnoState);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class gettid {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        public static final MethodHandle HANDLE = downcall("gettid", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern __pid_t gettid(void) } */
    public static FunctionDescriptor gettid$descriptor() {
        return gettid.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern __pid_t gettid(void) } (errno captured) */
    public static MethodHandle gettid$handle() {
        return gettid.HANDLE;
    }

    /** {@snippet lang=c : extern __pid_t gettid(void) } */
    public static int gettid(MemorySegment errnoState) {
        try {
            return (int) gettid.HANDLE.invokeExact(errnoState);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }

    private static class shutdown {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        public static final MethodHandle HANDLE = downcall("shutdown", DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@snippet lang=c : extern int shutdown(int __fd, int __how) } */
    public static FunctionDescriptor shutdown$descriptor() {
        return shutdown.DESC;
    }

    /** Downcall method handle for {@snippet lang=c : extern int shutdown(int __fd, int __how) } (errno captured) */
    public static MethodHandle shutdown$handle() {
        return shutdown.HANDLE;
    }

    /** {@snippet lang=c : extern int shutdown(int __fd, int __how) } */
    public static int shutdown(MemorySegment errnoState, int __fd, int __how) {
        try {
            return (int) shutdown.HANDLE.invokeExact(errnoState, __fd, __how);
        } catch (Throwable ex$) {
            throw unexpected(ex$);
        }
    }
}
