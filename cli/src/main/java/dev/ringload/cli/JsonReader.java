package dev.ringload.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for reports ringload wrote earlier: objects become {@link LinkedHashMap}s in
 * file order, arrays {@link List}s, numbers {@link Double}s, and {@code true}/{@code false}/{@code null} themselves.
 * Anything else - trailing commas, comments, single quotes, leading zeros, duplicate keys, text after the value -
 * is an {@link IllegalArgumentException} that names the line and column.
 */
final class JsonReader {

    /** Deeper nesting than any report has; stops hostile input from overflowing the stack. */
    private static final int MAX_DEPTH = 256;

    private final String s;
    private int i;
    private int depth;

    private JsonReader(String s) {
        this.s = s;
    }

    /** Parses exactly one JSON value, surrounded by nothing but whitespace. */
    static Object parse(String text) {
        JsonReader p = new JsonReader(text);
        p.skipWhitespace();
        Object value = p.value();
        p.skipWhitespace();
        if (p.i != p.s.length()) {
            throw p.error("text after the JSON value");
        }
        return value;
    }

    /**
     * The value at a dotted path of object keys ({@code "latency.p99"}), or null when a key is absent, a step is not
     * an object, or the value is null.
     */
    static Object at(Object root, String path) {
        Object v = root;
        for (String key : path.split("\\.", -1)) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    /** The number at {@code path}, or null when it is absent or not a number. */
    static Double number(Object root, String path) {
        return at(root, path) instanceof Double d ? d : null;
    }

    /** The array at {@code path}, or null when it is absent or not an array. */
    static List<?> array(Object root, String path) {
        return at(root, path) instanceof List<?> list ? list : null;
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("expected a value");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + printable(c) + "'");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        i++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            i++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = i;
            String key = string();
            if (map.containsKey(key)) {
                i = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':', "expected ':'");
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            if (peek() == '}') {
                i++;
                depth--;
                return map;
            }
            expect(',', "expected ',' or '}'");
        }
    }

    private List<Object> array() {
        enter();
        i++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            i++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek() == ']') {
                i++;
                depth--;
                return list;
            }
            expect(',', "expected ',' or ']'");
        }
    }

    private String string() {
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            i++;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(unicodeEscape());
                default -> {
                    i--;
                    throw error("invalid escape '\\" + printable(e) + "'");
                }
            }
        }
    }

    private char unicodeEscape() {
        if (i + 4 > s.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(s.charAt(i + k), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
        }
        i += 4;
        return (char) code;
    }

    /** The RFC's grammar: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private Double number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (!digits()) {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            i++;
            if (!digits()) {
                throw error("expected a digit after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > start;
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw error("expected " + word);
        }
        i += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c, String otherwise) {
        if (peek() != c) {
            throw error(otherwise);
        }
        i++;
    }

    /** The current character, or 0 at the end (never valid where a character is expected). */
    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private void skipWhitespace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        String where = i >= s.length() ? "end of input" : "line " + line + " column " + (i - lineStart + 1);
        return new IllegalArgumentException(what + " at " + where);
    }
}
