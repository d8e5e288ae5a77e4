package dev.ringload.engine.os;


import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AffinityTest {

    @Test
    void pinnedThreadRunsOnItsCpu() throws Exception {
        BitSet allowed = Affinity.allowedCpus();
        assertThat(allowed.cardinality()).isPositive();
        for (int cpu = allowed.nextSetBit(0); cpu >= 0; cpu = allowed.nextSetBit(cpu + 1)) {
            int target = cpu;
            int[] observed = runOnNewThread(() -> {
                Affinity.pinCurrentThread(target);
                int[] seen = new int[50];
                for (int i = 0; i < seen.length; i++) {
                    seen[i] = Affinity.currentCpu();
                    Thread.yield();
                }
                return seen;
            });
            assertThat(observed).as("sched_getcpu after pinning to %d", target).containsOnly(target);
        }
    }

    @Test
    void pinningNarrowsTheAllowedSet() throws Exception {
        BitSet allowed = Affinity.allowedCpus();
        int last = allowed.length() - 1;
        BitSet after = runOnNewThread(() -> {
            Affinity.pinCurrentThread(last);
            return Affinity.allowedCpus();
        });
        BitSet expected = new BitSet();
        expected.set(last);
        assertThat(after).isEqualTo(expected);
    }

    private static <T> T runOnNewThread(java.util.function.Supplier<T> task) throws Exception {
        return CompletableFuture.supplyAsync(task, r -> Thread.ofPlatform().start(r)).get(10, TimeUnit.SECONDS);
    }
}
