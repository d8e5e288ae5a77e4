package dev.ringload.engine.search;

import dev.ringload.engine.search.JudgedStep.Phase;
import dev.ringload.engine.search.RateSearchResult.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the highest request rate a server sustains within its SLOs. From {@code startRate} it doubles while steps
 * are good; if the first step is already bad it halves instead, down to {@value #FLOOR_RATE} req/s. Once it has a
 * good rate below a bad one it bisects until the two are within {@value #TOLERANCE} of the good one. Each step costs
 * real seconds of load, so at most {@code maxSteps} are measured, whatever the server does.
 *
 * @param slos      what a good step must meet: latency and error SLOs (the search sets the rate itself)
 * @param startRate the first step's rate, requests per second
 * @param maxSteps  most steps measured before the search gives its best so far
 */
public record RateSearch(List<Slo> slos, double startRate, int maxSteps) {

    /** Lowest rate tried, requests per second. */
    public static final double FLOOR_RATE = 1.0;

    /** Bisection stops once the bad rate is within this share above the good one. */
    public static final double TOLERANCE = 0.02;

    /** Enough for doubling from 1 req/s past 10^9 and a full bisection after it. */
    public static final int DEFAULT_MAX_STEPS = 40;

    public RateSearch {
        slos = List.copyOf(slos);
        for (Slo slo : slos) {
            if (slo.kind() == Slo.Kind.THROUGHPUT) {
                throw new IllegalArgumentException("'" + slo + "' cannot be a search SLO: the search sets the rate "
                        + "itself; use latency (p99<10ms, max<1s, mean<3ms) or errors (errors<0.1%)");
            }
        }
        if (!(startRate >= FLOOR_RATE) || Double.isInfinite(startRate)) {
            throw new IllegalArgumentException("the start rate must be at least " + FLOOR_RATE + " req/s, got "
                    + startRate);
        }
        if (maxSteps < 1) throw new IllegalArgumentException("the search needs at least one step, got " + maxSteps);
    }

    public RateSearch(List<Slo> slos, double startRate) {
        this(slos, startRate, DEFAULT_MAX_STEPS);
    }

    /**
     * Runs the search, one {@link StepRunner#measure} call per step. If the runner is interrupted (its step says so,
     * or it throws), the search stops at once and returns what it has, marked partial; a thrown interrupt is kept
     * on the thread for the caller to see.
     */
    public RateSearchResult search(StepRunner runner) {
        List<JudgedStep> steps = new ArrayList<>();
        double good = Double.NaN;
        double bad = Double.NaN;
        double rate = startRate;
        Phase phase = Phase.START;
        while (steps.size() < maxSteps) {
            RateStep step;
            try {
                step = runner.measure(rate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RateSearchResult(steps, Outcome.INTERRUPTED);
            }
            JudgedStep judged = JudgedStep.judge(step, phase, slos);
            steps.add(judged);
            if (step.interrupted()) return new RateSearchResult(steps, Outcome.INTERRUPTED);
            // the bounds move on the rate asked for, which is the one the next step is derived from
            if (judged.good()) {
                good = rate;
            } else {
                bad = rate;
            }

            if (Double.isNaN(bad)) {
                phase = Phase.DOUBLING;
                rate = rate * 2;
            } else if (Double.isNaN(good)) {
                if (rate <= FLOOR_RATE) return new RateSearchResult(steps, Outcome.NO_RATE_MET);
                phase = Phase.HALVING;
                rate = Math.max(FLOOR_RATE, rate / 2);
            } else {
                if (bad - good <= TOLERANCE * good) return new RateSearchResult(steps, Outcome.CONVERGED);
                phase = Phase.BISECTING;
                rate = (good + bad) / 2;
            }
        }
        return new RateSearchResult(steps, Outcome.STEP_LIMIT);
    }
}
