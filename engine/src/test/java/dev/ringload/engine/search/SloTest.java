package dev.ringload.engine.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SloTest {

    /** Figures stated directly; percentiles from a function so p50 and p99 can differ. */
    record Figures(DoubleUnaryOperator percentileNs, double maxNs, double meanNs, double errorShare,
                   double responsesPerSecond) implements Measured {

        static Figures latency(double ns) {
            return new Figures(p -> ns, ns, ns, 0, 1000);
        }

        static Figures errors(double share) {
            return new Figures(p -> 1e6, 1e6, 1e6, share, 1000);
        }

        static Figures rate(double perSecond) {
            return new Figures(p -> 1e6, 1e6, 1e6, 0, perSecond);
        }

        @Override
        public double valueAtPercentileNs(double percentile) {
            return percentileNs.applyAsDouble(percentile);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            p99<10ms          | p99<10ms       | LATENCY    | 10000000
            ' p50 <= 2ms '    | p50<=2ms       | LATENCY    | 2000000
            p99.9<50ms        | p99.9<50ms     | LATENCY    | 50000000
            p99.99 < 1.5 ms   | p99.99<1.5ms   | LATENCY    | 1500000
            p90<500us         | p90<500us      | LATENCY    | 500000
            p90<500\u00b5s    | p90<500us      | LATENCY    | 500000
            p75>250ns         | p75>250ns      | LATENCY    | 250
            p100>=3s          | p100>=3s       | LATENCY    | 3000000000
            P99.90<10.0ms     | p99.9<10ms     | LATENCY    | 10000000
            max<1s            | max<1s         | LATENCY    | 1000000000
            MAX<2m            | max<2m         | LATENCY    | 120000000000
            mean<3ms          | mean<3ms       | LATENCY    | 3000000
            mean<1e3us        | mean<1000us    | LATENCY    | 1000000
            errors<0.1%       | errors<0.1%    | ERRORS     | 0.001
            errors <= 0 %     | errors<=0%     | ERRORS     | 0
            errors>=100%      | errors>=100%   | ERRORS     | 1
            rps>100000        | rps>100000     | THROUGHPUT | 100000
            rps>=5e4          | rps>=50000     | THROUGHPUT | 50000
            rps>100k          | rps>100k       | THROUGHPUT | 100000
            rps > 1.5M        | rps>1.5M       | THROUGHPUT | 1500000
            rps<=.5           | rps<=0.5       | THROUGHPUT | 0.5
            """)
    void parsesAndNormalises(String text, String normalised, Slo.Kind kind, double limit) {
        Slo slo = Slo.parse(text);
        assertThat(slo.toString()).isEqualTo(normalised);
        assertThat(slo.kind()).isEqualTo(kind);
        assertThat(slo.isLatency()).isEqualTo(kind == Slo.Kind.LATENCY);
        assertThat(slo.limit()).isEqualTo(limit);
        assertThat(Slo.parse(slo.toString())).isEqualTo(slo);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            p99<10         | a latency needs a unit (ns, us, ms, s, m), e.g. p99<10ms
            max<=3         | a latency needs a unit (ns, us, ms, s, m), e.g. max<10ms
            p99<10h        | unknown unit 'h'; a latency takes ns, us, ms, s or m (minutes)
            p99<10MS       | unknown unit 'MS'
            p99<10%        | unknown unit '%'
            p99<-1ms       | '-1ms' is not a latency
            p99<1.2.3ms    | '1.2.3ms' is not a latency
            latency<10ms   | unknown metric 'latency'; use pNN (e.g. p50, p99, p99.9), max, mean, errors or rps
            p99x<10ms      | unknown metric 'p99x'
            p<10ms         | unknown metric 'p'
            p0<1ms         | a percentile must be above 0 and at most 100
            p0.0<1ms       | a percentile must be above 0 and at most 100
            p101<1ms       | a percentile must be above 0 and at most 100
            p100.01<1ms    | a percentile must be above 0 and at most 100
            errors<1       | errors are a share of requests and need a %, e.g. errors<0.1%
            errors<0.1     | need a %
            errors<101%    | errors can be at most 100%
            rps>10ms       | rps is a plain number of responses per second (k and M allowed), e.g. rps>100k
            rps>10%        | rps is a plain number
            rps>1m         | rps is a plain number
            garbage        | no comparison (<, <=, >, >=); expected METRIC OP VALUE
            p99=10ms       | no comparison
            p99<           | the value is missing after '<'
            p99 >=         | the value is missing after '>='
            <10ms          | the metric is missing before '<'
            p99<<10ms      | '<10ms' is not a latency
            p99<0ms        | nothing is below 0, so it can never be met
            errors<0%      | can never be met
            max<1e999s     | the value is too large
            """)
    void rejectsWithAOneLineMessageQuotingTheInput(String text, String why) {
        assertThatThrownBy(() -> Slo.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad SLO '" + text + "': ")
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyInputIsRejected() {
        for (String empty : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> Slo.parse(empty))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad SLO '': it is empty; expected METRIC OP VALUE, e.g. p99<10ms, errors<0.1%, "
                            + "rps>=100k");
        }
    }

    @Test
    void eachOperatorAtItsBoundary() {
        double limit = 10_000_000;
        Figures below = Figures.latency(limit - 1);
        Figures at = Figures.latency(limit);
        Figures above = Figures.latency(limit + 1);
        Slo lt = Slo.parse("p99<10ms");
        Slo le = Slo.parse("p99<=10ms");
        Slo gt = Slo.parse("p99>10ms");
        Slo ge = Slo.parse("p99>=10ms");
        assertThat(new boolean[] {lt.metBy(below), lt.metBy(at), lt.metBy(above)}).containsExactly(true, false, false);
        assertThat(new boolean[] {le.metBy(below), le.metBy(at), le.metBy(above)}).containsExactly(true, true, false);
        assertThat(new boolean[] {gt.metBy(below), gt.metBy(at), gt.metBy(above)}).containsExactly(false, false, true);
        assertThat(new boolean[] {ge.metBy(below), ge.metBy(at), ge.metBy(above)}).containsExactly(false, true, true);
    }

    @Test
    void errorAndRateLimitsAreExactAtTheirBoundary() {
        // one failure in a thousand is exactly 0.1%: a limit stored as 0.1 / 100 in doubles must not drift from it
        assertThat(Slo.parse("errors<=0.1%").metBy(Figures.errors(1.0 / 1000))).isTrue();
        assertThat(Slo.parse("errors<0.1%").metBy(Figures.errors(1.0 / 1000))).isFalse();
        assertThat(Slo.parse("errors<=0.7%").metBy(Figures.errors(7.0 / 1000))).isTrue();
        assertThat(Slo.parse("errors<=0%").metBy(Figures.errors(0))).isTrue();
        assertThat(Slo.parse("errors<=0%").metBy(Figures.errors(1e-9))).isFalse();
        assertThat(Slo.parse("rps>=100k").metBy(Figures.rate(100_000))).isTrue();
        assertThat(Slo.parse("rps>100k").metBy(Figures.rate(100_000))).isFalse();
        assertThat(Slo.parse("rps>=1.5M").metBy(Figures.rate(1_499_999))).isFalse();
    }

    @Test
    void eachMetricReadsItsOwnFigure() {
        Figures m = new Figures(p -> p * 1000, 7e6, 3e6, 0.25, 4321);
        assertThat(Slo.parse("p50<1s").measuredValue(m)).isEqualTo(50_000);
        assertThat(Slo.parse("p99.9<1s").measuredValue(m)).isEqualTo(99_900);
        assertThat(Slo.parse("max<1s").measuredValue(m)).isEqualTo(7e6);
        assertThat(Slo.parse("mean<1s").measuredValue(m)).isEqualTo(3e6);
        assertThat(Slo.parse("errors<1%").measuredValue(m)).isEqualTo(0.25);
        assertThat(Slo.parse("rps>1").measuredValue(m)).isEqualTo(4321);
        assertThat(Slo.parse("p50<60us").metBy(m)).isTrue();
        assertThat(Slo.parse("p99<60us").metBy(m)).isFalse();
    }

    @Test
    void nothingMeasuredMeetsNothing() {
        Figures empty = new Figures(p -> Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        for (String text : new String[] {"p99<1s", "max<=1s", "mean>0ns", "errors<=100%", "rps>=0"}) {
            assertThat(Slo.parse(text).metBy(empty)).as(text).isFalse();
        }
        assertThat(Slo.parse("p99<1s").formatMeasured(empty)).isEqualTo("n/a");
    }

    @Test
    void formatsTheMeasuredFigureInTheMetricsUnit() {
        assertThat(Slo.parse("p99<10ms").formatMeasured(Figures.latency(8_310_000))).isEqualTo("8.31ms");
        assertThat(Slo.parse("p99<10ms").formatMeasured(Figures.latency(12_345_678))).isEqualTo("12.3ms");
        assertThat(Slo.parse("p99<10ms").formatMeasured(Figures.latency(480))).isEqualTo("480ns");
        assertThat(Slo.parse("p99<10ms").formatMeasured(Figures.latency(12_300))).isEqualTo("12.3us");
        assertThat(Slo.parse("p99<10ms").formatMeasured(Figures.latency(999_700))).isEqualTo("1ms");
        assertThat(Slo.parse("max<1m").formatMeasured(Figures.latency(2.5e9))).isEqualTo("2.5s");
        assertThat(Slo.parse("errors<1%").formatMeasured(Figures.errors(0.0002))).isEqualTo("0.02%");
        assertThat(Slo.parse("errors<1%").formatMeasured(Figures.errors(0))).isEqualTo("0%");
        assertThat(Slo.parse("rps>1k").formatMeasured(Figures.rate(123_456.4))).isEqualTo("123456 req/s");
        assertThat(Slo.parse("rps>1").formatMeasured(Figures.rate(1.5))).isEqualTo("1.5 req/s");
    }

    @Test
    void explainsTheComparisonThatHolds() {
        Slo p99 = Slo.parse("p99 < 10 ms");
        assertThat(p99.explain(Figures.latency(12_300_000))).isEqualTo("p99 12.3ms >= 10ms");
        assertThat(p99.explain(Figures.latency(8_310_000))).isEqualTo("p99 8.31ms < 10ms");
        assertThat(Slo.parse("p99<=10ms").explain(Figures.latency(12_300_000))).isEqualTo("p99 12.3ms > 10ms");
        assertThat(Slo.parse("errors<=0.1%").explain(Figures.errors(0.005))).isEqualTo("errors 0.5% > 0.1%");
        assertThat(Slo.parse("rps>=100k").explain(Figures.rate(80_000))).isEqualTo("rps 80000 req/s < 100k");
        assertThat(Slo.parse("rps>100k").explain(Figures.rate(100_000))).isEqualTo("rps 100000 req/s <= 100k");
    }

    @Test
    void equalLimitsInOtherUnitsAreEqual() {
        assertThat(Slo.parse("p99<10ms")).isEqualTo(Slo.parse("p99 < 10000us"))
                .hasSameHashCodeAs(Slo.parse("p99<10000us"));
        assertThat(Slo.parse("p99<10ms")).isNotEqualTo(Slo.parse("p99<=10ms")).isNotEqualTo(Slo.parse("p90<10ms"))
                .isNotEqualTo(Slo.parse("max<10ms"));
    }
}
