// Hand-written beside the jextract-shaped ringload_h, as Tomcat keeps openssl_h_Macros beside openssl_h.
// syscall(2) and prctl(2) are variadic: jextract would emit a makeInvoker(...) that boxes its arguments on every
// call. The three io_uring system calls have no libc wrapper (ringload does not use liburing), so each gets a
// fixed-arity invoker here, linked once, with errno captured; so does the one prctl option ringload sets. Every variadic argument is passed as a 64-bit value because glibc's
// syscall() reads each one with va_arg(ap, long).
package dev.ringload.bindings.uring;

import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/**
 * Fixed-arity invokers of {@code long syscall(long number, ...)} for io_uring_setup, io_uring_enter and
 * io_uring_register, and of {@code int prctl(int option, ...)} with one argument.
 */
public final class ringload_h_Syscalls {

    private ringload_h_Syscalls() {
    }

    private static final Linker.Option VARIADIC_AFTER_NUMBER = Linker.Option.firstVariadicArg(1);

    private static final MethodHandle IO_URING_SETUP = ringload_h.downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
            VARIADIC_AFTER_NUMBER, ringload_h.CAPTURE_ERRNO);

    private static final MethodHandle IO_URING_ENTER = ringload_h.downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            VARIADIC_AFTER_NUMBER, ringload_h.CAPTURE_ERRNO);

    private static final MethodHandle IO_URING_REGISTER = ringload_h.downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            VARIADIC_AFTER_NUMBER, ringload_h.CAPTURE_ERRNO);

    private static final MethodHandle PRCTL_1 = ringload_h.downcall("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), VARIADIC_AFTER_NUMBER, ringload_h.CAPTURE_ERRNO);

    /** {@code int prctl(int option, unsigned long arg2)}: 0 (or the option's value), or -1 with errno set. */
    public static int prctl(MemorySegment errnoState, int option, long arg2) {
        try {
            return (int) PRCTL_1.invokeExact(errnoState, option, arg2);
        } catch (Throwable t) {
            throw ringload_h.unexpected(t);
        }
    }

    /** {@code int io_uring_setup(u32 entries, struct io_uring_params *p)}: the ring fd, or -1 with errno set. */
    public static int io_uring_setup(MemorySegment errnoState, int entries, MemorySegment params) {
        try {
            return (int) (long) IO_URING_SETUP.invokeExact(errnoState, (long) ringload_h.__NR_io_uring_setup(),
                    Integer.toUnsignedLong(entries), params);
        } catch (Throwable t) {
            throw ringload_h.unexpected(t);
        }
    }

    /**
     * {@code int io_uring_enter(unsigned fd, u32 to_submit, u32 min_complete, u32 flags, const void *arg, size_t argsz)}:
     * the number of SQEs consumed, or -1 with errno set.
     */
    public static int io_uring_enter(MemorySegment errnoState, int fd, int toSubmit, int minComplete, int flags,
                                     MemorySegment arg, long argSize) {
        try {
            return (int) (long) IO_URING_ENTER.invokeExact(errnoState, (long) ringload_h.__NR_io_uring_enter(),
                    Integer.toUnsignedLong(fd), Integer.toUnsignedLong(toSubmit), Integer.toUnsignedLong(minComplete),
                    Integer.toUnsignedLong(flags), arg, argSize);
        } catch (Throwable t) {
            throw ringload_h.unexpected(t);
        }
    }

    /** {@code int io_uring_register(unsigned fd, unsigned opcode, void *arg, unsigned nr_args)}: &ge; 0, or -1 with errno set. */
    public static int io_uring_register(MemorySegment errnoState, int fd, int opcode, MemorySegment arg, int nrArgs) {
        try {
            return (int) (long) IO_URING_REGISTER.invokeExact(errnoState, (long) ringload_h.__NR_io_uring_register(),
                    Integer.toUnsignedLong(fd), Integer.toUnsignedLong(opcode), arg, Integer.toUnsignedLong(nrArgs));
        } catch (Throwable t) {
            throw ringload_h.unexpected(t);
        }
    }
}
