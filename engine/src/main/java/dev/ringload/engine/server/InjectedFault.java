package dev.ringload.engine.server;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code serve --fault KIND[:VALUE][@WHEN]}: what to do ({@link FaultKind} and its value) and to which requests.
 * WHEN is {@code N} (every N-th request a worker answers) or {@code P%} (each request with probability P percent,
 * drawn from {@code --fault-seed}); without it, every request. Kinds that take no value also accept
 * {@code KIND:N} for {@code KIND@N}, so {@code reset:100} resets every 100th request.
 *
 * @param kind        what happens
 * @param value       bytes per millisecond (trickle), nanoseconds (stall), bytes (huge-headers, garbage); 0: none
 * @param everyN      every N-th request; 0 when a probability is given
 * @param probability chance per request, 0..1; 0 when every N-th is given
 * @param spec        the text it was parsed from
 */
public record InjectedFault(FaultKind kind, long value, long everyN, double probability, String spec) {

    /** Responses and garbage a fault builds are at most this big: enough to overflow any client's limits. */
    public static final long MAX_BYTES = 16L << 20;
    /**
     * The smallest head huge-headers asks for: room for the normal head (about 150 bytes with a short Content-Type)
     * and a filler line. A head that would be smaller than the normal one is the normal one plus a filler line.
     */
    static final long MIN_HUGE_HEAD_BYTES = 1024;
    private static final long MAX_STALL_NS = 3600L * 1_000_000_000L;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)([km]?)");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

    public InjectedFault {
        if ((everyN > 0) == (probability > 0) || everyN < 0 || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a fault fires on every N-th request or with a probability: " + spec);
        }
    }

    /**
     * Parses a {@code --fault} value.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static InjectedFault parse(String spec) {
        String text = spec.trim().toLowerCase(Locale.ROOT);
        String when = null;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            when = text.substring(at + 1);
            text = text.substring(0, at);
        }
        String value = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            value = text.substring(colon + 1);
            text = text.substring(0, colon);
        }
        FaultKind kind = FaultKind.ofLabel(text);
        if (kind == null) {
            throw bad(spec, "unknown kind '" + text + "' (one of " + labels() + ")");
        }
        long parsedValue = 0;
        if (kind.value() == FaultKind.Value.NONE) {
            if (value != null) {
                if (when != null) {
                    throw bad(spec, kind.label() + ":N already says every N-th request; leave out the @");
                }
                when = value; // reset:100 is reset@100
            }
        } else {
            if (value == null || value.isEmpty()) {
                throw bad(spec, kind.label() + " needs a value: " + kind.label() + ":" + valueHint(kind));
            }
            parsedValue = parseValue(spec, kind, value);
        }
        long everyN = 0;
        double probability = 0;
        if (when == null) {
            everyN = 1;
        } else if (COUNT.matcher(when).matches()) {
            everyN = Long.parseLong(when);
            if (everyN < 1) {
                throw bad(spec, "every N-th request needs N >= 1");
            }
        } else {
            Matcher m = PERCENT.matcher(when);
            if (!m.matches()) {
                throw bad(spec, "'" + when + "' is neither N (every N-th request) nor P% (a probability)");
            }
            probability = Double.parseDouble(m.group(1)) / 100;
            if (probability <= 0 || probability > 1) {
                throw bad(spec, "the probability must be above 0% and at most 100%");
            }
        }
        return new InjectedFault(kind, parsedValue, everyN, probability, spec.trim());
    }

    private static long parseValue(String spec, FaultKind kind, String value) {
        if (kind.value() == FaultKind.Value.DURATION) {
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                throw bad(spec, "'" + value + "' is not a duration with a unit (examples: 500us, 200ms, 2s)");
            }
            double ns = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            };
            if (ns < 1 || ns > MAX_STALL_NS) {
                throw bad(spec, "the stall must be above 0 and at most 1h");
            }
            return Math.round(ns);
        }
        Matcher m = BYTES.matcher(value);
        if (!m.matches() || m.group(1).length() > 9) {
            throw bad(spec, "'" + value + "' is not a byte count (examples: 64, 100k, 2m)");
        }
        long bytes = Long.parseLong(m.group(1)) << switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 0;
        };
        long min = kind == FaultKind.HUGE_HEADERS ? MIN_HUGE_HEAD_BYTES : 1;
        long max = kind == FaultKind.TRICKLE ? 1L << 20 : MAX_BYTES;
        if (bytes < min || bytes > max) {
            throw bad(spec, kind.label() + " takes " + min + " to " + max + " bytes" + (kind == FaultKind.TRICKLE
                    ? " per millisecond" : ""));
        }
        return bytes;
    }

    private static String valueHint(FaultKind kind) {
        return switch (kind.value()) {
            case BYTES_PER_MS -> "BYTES_PER_MS";
            case DURATION -> "DURATION";
            default -> "BYTES";
        };
    }

    private static String labels() {
        StringBuilder s = new StringBuilder();
        for (FaultKind kind : FaultKind.values()) {
            s.append(s.isEmpty() ? "" : ", ").append(kind.label());
        }
        return s.toString();
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad --fault '" + spec + "': " + why);
    }
}
