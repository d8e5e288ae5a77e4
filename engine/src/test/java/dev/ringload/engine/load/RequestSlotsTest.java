package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests land in their own slots, a run of them wrapping around the end of the slots as single ones do. */
class RequestSlotsTest {

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
