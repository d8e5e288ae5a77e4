package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadConfigTest {

    private static final Target TARGET = Target.parse("http://127.0.0.1:9/");
    private static final byte[] REQUEST = RequestTemplate.encode("GET", TARGET, List.of(), new byte[0]);

    @Test
    void theBuilderHoldsTheDefaults() {
        LoadConfig c = LoadConfig.builder(TARGET, REQUEST).build();
        assertThat(c.connections()).isEqualTo(100);
        assertThat(c.threads()).isEqualTo(1);
        assertThat(c.pipelining()).isEqualTo(1);
        assertThat(c.durationNs()).isEqualTo(TimeUnit.SECONDS.toNanos(10));
        assertThat(c.requests()).isEqualTo(-1);
        assertThat(c.timeoutNs()).isEqualTo(TimeUnit.SECONDS.toNanos(10));
        assertThat(c.connectTimeoutNs()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(c.warmupNs()).isZero();
        assertThat(c.cpus()).isEmpty();
        assertThat(c.highestLatencyNs()).isEqualTo(TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void aRequestLimitWithoutADurationRunsUntilItIsDone() {
        assertThat(LoadConfig.builder(TARGET, REQUEST).requests(50).build().durationNs()).isZero();
        assertThat(LoadConfig.builder(TARGET, REQUEST).requests(50).durationNs(7).build().durationNs()).isEqualTo(7);
    }

    @Test
    void sharesSplitEvenlyAndInvalidCombinationsAreRefused() {
        LoadConfig c = LoadConfig.builder(TARGET, REQUEST).connections(10).threads(3).requests(11).build();
        assertThat(new int[] {c.connectionsOf(0), c.connectionsOf(1), c.connectionsOf(2)}).containsExactly(4, 3, 3);
        assertThat(new long[] {c.requestsOf(0), c.requestsOf(1), c.requestsOf(2)}).containsExactly(4, 4, 3);
        assertThatThrownBy(() -> LoadConfig.builder(TARGET, REQUEST).connections(2).threads(3).build())
                .hasMessage("threads (3) must not exceed connections (2)");
        assertThatThrownBy(() -> LoadConfig.builder(TARGET, REQUEST).pipelining(0).build())
                .hasMessage("pipelining must be 1..65536, got 0");
    }

    @Test
    void shardSharesAddUpToTheTotalAndStartWhereTheEarlierOnesEnd() {
        for (long total : new long[] {0, 1, 7, 10, 1_000_003}) {
            long sum = 0;
            for (int i = 0; i < 4; i++) {
                Shard shard = new Shard(i, 4);
                assertThat(shard.offsetOf(total)).as("shard %d of %d", i, total).isEqualTo(sum);
                sum += shard.shareOf(total);
            }
            assertThat(sum).isEqualTo(total);
        }
        assertThat(new Shard(0, 3).shareOf(10)).isEqualTo(4);
        assertThat(new Shard(2, 3).shareOf(10)).isEqualTo(3);
        assertThatThrownBy(() -> new Shard(3, 3)).hasMessage("the shard index must be 0..2, got 3");
        assertThatThrownBy(() -> new Shard(0, 0)).hasMessage("the shard count must be at least 1, got 0");
    }

    @Test
    void eachShardHasItsOwnSeedsAndTheWholeRunKeepsItsOldOnes() {
        LoadConfig whole = LoadConfig.builder(TARGET, REQUEST).build();
        LoadConfig second = LoadConfig.builder(TARGET, REQUEST).shard(new Shard(1, 2)).build();
        assertThat(whole.seedOf(0)).isEqualTo(0x9E3779B97F4A7C15L);
        assertThat(second.seedOf(0)).isNotEqualTo(whole.seedOf(0)).isNotEqualTo(whole.seedOf(1));
    }

    @Test
    void theRequestBytesCannotBeChangedFromOutside() {
        byte[] request = REQUEST.clone();
        LoadConfig c = LoadConfig.builder(TARGET, request).build();
        request[0] = 'X';
        c.request()[0] = 'Y';
        assertThat(c.request()).isEqualTo(REQUEST);
    }
}
