package dev.ringload.engine.uring;

import org.junit.jupiter.api.Test;

import static dev.ringload.bindings.uring.ringload_h.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IoUringProbeTest {

    @Test
    void usableOnThisKernel() {
        IoUringProbe.Result result = IoUringProbe.probe();
        assumeTrue(result.usable(), result::reason);
        assertThat(result.reason()).startsWith("io_uring usable");
        assertThat(result.lastOp()).isGreaterThanOrEqualTo(IoUringProbe.IORING_OP_SEND_ZC);
        assertThat(result.features() & IoUring.REQUIRED_FEATURES).isEqualTo(IoUring.REQUIRED_FEATURES);
    }

    @Test
    void namesAFeatureTheKernelDoesNotHave() {
        assumeTrue(IoUringProbe.probe().usable());
        IoUringProbe.Result result = IoUringProbe.probe(1 << 31);
        assertThat(result.usable()).isFalse();
        assertThat(result.reason()).isEqualTo("kernel too old: missing feature bit 0x80000000");
    }

    @Test
    void namesAnOpcodeTheKernelDoesNotHave() {
        assumeTrue(IoUringProbe.probe().usable());
        IoUringProbe.Result result = IoUringProbe.probe(0, IORING_OP_NOP(), 250);
        assertThat(result.usable()).isFalse();
        assertThat(result.reason()).isEqualTo("kernel lacks opcode 250");
    }

    @Test
    void explainsSetupFailures() {
        assertThat(IoUringProbe.setupFailure(ENOSYS())).contains("ENOSYS").contains("gVisor");
        assertThat(IoUringProbe.setupFailure(EPERM())).contains("EPERM")
                .containsAnyOf("seccomp", "kernel.io_uring_disabled");
        assertThat(IoUringProbe.setupFailure(ENOMEM())).contains("ENOMEM").contains("ulimit -l");
        assertThat(IoUringProbe.setupFailure(EINVAL())).contains("EINVAL");
    }

    @Test
    void featureNamesCarryTheKernelRelease() {
        assertThat(IoUringProbe.describeFeatures(IORING_FEAT_EXT_ARG() | IORING_FEAT_NODROP()))
                .isEqualTo("missing IORING_FEAT_NODROP (Linux 5.5), IORING_FEAT_EXT_ARG (Linux 5.11)");
    }
}
