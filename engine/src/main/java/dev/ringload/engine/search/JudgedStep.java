package dev.ringload.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A step with the search's verdict on it. A step is good when it was not interrupted, met every SLO and achieved at
 * least {@value #MIN_ACHIEVED_SHARE} of its target rate: a server that quietly falls behind the schedule has not
 * sustained the rate, however good the latency of the requests it did answer.
 *
 * @param step           the step as measured
 * @param phase          which part of the search asked for it
 * @param failed         the SLOs it missed, in the order given
 * @param achievedTooLow it achieved less than {@value #MIN_ACHIEVED_SHARE} of its target rate
 */
public record JudgedStep(RateStep step, Phase phase, List<Slo> failed, boolean achievedTooLow) {

    /** Share of the target rate a step must achieve to count as sustained. */
    public static final double MIN_ACHIEVED_SHARE = 0.99;

    /** Why the search measured a step. */
    public enum Phase { START, DOUBLING, HALVING, BISECTING }

    public JudgedStep {
        failed = List.copyOf(failed);
    }

    /** Judges {@code step} against {@code slos}; an interrupted step is recorded but judged on nothing. */
    public static JudgedStep judge(RateStep step, Phase phase, List<Slo> slos) {
        if (step.interrupted()) return new JudgedStep(step, phase, List.of(), false);
        List<Slo> failed = new ArrayList<>();
        for (Slo slo : slos) {
            if (!slo.metBy(step.measured())) failed.add(slo);
        }
        // written as a negation so that a NaN achieved rate counts as too low
        boolean tooLow = !(step.achievedRate() >= MIN_ACHIEVED_SHARE * step.targetRate());
        return new JudgedStep(step, phase, failed, tooLow);
    }

    public boolean good() {
        return !step.interrupted() && failed.isEmpty() && !achievedTooLow;
    }

    /** Judged and not good: a step that says the rate is too high. An interrupted step is neither. */
    public boolean bad() {
        return !step.interrupted() && !good();
    }

    public double targetRate() {
        return step.targetRate();
    }

    /**
     * A short verdict: {@code ok}, {@code interrupted}, or each reason, e.g.
     * {@code p99 12.3ms >= 10ms; achieved 96.1% of target}.
     */
    public String verdict() {
        if (step.interrupted()) return "interrupted";
        if (good()) return "ok";
        List<String> reasons = new ArrayList<>();
        for (Slo slo : failed) {
            reasons.add(slo.explain(step.measured()));
        }
        if (achievedTooLow) {
            // rounded down, so a step just short of 99% never reads "99.0%"
            double tenthsOfPercent = Math.floor(step.achievedShare() * 1000 + 1e-9);
            reasons.add(String.format(Locale.ROOT, "achieved %.1f%% of target", tenthsOfPercent / 10));
        }
        return String.join("; ", reasons);
    }
}
