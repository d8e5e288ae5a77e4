package dev.ringload.engine.search;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link RateSearch} found: every step in the order measured, and how the search ended. The answer is
 * derived from the steps, so the two cannot disagree.
 *
 * @param steps   every step, in order
 * @param outcome how the search ended
 */
public record RateSearchResult(List<JudgedStep> steps, Outcome outcome) {

    /** How a search ended. */
    public enum Outcome {
        /** The highest good rate and the lowest bad rate above it are within the search's tolerance. */
        CONVERGED,
        /** Even the floor rate missed the SLOs. */
        NO_RATE_MET,
        /** The step budget ran out first; the answer is the best seen so far (a lower bound). */
        STEP_LIMIT,
        /** A step was interrupted; the answer is the best seen before it. */
        INTERRUPTED
    }

    public RateSearchResult {
        steps = List.copyOf(steps);
    }

    /** The good step with the highest target rate, if any. */
    public Optional<JudgedStep> best() {
        return steps.stream().filter(JudgedStep::good).max(Comparator.comparingDouble(JudgedStep::targetRate));
    }

    /** The highest target rate that met every SLO and was achieved. */
    public OptionalDouble maxRate() {
        return best().map(s -> OptionalDouble.of(s.targetRate())).orElseGet(OptionalDouble::empty);
    }

    /** The bad step with the lowest rate above the answer (above nothing when no rate met): what stopped the search. */
    public Optional<JudgedStep> lowestFailure() {
        double above = maxRate().orElse(0);
        return steps.stream().filter(s -> s.bad() && s.targetRate() > above)
                .min(Comparator.comparingDouble(JudgedStep::targetRate));
    }

    /**
     * The answer is ringload's limit rather than the server's: the client was the bound at the best step or at
     * the failing step just above it.
     */
    public boolean clientBound() {
        return best().map(s -> s.step().clientBound()).orElse(false)
                || lowestFailure().map(s -> s.step().clientBound()).orElse(false);
    }

    /** The search was stopped before it could finish. */
    public boolean partial() {
        return outcome == Outcome.INTERRUPTED;
    }
}
