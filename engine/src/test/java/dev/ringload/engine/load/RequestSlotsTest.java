package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection's slots: pipelining rounded up to a power of two, request n in slot n mod that. */
class RequestSlotsTest {

    @Test
    void consecutiveRequestsUpToThePipelineNeverShareASlotAndTheRingIsThePowerOfTwoAbove() {
        for (int pipelining = 1; pipelining <= 17; pipelining++) {
            int size = 1;
            while (size < pipelining) {
                size *= 2;
            }
            RequestSlots slots = new RequestSlots(pipelining);
            long first = 1_000_003L * pipelining; // anywhere in a connection's life
            for (int i = 0; i < size; i++) {
                slots.target(first + i, i);
                slots.intend(first + i, 100 + i);
            }
            slots.sent(first, size, 500);
            for (int i = 0; i < size; i++) {
                assertThat(slots.target(first + i)).as("pipelining %d, request %d", pipelining, i).isEqualTo(i);
                assertThat(slots.intendedNs(first + i)).isEqualTo(100 + i);
                assertThat(slots.sentNs(first + i)).isEqualTo(500);
            }
            slots.target(first + size, 99);
            assertThat(slots.target(first)).as("pipelining %d: request %d reuses the first slot", pipelining, size)
                    .isEqualTo(99);
        }
    }

    @Test
    void aSendStampsItsRequestsAcrossTheEndOfTheRing() {
        RequestSlots slots = new RequestSlots(4);
        slots.sent(0, 4, 10);
        slots.sent(6, 3, 20); // slots 2, 3, 0
        assertThat(slots.sentNs(5)).isEqualTo(10);
        assertThat(slots.sentNs(6)).isEqualTo(20);
        assertThat(slots.sentNs(7)).isEqualTo(20);
        assertThat(slots.sentNs(8)).isEqualTo(20);
    }
}
