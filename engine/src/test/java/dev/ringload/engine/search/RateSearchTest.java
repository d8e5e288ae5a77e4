package dev.ringload.engine.search;

import dev.ringload.engine.search.JudgedStep.Phase;
import dev.ringload.engine.search.RateSearchResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateSearchTest {

    private static final List<Slo> P99_UNDER_10MS = List.of(Slo.parse("p99<10ms"));

    /**
     * A server with a hard capacity: below it every response takes 1 ms and every request is answered; above it
     * latency jumps to 1 s and it answers {@code capacity} per second. Records every rate it was asked for.
     */
    private static final class Server implements StepRunner {
        final double capacity;
        final List<Double> asked = new ArrayList<>();
        double errorShare;
        boolean clientBoundAbove;
        boolean clientBoundBelow;
        double latencyAboveNs = 1e9;

        Server(double capacity) {
            this.capacity = capacity;
        }

        @Override
        public RateStep measure(double targetRate) {
            asked.add(targetRate);
            boolean over = targetRate > capacity;
            double achieved = Math.min(targetRate, capacity);
            double latencyNs = over ? latencyAboveNs : 1e6;
            SloTest.Figures figures = new SloTest.Figures(p -> latencyNs, latencyNs, latencyNs, errorShare, achieved);
            return new RateStep(targetRate, achieved, figures, Math.round(achieved * 10), 0, over ? 90 : 40,
                    over ? clientBoundAbove : clientBoundBelow, false);
        }
    }

    @ParameterizedTest(name = "capacity {0}, start {1}")
    @CsvSource({
            "1000, 10", "1000, 1000", "1000, 1001", "1000, 5000000",
            "3333, 1", "50000, 100", "123457, 1000", "123457, 900000", "1000000, 1000", "7, 1000", "1, 1"})
    void findsTheCapacityWithinTwoPercent(double capacity, double start) {
        Server server = new Server(capacity);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, start).search(server);

        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(r.partial()).isFalse();
        assertThat(r.maxRate()).isPresent();
        double found = r.maxRate().getAsDouble();
        assertThat(found).isLessThanOrEqualTo(capacity).isGreaterThanOrEqualTo(capacity / (1 + RateSearch.TOLERANCE));
        assertThat(r.best()).get().extracting(JudgedStep::verdict).isEqualTo("ok");
        // the steps are exactly the ones measured, each judged by the model's rule
        assertThat(r.steps()).extracting(JudgedStep::targetRate).containsExactlyElementsOf(server.asked);
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.good()).isEqualTo(s.targetRate() <= capacity));
        assertThat(r.steps()).hasSizeLessThanOrEqualTo(RateSearch.DEFAULT_MAX_STEPS);
        assertThat(server.asked).allSatisfy(rate -> assertThat(rate).isGreaterThanOrEqualTo(RateSearch.FLOOR_RATE));
        if (capacity > RateSearch.FLOOR_RATE) {
            // a bad step proves the answer is not far below what the server can do
            assertThat(r.lowestFailure()).get().extracting(JudgedStep::targetRate)
                    .satisfies(bad -> assertThat(bad - found).isLessThanOrEqualTo(RateSearch.TOLERANCE * found));
        }
        assertThat(r.clientBound()).isFalse();
    }

    @Test
    void doublesThenBisectsFromBelow() {
        Server server = new Server(1000);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 100).search(server);
        assertThat(server.asked).startsWith(100.0, 200.0, 400.0, 800.0, 1600.0, 1200.0, 1000.0, 1100.0);
        assertThat(r.steps()).extracting(JudgedStep::phase).startsWith(Phase.START, Phase.DOUBLING, Phase.DOUBLING,
                Phase.DOUBLING, Phase.DOUBLING, Phase.BISECTING);
        assertThat(r.steps()).extracting(JudgedStep::phase).doesNotContain(Phase.HALVING);
        assertThat(r.maxRate()).hasValue(1000.0);
    }

    @Test
    void halvesWhenTheStartIsAlreadyTooHigh() {
        Server server = new Server(1000);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 10_000).search(server);
        assertThat(server.asked).startsWith(10_000.0, 5000.0, 2500.0, 1250.0, 625.0, 937.5);
        assertThat(r.steps()).extracting(JudgedStep::phase).startsWith(Phase.START, Phase.HALVING, Phase.HALVING,
                Phase.HALVING, Phase.HALVING, Phase.BISECTING);
        assertThat(r.steps()).extracting(JudgedStep::phase).doesNotContain(Phase.DOUBLING);
    }

    @Test
    void verdictsNameWhatFailed() {
        Server server = new Server(1000);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 800).search(server);
        assertThat(r.steps().get(0).verdict()).isEqualTo("ok");
        // 1600 asked, 1000 answered after 1 s each
        assertThat(r.steps().get(1).verdict()).isEqualTo("p99 1s >= 10ms; achieved 62.5% of target");
        assertThat(r.steps().get(1).failed()).containsExactlyElementsOf(P99_UNDER_10MS);
        assertThat(r.steps().get(1).achievedTooLow()).isTrue();
    }

    @Test
    void aStepJustShortOfTheTargetIsBadAndSaysSoWithoutRoundingUp() {
        SloTest.Figures fast = SloTest.Figures.latency(1e6);
        JudgedStep justShort = JudgedStep.judge(new RateStep(1000, 989.99, fast, 9899, 0, 10, false, false),
                Phase.START, P99_UNDER_10MS);
        JudgedStep justEnough = JudgedStep.judge(new RateStep(1000, 990, fast, 9900, 0, 10, false, false),
                Phase.START, P99_UNDER_10MS);
        JudgedStep nothing = JudgedStep.judge(new RateStep(1000, Double.NaN, fast, 0, 0, 10, false, false),
                Phase.START, P99_UNDER_10MS);
        assertThat(justShort.good()).isFalse();
        assertThat(justShort.verdict()).isEqualTo("achieved 98.9% of target");
        assertThat(justEnough.good()).isTrue();
        assertThat(nothing.good()).isFalse();
    }

    @Test
    void errorSlosJudgeToo() {
        Server server = new Server(1_000_000);
        server.errorShare = 0.002;
        RateSearchResult ok = new RateSearch(List.of(Slo.parse("errors<=0.5%")), 500_000).search(server);
        assertThat(ok.maxRate().getAsDouble()).isBetween(1_000_000 / 1.02, 1_000_000.0);
        RateSearchResult none = new RateSearch(List.of(Slo.parse("errors<0.1%")), 500_000).search(server);
        assertThat(none.outcome()).isEqualTo(Outcome.NO_RATE_MET);
        assertThat(none.steps().getFirst().verdict()).isEqualTo("errors 0.2% >= 0.1%");
    }

    @Test
    void reportsNoRateMetWhenEvenTheFloorFails() {
        Server server = new Server(1_000_000);
        server.errorShare = 0.5;
        RateSearchResult r = new RateSearch(List.of(Slo.parse("errors<1%")), 100).search(server);
        assertThat(r.outcome()).isEqualTo(Outcome.NO_RATE_MET);
        assertThat(r.maxRate()).isEmpty();
        assertThat(r.best()).isEmpty();
        assertThat(server.asked).containsExactly(100.0, 50.0, 25.0, 12.5, 6.25, 3.125, 1.5625, 1.0);
        assertThat(r.lowestFailure()).get().extracting(JudgedStep::targetRate).isEqualTo(1.0);
        assertThat(r.partial()).isFalse();
    }

    @Test
    void aStartAtTheFloorThatFailsEndsAfterOneStep() {
        Server server = new Server(0.5);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 1).search(server);
        assertThat(server.asked).containsExactly(1.0);
        assertThat(r.outcome()).isEqualTo(Outcome.NO_RATE_MET);
    }

    @Test
    void stopsAtTheStepCap() {
        Server server = new Server(1e12);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 1, 5).search(server);
        assertThat(server.asked).containsExactly(1.0, 2.0, 4.0, 8.0, 16.0);
        assertThat(r.outcome()).isEqualTo(Outcome.STEP_LIMIT);
        assertThat(r.maxRate()).hasValue(16.0);
        assertThat(r.lowestFailure()).isEmpty();

        Server neverSaturated = new Server(1e12);
        RateSearchResult endless = new RateSearch(P99_UNDER_10MS, 1).search(neverSaturated);
        assertThat(neverSaturated.asked).hasSize(RateSearch.DEFAULT_MAX_STEPS);
        assertThat(endless.outcome()).isEqualTo(Outcome.STEP_LIMIT);
    }

    @Test
    void theCapAlsoEndsABisection() {
        Server server = new Server(1000);
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 100, 7).search(server);
        assertThat(server.asked).hasSize(7);
        assertThat(r.outcome()).isEqualTo(Outcome.STEP_LIMIT);
        assertThat(r.maxRate()).hasValue(1000.0);
    }

    @Test
    void stopsAtOnceWhenAStepIsInterruptedAndIgnoresItsFigures() {
        Server server = new Server(1000);
        List<Double> asked = new ArrayList<>();
        StepRunner runner = rate -> {
            asked.add(rate);
            RateStep s = server.measure(rate);
            // the third step is cut short; its figures look good, but it must not become the answer
            return asked.size() < 3 ? s : new RateStep(rate, rate, SloTest.Figures.latency(1e6), 1, 0, 0, false, true);
        };
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 100).search(runner);
        assertThat(asked).containsExactly(100.0, 200.0, 400.0);
        assertThat(r.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(r.partial()).isTrue();
        assertThat(r.maxRate()).hasValue(200.0);
        assertThat(r.steps().getLast().verdict()).isEqualTo("interrupted");
        assertThat(r.steps().getLast().good()).isFalse();
        assertThat(r.steps().getLast().bad()).isFalse();
    }

    @Test
    void aThrownInterruptEndsThePartialSearchAndStaysOnTheThread() {
        Server server = new Server(1000);
        StepRunner runner = rate -> {
            if (server.asked.size() == 2) throw new InterruptedException();
            return server.measure(rate);
        };
        try {
            RateSearchResult r = new RateSearch(P99_UNDER_10MS, 100).search(runner);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(r.partial()).isTrue();
            assertThat(r.steps()).hasSize(2);
            assertThat(r.maxRate()).hasValue(200.0);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void flagsClientBoundWhenTheFailingStepWasTheClientsLimit() {
        // the latency stays fine above the limit: only the achieved rate fails, because the client could not send
        Server client = new Server(20_000);
        client.latencyAboveNs = 1e6;
        client.clientBoundAbove = true;
        RateSearchResult r = new RateSearch(P99_UNDER_10MS, 1000).search(client);
        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(r.clientBound()).isTrue();
        assertThat(r.lowestFailure()).get().extracting(s -> s.step().clientBound()).isEqualTo(true);
        assertThat(r.lowestFailure().get().verdict()).startsWith("achieved ");

        Server serverBound = new Server(20_000);
        assertThat(new RateSearch(P99_UNDER_10MS, 1000).search(serverBound).clientBound()).isFalse();

        Server busyAtTheAnswer = new Server(20_000);
        busyAtTheAnswer.clientBoundBelow = true;
        assertThat(new RateSearch(P99_UNDER_10MS, 1000).search(busyAtTheAnswer).clientBound()).isTrue();
    }

    @Test
    void onlyLatencyAndErrorSlosCanGuideTheSearch() {
        assertThatThrownBy(() -> new RateSearch(List.of(Slo.parse("p99<10ms"), Slo.parse("rps>=100k")), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'rps>=100k' cannot be a search SLO");
        assertThatThrownBy(() -> new RateSearch(P99_UNDER_10MS, 0.5)).hasMessageContaining("at least 1.0 req/s");
        assertThatThrownBy(() -> new RateSearch(P99_UNDER_10MS, 100, 0)).hasMessageContaining("at least one step");
        assertThat(new RateSearch(List.of(Slo.parse("max<1s"), Slo.parse("errors<1%")), 100).maxSteps())
                .isEqualTo(RateSearch.DEFAULT_MAX_STEPS);
    }
}
