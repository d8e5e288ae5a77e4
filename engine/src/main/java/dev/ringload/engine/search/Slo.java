package dev.ringload.engine.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level objective such as {@code p99<10ms}, {@code errors<0.1%} or {@code rps>=100k}: one metric, one
 * comparison, one limit. Limits are kept in base units (nanoseconds, a 0..1 share, responses per second) so that
 * judging a step is a single comparison; the text the user wrote is kept, normalised, for messages.
 */
public final class Slo {

    /** What an SLO limits; callers accept some kinds only (find-max sets the rate itself, so not throughput). */
    public enum Kind { LATENCY, ERRORS, THROUGHPUT }

    private enum Op {
        LT("<", ">="), LE("<=", ">"), GT(">", "<="), GE(">=", "<");

        final String symbol;
        final String negation;

        Op(String symbol, String negation) {
            this.symbol = symbol;
            this.negation = negation;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case LT -> value < limit;
                case LE -> value <= limit;
                case GT -> value > limit;
                case GE -> value >= limit;
            };
        }
    }

    private static final String NUMBER = "((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)";
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
    private static final Pattern LATENCY = Pattern.compile(NUMBER + "\\s*([^\\d\\s.].*)?");
    private static final Pattern SHARE = Pattern.compile(NUMBER + "\\s*%");
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\s*([kM])?");
    private static final String MICRO = "\u00b5s";
    private static final String FORM = "METRIC OP VALUE, e.g. p99<10ms, errors<0.1%, rps>=100k";

    private final String metric;
    private final Kind kind;
    private final double percentile;
    private final Op op;
    private final double limit;
    private final String limitText;

    private Slo(String metric, Kind kind, double percentile, Op op, double limit, String limitText) {
        this.metric = metric;
        this.kind = kind;
        this.percentile = percentile;
        this.op = op;
        this.limit = limit;
        this.limitText = limitText;
    }

    /**
     * Parses {@code METRIC OP VALUE}. METRIC is {@code pNN} (percentile in (0,100], e.g. p99.9), {@code max},
     * {@code mean}, {@code errors} or {@code rps}; OP is {@code <}, {@code <=}, {@code >} or {@code >=}. A latency
     * takes a unit (ns, us, &micro;s, ms, s, m), errors a {@code %}, rps a plain number with an optional k or M.
     *
     * @throws IllegalArgumentException with a one-line message that quotes {@code text}
     */
    public static Slo parse(String text) {
        String input = text == null ? "" : text;
        if (input.isBlank()) throw bad(input, "it is empty; expected " + FORM);
        int at = indexOfComparison(input);
        if (at < 0) throw bad(input, "no comparison (<, <=, >, >=); expected " + FORM);
        String name = input.substring(0, at).strip().toLowerCase(Locale.ROOT);
        boolean orEqual = at + 1 < input.length() && input.charAt(at + 1) == '=';
        Op op = input.charAt(at) == '<' ? (orEqual ? Op.LE : Op.LT) : (orEqual ? Op.GE : Op.GT);
        String value = input.substring(at + op.symbol.length()).strip();
        if (name.isEmpty()) throw bad(input, "the metric is missing before '" + op.symbol + "'; expected " + FORM);
        if (value.isEmpty()) throw bad(input, "the value is missing after '" + op.symbol + "'; expected " + FORM);

        Slo slo = switch (name) {
            case "max", "mean" -> latency(input, name, Double.NaN, op, value);
            case "errors" -> errors(input, op, value);
            case "rps" -> rate(input, op, value);
            default -> {
                Matcher p = PERCENTILE.matcher(name);
                if (!p.matches()) {
                    throw bad(input, "unknown metric '" + name + "'; use pNN (e.g. p50, p99, p99.9), max, mean, "
                            + "errors or rps");
                }
                BigDecimal percentile = new BigDecimal(p.group(1));
                if (percentile.signum() <= 0 || percentile.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw bad(input, "a percentile must be above 0 and at most 100 (p50, p99.9, p100)");
                }
                yield latency(input, "p" + plain(percentile), percentile.doubleValue(), op, value);
            }
        };
        // "below zero" can never be met: saying so beats a search that fails every step
        if (op == Op.LT && slo.limit == 0) throw bad(input, "nothing is below 0, so it can never be met");
        return slo;
    }

    private static int indexOfComparison(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '<' || c == '>') return i;
        }
        return -1;
    }

    private static Slo latency(String input, String metric, double percentile, Op op, String value) {
        Matcher m = LATENCY.matcher(value);
        if (!m.matches()) {
            throw bad(input, "'" + value + "' is not a latency; expected a number and a unit, e.g. "
                    + metric + "<10ms");
        }
        String unit = m.group(2) == null ? "" : m.group(2).strip();
        if (unit.isEmpty()) {
            throw bad(input, "a latency needs a unit (ns, us, ms, s, m), e.g. " + metric + "<10ms");
        }
        int power = switch (unit) {
            case "ns" -> 0;
            case "us", MICRO -> 3;
            case "ms" -> 6;
            case "s", "m" -> 9;
            default -> throw bad(input, "unknown unit '" + unit + "'; a latency takes ns, us, ms, s or m (minutes)");
        };
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal ns = amount.scaleByPowerOfTen(power);
        if (unit.equals("m")) ns = ns.multiply(BigDecimal.valueOf(60));
        String shownUnit = unit.equals(MICRO) ? "us" : unit;
        return new Slo(metric, Kind.LATENCY, percentile, op, finite(input, ns), plain(amount) + shownUnit);
    }

    private static Slo errors(String input, Op op, String value) {
        Matcher m = SHARE.matcher(value);
        if (!m.matches()) {
            throw bad(input, "errors are a share of requests and need a %, e.g. errors<0.1%");
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) throw bad(input, "errors can be at most 100%");
        // scaling the decimal, not the double, keeps errors<=0.1% exact against 1 failure in 1000
        return new Slo("errors", Kind.ERRORS, Double.NaN, op, percent.movePointLeft(2).doubleValue(),
                plain(percent) + "%");
    }

    private static Slo rate(String input, Op op, String value) {
        Matcher m = RATE.matcher(value);
        if (!m.matches()) {
            throw bad(input, "rps is a plain number of responses per second (k and M allowed), e.g. rps>100k");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal perSecond = amount.scaleByPowerOfTen(suffix.isEmpty() ? 0 : suffix.equals("k") ? 3 : 6);
        return new Slo("rps", Kind.THROUGHPUT, Double.NaN, op, finite(input, perSecond), plain(amount) + suffix);
    }

    private static double finite(String input, BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) throw bad(input, "the value is too large");
        return d;
    }

    private static IllegalArgumentException bad(String input, String why) {
        return new IllegalArgumentException("bad SLO '" + input.strip() + "': " + why);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLatency() {
        return kind == Kind.LATENCY;
    }

    /** The metric in normalised form: {@code p99.9}, {@code max}, {@code mean}, {@code errors} or {@code rps}. */
    public String metric() {
        return metric;
    }

    /** The limit in base units: nanoseconds for a latency, a 0..1 share for errors, responses per second for rps. */
    public double limit() {
        return limit;
    }

    /** This SLO's figure from {@code m}, in base units (see {@link #limit}). */
    public double measuredValue(Measured m) {
        return switch (metric) {
            case "max" -> m.maxNs();
            case "mean" -> m.meanNs();
            case "errors" -> m.errorShare();
            case "rps" -> m.responsesPerSecond();
            default -> m.valueAtPercentileNs(percentile);
        };
    }

    /** Whether {@code m} meets this SLO; a NaN figure (nothing measured) never does. */
    public boolean metBy(Measured m) {
        return op.holds(measuredValue(m), limit);
    }

    /** This SLO's figure from {@code m} in its metric's unit: {@code 8.31ms}, {@code 0.02%}, {@code 123456 req/s}. */
    public String formatMeasured(Measured m) {
        return format(measuredValue(m));
    }

    /**
     * The comparison that actually holds for {@code m}: {@code p99 8.31ms < 10ms} when met,
     * {@code p99 12.3ms >= 10ms} when not.
     */
    public String explain(Measured m) {
        return metric + " " + formatMeasured(m) + " " + (metBy(m) ? op.symbol : op.negation) + " " + limitText;
    }

    private String format(double value) {
        if (Double.isNaN(value)) return "n/a";
        return switch (kind) {
            case LATENCY -> formatNs(value);
            case ERRORS -> significant(value * 100) + "%";
            case THROUGHPUT -> (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : significant(value))
                    + " req/s";
        };
    }

    static String formatNs(double ns) {
        // pick the unit after rounding, so 999.7us reads 1ms rather than 1000us
        double rounded = Double.isInfinite(ns) ? ns : round3(ns).doubleValue();
        if (rounded < 1e3) return significant(ns) + "ns";
        if (rounded < 1e6) return significant(ns / 1e3) + "us";
        if (rounded < 1e9) return significant(ns / 1e6) + "ms";
        return significant(ns / 1e9) + "s";
    }

    /** Three significant digits without trailing zeros or an exponent: 8.31, 12.3, 0.02, 100. */
    static String significant(double value) {
        if (Double.isInfinite(value)) return String.valueOf(value);
        return value == 0 ? "0" : plain(round3(value));
    }

    private static BigDecimal round3(double value) {
        return new BigDecimal(value).round(new MathContext(3));
    }

    /** The normalised form, e.g. {@code p99<10ms}, {@code errors<0.1%}, {@code rps>=50000}. */
    @Override
    public String toString() {
        return metric + op.symbol + limitText;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slo s && metric.equals(s.metric) && op == s.op && limit == s.limit;
    }

    @Override
    public int hashCode() {
        return (metric.hashCode() * 31 + op.hashCode()) * 31 + Double.hashCode(limit);
    }
}
