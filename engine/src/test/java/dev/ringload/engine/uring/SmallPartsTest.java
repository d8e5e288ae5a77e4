package dev.ringload.engine.uring;

import dev.ringload.engine.os.Errno;
import dev.ringload.engine.os.ErrnoException;

import org.junit.jupiter.api.Test;

import static dev.ringload.bindings.uring.ringload_h.*;
import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void userDataRoundTrips() {
        long ud = UserData.encode(123_456, 7, 0xabcdef);
        assertThat(UserData.connection(ud)).isEqualTo(123_456);
        assertThat(UserData.op(ud)).isEqualTo(7);
        assertThat(UserData.aux(ud)).isEqualTo(0xabcdef);
        long max = UserData.encode(-1, 255, 0xffffff);
        assertThat(UserData.connection(max)).isEqualTo(-1);
        assertThat(UserData.op(max)).isEqualTo(255);
        assertThat(UserData.aux(max)).isEqualTo(0xffffff);
        assertThat(UserData.aux(UserData.encode(1, 2, 0x1_000_001))).as("aux is 24 bits").isEqualTo(1);
    }

    @Test
    void multishotRecvRearmRules() {
        int more = IORING_CQE_F_MORE();
        assertThat(MultishotRecv.needsRearm(100, more)).isFalse();
        assertThat(MultishotRecv.needsRearm(100, 0)).isTrue();
        assertThat(MultishotRecv.needsRearm(-ENOBUFS(), 0)).isTrue();
        assertThat(MultishotRecv.needsRearm(0, 0)).as("EOF").isFalse();
        assertThat(MultishotRecv.needsRearm(-ECONNRESET(), 0)).isFalse();
    }

    @Test
    void bufferIdComesFromTheUpperSixteenBits() {
        int flags = (513 << IORING_CQE_BUFFER_SHIFT()) | IORING_CQE_F_BUFFER() | IORING_CQE_F_MORE();
        assertThat(ProvidedBufferRing.hasBuffer(flags)).isTrue();
        assertThat(ProvidedBufferRing.bufferId(flags)).isEqualTo(513);
        assertThat(ProvidedBufferRing.hasBuffer(IORING_CQE_F_MORE())).isFalse();
    }

    @Test
    void errnoNamesAndMeanings() {
        assertThat(Errno.name(-ECONNREFUSED())).isEqualTo("ECONNREFUSED");
        assertThat(Errno.describe(EPERM())).isEqualTo("EPERM (operation not permitted)");
        assertThat(Errno.name(4095)).isEqualTo("errno 4095");
        assertThat(new ErrnoException("connect", ECONNRESET()).getMessage())
                .isEqualTo("connect failed: ECONNRESET (connection reset by peer)");
    }
}
