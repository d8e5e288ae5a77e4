package dev.ringload.engine.uring;

import dev.ringload.engine.os.Errno;
import dev.ringload.engine.os.KernelFiles;

import dev.ringload.bindings.uring.io_uring_params;
import dev.ringload.bindings.uring.io_uring_probe;
import dev.ringload.bindings.uring.io_uring_probe_op;
import dev.ringload.bindings.uring.ringload_h;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ringload.bindings.uring.ringload_h.*;
import static dev.ringload.bindings.uring.ringload_h_Syscalls.io_uring_register;
import static dev.ringload.bindings.uring.ringload_h_Syscalls.io_uring_setup;

/**
 * Decides whether io_uring is usable here and, when it is not, says precisely why: no io_uring at all (ENOSYS:
 * old kernel, gVisor), blocked (EPERM: seccomp as in Docker's default profile, or {@code kernel.io_uring_disabled}),
 * or a required feature or opcode missing.
 */
public final class IoUringProbe {

    /** Opcodes the engines use; IORING_OP_SEND_ZC (Linux 6.0) stands in for multishot recv, added in the same release. */
    static final int IORING_OP_SEND_ZC = 47;
    private static final int[] REQUIRED_OPS = {
            IORING_OP_NOP(), IORING_OP_SEND(), IORING_OP_RECV(), IORING_OP_CONNECT(), IORING_OP_ACCEPT(),
            IORING_OP_SOCKET(), IORING_OP_CLOSE(), IORING_OP_TIMEOUT(), IORING_OP_ASYNC_CANCEL(), IORING_OP_SEND_ZC,
    };

    private static final Path IO_URING_DISABLED = Path.of("/proc/sys/kernel/io_uring_disabled");

    private IoUringProbe() {
    }

    /**
     * @param usable   true when every requirement is met
     * @param reason   why not (one line), or a summary of what was found when usable
     * @param features the kernel's {@code IORING_FEAT_*} bits (0 when setup failed)
     * @param lastOp   the highest opcode the kernel knows (-1 when unknown)
     */
    public record Result(boolean usable, String reason, int features, int lastOp) {
    }

    /** Probes for everything ringload's engines need. */
    public static Result probe() {
        return probe(IoUring.REQUIRED_FEATURES, REQUIRED_OPS);
    }

    /** Probes for the given {@code IORING_FEAT_*} bits and opcodes. */
    public static Result probe(int requiredFeatures, int... requiredOps) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = ringload_h.errnoState(arena);
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = io_uring_setup(errnoState, 4, params);
            if (fd < 0) {
                return new Result(false, setupFailure(ringload_h.errno(errnoState)), 0, -1);
            }
            try {
                int features = io_uring_params.features(params);
                int missing = requiredFeatures & ~features;
                if (missing != 0) {
                    return new Result(false, "kernel too old: " + describeFeatures(missing), features, -1);
                }
                int ops = 256;
                MemorySegment probe = arena.allocate(io_uring_probe.sizeof() + ops * io_uring_probe_op.sizeof(), 8);
                if (io_uring_register(errnoState, fd, IORING_REGISTER_PROBE(), probe, ops) < 0) {
                    return new Result(false, "kernel too old: IORING_REGISTER_PROBE refused ("
                            + Errno.name(ringload_h.errno(errnoState)) + "; needs Linux 5.6)", features, -1);
                }
                int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(probe));
                List<String> absent = new ArrayList<>();
                for (int op : requiredOps) {
                    if (!supported(probe, op, lastOp)) {
                        absent.add(opName(op));
                    }
                }
                if (!absent.isEmpty()) {
                    return new Result(false, "kernel lacks " + String.join(", ", absent), features, lastOp);
                }
                return new Result(true, "io_uring usable (features 0x" + Integer.toHexString(features)
                        + ", last opcode " + lastOp + ")", features, lastOp);
            } finally {
                ringload_h.close(errnoState, fd);
            }
        }
    }

    private static boolean supported(MemorySegment probe, int op, int lastOp) {
        if (op < 0 || op > lastOp || op > 255) {
            return false;
        }
        long opsOffset = io_uring_probe.ops$offset();
        MemorySegment entry = probe.asSlice(opsOffset + op * io_uring_probe_op.sizeof(), io_uring_probe_op.layout());
        return (io_uring_probe_op.flags(entry) & IO_URING_OP_SUPPORTED()) != 0;
    }

    static String setupFailure(int errno) {
        if (errno == ENOSYS()) {
            return "io_uring not available (ENOSYS: the kernel has no io_uring, or a sandbox such as gVisor hides it)";
        }
        if (errno == EPERM()) {
            String disabled = readIoUringDisabled();
            if ("2".equals(disabled)) {
                return "io_uring disabled (EPERM: kernel.io_uring_disabled=2 forbids it for every process)";
            }
            if ("1".equals(disabled)) {
                return "io_uring restricted (EPERM: kernel.io_uring_disabled=1 allows it only to kernel.io_uring_group)";
            }
            return "io_uring blocked (EPERM: a seccomp filter refuses it, as Docker's default profile does)";
        }
        if (errno == ENOMEM()) {
            return "io_uring setup failed (ENOMEM: locked-memory limit too low? see ulimit -l)";
        }
        return "io_uring setup failed (" + Errno.describe(errno) + ")";
    }

    private static String readIoUringDisabled() {
        try {
            return KernelFiles.read(IO_URING_DISABLED).trim();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    static String describeFeatures(int bits) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            int flag = 1 << bit;
            if ((bits & flag) != 0) {
                names.add(featureName(flag));
            }
        }
        return "missing " + String.join(", ", names);
    }

    private static String featureName(int flag) {
        if (flag == IORING_FEAT_SINGLE_MMAP()) return "IORING_FEAT_SINGLE_MMAP (Linux 5.4)";
        if (flag == IORING_FEAT_NODROP()) return "IORING_FEAT_NODROP (Linux 5.5)";
        if (flag == IORING_FEAT_SUBMIT_STABLE()) return "IORING_FEAT_SUBMIT_STABLE (Linux 5.5)";
        if (flag == IORING_FEAT_FAST_POLL()) return "IORING_FEAT_FAST_POLL (Linux 5.7)";
        if (flag == IORING_FEAT_EXT_ARG()) return "IORING_FEAT_EXT_ARG (Linux 5.11)";
        if (flag == IORING_FEAT_NATIVE_WORKERS()) return "IORING_FEAT_NATIVE_WORKERS (Linux 5.12)";
        if (flag == IORING_FEAT_CQE_SKIP()) return "IORING_FEAT_CQE_SKIP (Linux 5.17)";
        return "feature bit 0x" + Integer.toHexString(flag);
    }

    static String opName(int op) {
        if (op == IORING_OP_NOP()) return "IORING_OP_NOP";
        if (op == IORING_OP_TIMEOUT()) return "IORING_OP_TIMEOUT (Linux 5.4)";
        if (op == IORING_OP_ACCEPT()) return "IORING_OP_ACCEPT (Linux 5.5)";
        if (op == IORING_OP_ASYNC_CANCEL()) return "IORING_OP_ASYNC_CANCEL (Linux 5.5)";
        if (op == IORING_OP_CONNECT()) return "IORING_OP_CONNECT (Linux 5.5)";
        if (op == IORING_OP_CLOSE()) return "IORING_OP_CLOSE (Linux 5.6)";
        if (op == IORING_OP_SEND()) return "IORING_OP_SEND (Linux 5.6)";
        if (op == IORING_OP_RECV()) return "IORING_OP_RECV (Linux 5.6)";
        if (op == IORING_OP_SOCKET()) return "IORING_OP_SOCKET (Linux 5.19)";
        if (op == IORING_OP_SEND_ZC) return "IORING_OP_SEND_ZC and multishot recv (Linux 6.0)";
        return "opcode " + op;
    }

}
