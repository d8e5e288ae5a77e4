package dev.ringload.engine.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and checks the placeholders of a request text: {@code {seq}}, {@code {rand:A:B}}, {@code {conn}} and
 * {@code {thread}}.
 *
 * <p>Only a brace followed by letters and then <code>}</code> or <code>:</code> looks like a placeholder; any other
 * brace is literal text, so JSON such as <code>{"a":{"b":1}}</code> passes untouched. Something that looks like a
 * placeholder but is not one of the four is an error rather than literal text: a misspelt {@code {sqe}} sent
 * verbatim would go unnoticed for a whole run.
 */
public final class Placeholders {

    private static final String USE = "use {seq}, {rand:A:B}, {conn}, {thread}";
    private static final Pattern RAND = Pattern.compile("\\{rand:([0-9]+):([0-9]+)}");
    /** How much of a bad placeholder a message shows when no closing brace comes sooner. */
    private static final int MAX_SHOWN = 40;

    private Placeholders() {
    }

    public enum Kind {
        /** {@code {seq}}: a counter, one per request. */
        SEQ,
        /** {@code {rand:A:B}}: a uniform random number in [A, B]. */
        RAND,
        /** {@code {conn}}: the connection's index. */
        CONN,
        /** {@code {thread}}: the worker thread's index. */
        THREAD
    }

    /**
     * One placeholder found in a text.
     *
     * @param start offset of its opening brace in the text
     * @param end   offset just past its closing brace
     * @param kind  what it stands for
     * @param a     for {@link Kind#RAND} the smallest value (inclusive), otherwise 0
     * @param b     for {@link Kind#RAND} the largest value (inclusive), otherwise 0
     */
    public record Placeholder(int start, int end, Kind kind, long a, long b) {
    }

    /**
     * The placeholders in {@code text}, in order.
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown or malformed placeholder
     */
    public static List<Placeholder> find(String text) {
        List<Placeholder> found = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = text.indexOf('{', from)) >= 0) {
            int nameEnd = open + 1;
            while (nameEnd < text.length() && isLetter(text.charAt(nameEnd))) {
                nameEnd++;
            }
            boolean looksLikeOne = nameEnd > open + 1 && nameEnd < text.length()
                    && (text.charAt(nameEnd) == '}' || text.charAt(nameEnd) == ':');
            if (!looksLikeOne) {
                from = open + 1;
                continue;
            }
            Placeholder p = switch (text.substring(open + 1, nameEnd)) {
                case "seq" -> plain(text, open, nameEnd, Kind.SEQ);
                case "conn" -> plain(text, open, nameEnd, Kind.CONN);
                case "thread" -> plain(text, open, nameEnd, Kind.THREAD);
                case "rand" -> rand(text, open);
                default -> throw new IllegalArgumentException("unknown placeholder " + shown(text, open) + "; " + USE);
            };
            found.add(p);
            from = p.end();
        }
        return List.copyOf(found);
    }

    private static Placeholder plain(String text, int open, int nameEnd, Kind kind) {
        if (text.charAt(nameEnd) != '}') {
            throw new IllegalArgumentException("malformed placeholder " + shown(text, open) + "; use "
                    + text.substring(open, nameEnd) + "}");
        }
        return new Placeholder(open, nameEnd + 1, kind, 0, 0);
    }

    private static Placeholder rand(String text, int open) {
        Matcher m = RAND.matcher(text).region(open, text.length());
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("malformed placeholder " + shown(text, open)
                    + "; use {rand:A:B} with whole numbers 0 <= A <= B");
        }
        long a;
        long b;
        try {
            a = Long.parseLong(m.group(1));
            b = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("placeholder " + m.group() + " has a number above " + Long.MAX_VALUE);
        }
        if (a > b) {
            throw new IllegalArgumentException("placeholder " + m.group() + " has A > B; use {rand:A:B} with A <= B");
        }
        return new Placeholder(open, m.end(), Kind.RAND, a, b);
    }

    /** The bad placeholder as written: up to its closing brace, or a short piece of the line when there is none. */
    private static String shown(String text, int open) {
        int end = open + 1;
        while (end < text.length() && end - open < MAX_SHOWN) {
            char c = text.charAt(end);
            if (c == '}') {
                return text.substring(open, end + 1);
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            end++;
        }
        return text.substring(open, end);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
