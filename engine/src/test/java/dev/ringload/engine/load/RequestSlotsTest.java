package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's slots: pipelining rounded up to a power of two, request n in slot n mod that; a run of requests
 * wraps around the end as single ones do, and slots keep only what the run uses.
 */
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

    @Test
    void aRunOfTargetsWrapsLikeSingleStores() {
        int[] targets = {90, 91, 92, 93, 94, 95, 96, 97, 98, 99};
        for (int pipelining = 1; pipelining <= 9; pipelining++) {
            for (long first = 0; first < 20; first++) {
                for (int from = 0; from + pipelining <= targets.length; from++) {
                    RequestSlots run = new RequestSlots(pipelining);
                    RequestSlots single = new RequestSlots(pipelining);
                    run.targets(first, targets, from, pipelining);
                    for (int k = 0; k < pipelining; k++) {
                        single.target(first + k, targets[from + k]);
                    }
                    for (int k = 0; k < pipelining; k++) {
                        assertThat(run.target(first + k)).as("p %d first %d from %d k %d", pipelining, first, from, k)
                                .isEqualTo(targets[from + k]).isEqualTo(single.target(first + k));
                    }
                }
            }
        }
    }

    @Test
    void keepsOnlyWhatTheRunUses() {
        RequestSlots closedLoop = new RequestSlots(4, false, false);
        closedLoop.sent(0, 4, 123);
        assertThat(closedLoop.sentNs(3)).isEqualTo(123);
        RequestSlots openMix = new RequestSlots(4, true, true);
        openMix.intend(5, 77);
        openMix.target(5, 3);
        assertThat(openMix.intendedNs(5)).isEqualTo(77);
        assertThat(openMix.target(5)).isEqualTo(3);
    }
}
