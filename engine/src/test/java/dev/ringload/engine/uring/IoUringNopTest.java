package dev.ringload.engine.uring;

import dev.ringload.bindings.uring.__kernel_timespec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ringload.bindings.uring.ringload_h.*;
import static dev.ringload.bindings.uring.ringload_h_Addendum.IORING_SETUP_NO_SQARRAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IoUringNopTest {

    private IoUring ring;

    @BeforeAll
    static void ioUringAvailable() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
    }

    @AfterEach
    void closeRing() {
        if (ring != null) {
            ring.close();
        }
    }

    /** Records completions in arrival order. */
    static final class Recorder implements CompletionHandler {
        final List<long[]> completions = new ArrayList<>();

        @Override
        public void onCompletion(int res, int flags, long userData) {
            completions.add(new long[] {res, flags, userData});
        }

        BitSet userDataSeen() {
            BitSet seen = new BitSet();
            for (long[] c : completions) {
                assertThat(seen.get((int) c[2])).as("user_data %d completed twice", c[2]).isFalse();
                seen.set((int) c[2]);
            }
            return seen;
        }
    }

    @Test
    void singleNopRoundTrip() {
        ring = IoUring.open(8);
        Recorder recorder = new Recorder();
        ring.sq().nop(42);
        assertThat(ring.submitAndWait(1)).isEqualTo(1);
        assertThat(ring.drain(recorder)).isEqualTo(1);
        assertThat(recorder.completions).hasSize(1);
        assertThat(recorder.completions.getFirst()).containsExactly(0, 0, 42);
        assertThat(ring.drain(recorder)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 64, 65, 200})
    void batchesUpToAndBeyondTheSqSize(int batch) {
        ring = IoUring.open(64, 256);
        Recorder recorder = new Recorder();
        for (int i = 0; i < batch; i++) {
            ring.sq().nop(i); // past 64 the SQ is full and submits by itself
        }
        ring.submitAndWait(batch <= 64 ? batch : 1);
        while (recorder.completions.size() < batch) {
            ring.drain(recorder);
            if (recorder.completions.size() < batch) {
                ring.submitAndWait(1, TimeUnit.SECONDS.toNanos(1));
            }
        }
        BitSet seen = recorder.userDataSeen();
        assertThat(seen.cardinality()).isEqualTo(batch);
        assertThat(seen.nextClearBit(0)).isEqualTo(batch);
        assertThat(ring.sq().pending()).isZero();
    }

    @Test
    void cqOverflowLosesNothing() {
        ring = IoUring.open(8, 8);
        int total = 40;
        for (int i = 0; i < total; i++) {
            ring.sq().nop(i);
        }
        ring.submitAndWait(0);
        assertThat(ring.overflowPending()).as("40 NOPs into an 8-entry CQ must overflow").isTrue();
        Recorder recorder = new Recorder();
        assertThat(ring.drain(recorder)).isEqualTo(total);
        assertThat(recorder.userDataSeen().cardinality()).isEqualTo(total);
        assertThat(ring.overflowPending()).isFalse();
    }

    @Test
    void boundedDrainLeavesTheRest() {
        ring = IoUring.open(16);
        for (int i = 0; i < 10; i++) {
            ring.sq().nop(i);
        }
        ring.submitAndWait(10);
        Recorder recorder = new Recorder();
        assertThat(ring.drain(recorder, 4)).isEqualTo(4);
        assertThat(ring.ready()).isEqualTo(6);
        assertThat(ring.drain(recorder)).isEqualTo(6);
        assertThat(recorder.userDataSeen().cardinality()).isEqualTo(10);
    }

    @Test
    void waitWithTimeoutReturnsWithoutCompletions() {
        ring = IoUring.open(8);
        long start = System.nanoTime();
        assertThat(ring.submitAndWait(1, TimeUnit.MILLISECONDS.toNanos(30))).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(25));
        assertThat(ring.ready()).isZero();
    }

    @Test
    void timeoutOpCompletesWithEtime() {
        ring = IoUring.open(8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = __kernel_timespec.allocate(arena);
            __kernel_timespec.tv_nsec(ts, TimeUnit.MILLISECONDS.toNanos(5));
            ring.sq().timeout(ts.address(), 0, 0, 7);
            Recorder recorder = new Recorder();
            ring.submitAndWait(1);
            ring.drain(recorder);
            assertThat(recorder.completions).hasSize(1);
            assertThat(recorder.completions.getFirst()[0]).isEqualTo(-ETIME());
            assertThat(recorder.completions.getFirst()[2]).isEqualTo(7);
        }
    }

    @Test
    void setupUsesTheModernFlagsThisKernelAccepts() {
        ring = IoUring.open(8);
        int flags = ring.setupFlags();
        assertThat(flags & IORING_SETUP_SUBMIT_ALL()).isNotZero();
        assertThat(flags & IORING_SETUP_CQSIZE()).isNotZero();
        boolean deferred = (flags & IORING_SETUP_DEFER_TASKRUN()) != 0;
        boolean coop = (flags & IORING_SETUP_COOP_TASKRUN()) != 0;
        assertThat(deferred || coop).as("DEFER_TASKRUN, or COOP_TASKRUN where it is refused").isTrue();
        if (deferred) {
            assertThat(flags & IORING_SETUP_SINGLE_ISSUER()).isNotZero();
        }
        if (kernelAtLeast(6, 6)) {
            assertThat(flags & IORING_SETUP_NO_SQARRAY()).isNotZero();
            assertThat(ring.usesRegisteredRingFd()).isTrue();
        }
        assertThat(ring.sqCapacity()).isEqualTo(8);
        assertThat(ring.cqCapacity()).isEqualTo(16);
    }

    @Test
    void useAfterCloseIsRejected() {
        ring = IoUring.open(8);
        SubmissionQueue sq = ring.sq();
        ring.close();
        assertThat(ring.isClosed()).isTrue();
        assertThatThrownBy(() -> sq.nop(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> ring.submitAndWait(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> ring.drain((r, f, u) -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        ring.close(); // idempotent
    }

    @Test
    void anotherThreadCannotUseTheRing() throws Exception {
        ring = IoUring.open(8);
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                ring.sq().nop(1);
                ring.submitAndWait(0);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, runnable -> Thread.ofPlatform().start(runnable));
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(WrongThreadException.class);
        assertThatThrownBy(() -> CompletableFuture.runAsync(ring::close, r -> Thread.ofPlatform().start(r)).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> IoUring.open(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IoUring.open(16, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    static boolean kernelAtLeast(int major, int minor) {
        String[] parts = System.getProperty("os.version").split("[.-]");
        int ma = Integer.parseInt(parts[0]);
        int mi = Integer.parseInt(parts[1]);
        return ma > major || (ma == major && mi >= minor);
    }
}
