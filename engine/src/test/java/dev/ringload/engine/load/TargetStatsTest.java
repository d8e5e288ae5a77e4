package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetStatsTest {

    private static final long HIGHEST = 20_000_000_000L;

    @Test
    void countsEachRequestsResponsesStatusesErrorsAndLatencyAcrossWorkers() {
        TargetStats a = new TargetStats(3, HIGHEST);
        TargetStats b = new TargetStats(3, HIGHEST);
        for (int i = 0; i < 100; i++) {
            a.record(1, 1_000_000, 200);
            b.record(1, 3_000_000, i < 10 ? 503 : 204);
        }
        a.record(2, 5_000, 99_999); // no class: "other"
        b.error(0);
        b.error(2);
        List<TargetResult> r = TargetStats.merge(List.of(a, b), 3, HIGHEST);
        assertThat(r.get(0).responses()).isZero();
        assertThat(r.get(0).errors()).isEqualTo(1);
        assertThat(r.get(1).responses()).isEqualTo(200);
        assertThat(r.get(1).statusClasses()).containsExactly(0, 0, 190, 0, 0, 10);
        assertThat(r.get(1).latency().count()).isEqualTo(200);
        assertThat(r.get(1).latency().valueAtPercentileNs(25)).isBetween(970_000.0, 1_040_000.0);
        assertThat(r.get(1).latency().valueAtPercentileNs(75)).isBetween(2_910_000.0, 3_100_000.0);
        assertThat(r.get(2).statusClasses()).containsExactly(1, 0, 0, 0, 0, 0);
        assertThat(r.get(2).errors()).isEqualTo(1);
    }

    /**
     * Responses recorded in bulk from a connection's slots: each one's request and latency come from its slot, from
     * when it was sent (closed loop) or meant to go (open loop), and only statuses outside 2xx are counted apart.
     */
    @Test
    void responsesRecordedFromTheSlotsCountForTheirOwnRequestsWithTheirOwnLatency() {
        RequestSlots slots = new RequestSlots(8);
        int[] targets = {2, 0, 1, 2, 2, 0};
        for (int n = 0; n < targets.length; n++) {
            slots.target(n + 5L, targets[n]); // requests 5..10: slots wrap at 8
            slots.intend(n + 5L, 1_000_000L * n);
        }
        slots.sent(5, 3, 10_000_000); // 5, 6, 7 sent together
        slots.sent(8, 3, 20_000_000);
        TargetStats closed = new TargetStats(3, HIGHEST);
        closed.recordResponses(slots, 5, 6, 50_000_000, false);
        closed.status(2, 503);
        closed.status(2, 204);
        List<TargetResult> r = TargetStats.merge(List.of(closed), 3, HIGHEST);
        assertThat(r).extracting(TargetResult::responses).containsExactly(2L, 1L, 3L);
        assertThat(r.get(0).latency().valueAtPercentileNs(0)).isBetween(29_000_000.0, 31_800_000.0); // 6 and 10
        assertThat(r.get(0).latency().valueAtPercentileNs(100)).isBetween(39_000_000.0, 42_400_000.0);
        assertThat(r.get(1).latency().valueAtPercentileNs(50)).isBetween(39_000_000.0, 42_400_000.0);
        assertThat(r.get(2).latency().valueAtPercentileNs(0)).isBetween(29_000_000.0, 31_800_000.0); // 8, 9
        assertThat(r.get(2).latency().valueAtPercentileNs(100)).isBetween(39_000_000.0, 42_400_000.0); // 5
        assertThat(r.get(2).statusClasses()).containsExactly(0, 0, 2, 0, 0, 1);

        TargetStats open = new TargetStats(3, HIGHEST);
        open.recordResponses(slots, 6, 2, 50_000_000, true); // intended at 1 ms and 2 ms
        List<TargetResult> o = TargetStats.merge(List.of(open), 3, HIGHEST);
        assertThat(o).extracting(TargetResult::responses).containsExactly(1L, 1L, 0L);
        assertThat(o.get(0).latency().valueAtPercentileNs(50)).isBetween(49_000_000.0 * 0.99, 49_000_000.0 * 1.06);
        assertThat(o.get(1).latency().valueAtPercentileNs(50)).isBetween(48_000_000.0 * 0.99, 48_000_000.0 * 1.06);
    }

    @Test
    void statusesAtEachClassBoundaryLandInTheirClass() {
        TargetStats w = new TargetStats(1, HIGHEST);
        for (int status : new int[] {99, 100, 199, 200, 299, 300, 399, 400, 499, 500, 599, 600}) {
            w.record(0, 1_000, status);
        }
        // [0] other (99, 600), [1] 1xx ... [5] 5xx: two each.
        assertThat(TargetStats.merge(List.of(w), 1, HIGHEST).getFirst().statusClasses()).containsExactly(2, 2, 2, 2, 2, 2);
    }

    @Test
    void aMixTooLargeForLatencyPerRequestStillCountsEachOne() {
        int targets = (int) (TargetStats.LATENCY_BYTES / LatencyBuckets.bytes(1, HIGHEST)) + 1;
        TargetStats w = new TargetStats(targets, HIGHEST);
        for (int t = 0; t < targets; t++) {
            w.record(t, 1_000, t % 2 == 0 ? 200 : 404);
        }
        w.record(targets - 1, 1_000, 200);
        RequestSlots slots = new RequestSlots(2);
        slots.target(0, 1);
        slots.target(1, 1);
        w.recordResponses(slots, 0, 2, 5_000, false); // without latency too
        List<TargetResult> r = TargetStats.merge(List.of(w), targets, HIGHEST);
        assertThat(r).allSatisfy(t -> assertThat(t.latency()).isNull());
        assertThat(r.get(0).statusClasses()).containsExactly(0, 0, 1, 0, 0, 0);
        assertThat(r.get(targets - 1).responses()).isEqualTo(2);
        assertThat(r.get(1).responses()).isEqualTo(3);
        assertThat(r.get(1).statusClasses()).as("the two more are 2xx").containsExactly(0, 0, 2, 0, 1, 0);
        assertThat(r.stream().mapToLong(TargetResult::responses).sum()).isEqualTo(targets + 3);
    }
}
