package dev.ringload.engine.mix;

import dev.ringload.engine.load.Target;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The requests of a run and how they are picked: every {@link RequestSpec} compiled once into a
 * {@link RequestShape}. Round-robin follows a precomputed cycle in which each request appears {@code weight}
 * times, spread out (smooth weighted round-robin, as nginx balances upstreams), so shares are exact; random picks
 * by weight.
 */
public final class RequestMix {

    /** How the next request is chosen. */
    public enum Pick {
        ROUND_ROBIN, RANDOM;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The longest round-robin cycle (the sum of the weights). */
    static final int MAX_CYCLE = 1 << 20;

    private final List<RequestShape> shapes;
    private final Pick pick;
    private final int[] cycle;
    private final int[] cumulativeWeights;

    private RequestMix(List<RequestShape> shapes, Pick pick) {
        this.shapes = List.copyOf(shapes);
        this.pick = pick;
        int total = 0;
        this.cumulativeWeights = new int[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            total += shapes.get(i).weight;
            cumulativeWeights[i] = total;
        }
        if (total > MAX_CYCLE) {
            throw new IllegalArgumentException("the weights add up to " + total + "; at most " + MAX_CYCLE);
        }
        this.cycle = pick == Pick.ROUND_ROBIN ? smoothCycle(shapes, total) : new int[0];
    }

    /**
     * Compiles {@code specs} for {@code endpoint} (the run's one scheme, host and port).
     *
     * @throws IllegalArgumentException naming the spec's source when one cannot be encoded
     */
    public static RequestMix compile(List<RequestSpec> specs, Target endpoint, Pick pick) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no requests");
        }
        List<RequestShape> shapes = new ArrayList<>();
        for (RequestSpec spec : specs) {
            try {
                shapes.add(spec.raw() != null ? raw(spec) : encode(spec, endpoint));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(spec.source() + ": " + e.getMessage(), e);
            }
        }
        return new RequestMix(shapes, pick);
    }

    /** A raw request: its bytes exactly, no placeholders. */
    private static RequestShape raw(RequestSpec spec) {
        return new RequestShape(spec.method() + " " + spec.url(), spec.head(), spec.weight(), spec.raw(), new int[0],
                new Placeholders.Kind[0], new long[0], new long[0], -1, 0);
    }

    /**
     * Method, request target, Host, headers, Content-Length, body; the placeholders in the request target, the
     * header values and the body cut out. A body with placeholders gets its Content-Length when it is written.
     */
    private static RequestShape encode(RequestSpec spec, Target endpoint) {
        String method = spec.method();
        if (!HttpSyntax.isToken(method)) {
            throw new IllegalArgumentException("invalid method '" + method + "'");
        }
        String requestTarget = requestTarget(spec.url());
        StringBuilder head = new StringBuilder(128);
        head.append(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        boolean lengthGiven = false;
        StringBuilder extra = new StringBuilder();
        for (String header : spec.headers()) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !HttpSyntax.isToken(header.substring(0, colon))
                    || header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid header '" + header + "': expected 'Name: value'");
            }
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            hostGiven |= name.equals("host");
            lengthGiven |= name.equals("content-length");
            extra.append(header, 0, colon).append(": ").append(header.substring(colon + 1).trim()).append("\r\n");
        }
        if (!hostGiven) {
            head.append("Host: ").append(endpoint.hostHeader()).append("\r\n");
        }
        head.append(extra);
        byte[] body = spec.body();
        String bodyText = new String(body, StandardCharsets.ISO_8859_1);
        List<Placeholders.Placeholder> inBody = Placeholders.find(bodyText);
        boolean needsLength = !lengthGiven && (body.length > 0 || method.equals("POST") || method.equals("PUT")
                || method.equals("PATCH"));
        boolean dynamicLength = needsLength && !inBody.isEmpty();
        if (needsLength && !dynamicLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        String headText = head.toString();
        String tail = dynamicLength ? "Content-Length: " : "";
        String end = (dynamicLength ? "\r\n" : "") + "\r\n";

        // Cut the placeholders out of head (request target and header values), then out of the body.
        List<Placeholders.Placeholder> inHead = Placeholders.find(headText);
        StringBuilder literal = new StringBuilder();
        List<Integer> cuts = new ArrayList<>();
        List<Placeholders.Placeholder> found = new ArrayList<>();
        int from = 0;
        for (Placeholders.Placeholder p : inHead) {
            literal.append(headText, from, p.start());
            cuts.add(literal.length());
            found.add(p);
            from = p.end();
        }
        literal.append(headText, from, headText.length()).append(tail);
        int lengthCut = dynamicLength ? literal.length() : -1;
        literal.append(end);
        int bodyStart = literal.length();
        from = 0;
        for (Placeholders.Placeholder p : inBody) {
            literal.append(bodyText, from, p.start());
            cuts.add(literal.length());
            found.add(p);
            from = p.end();
        }
        literal.append(bodyText, from, bodyText.length());
        int n = found.size();
        int[] cutArray = new int[n];
        Placeholders.Kind[] kinds = new Placeholders.Kind[n];
        long[] low = new long[n];
        long[] high = new long[n];
        for (int i = 0; i < n; i++) {
            cutArray[i] = cuts.get(i);
            kinds[i] = found.get(i).kind();
            low[i] = found.get(i).a();
            high[i] = found.get(i).b();
        }
        return new RequestShape(method + " " + requestTarget, method.equals("HEAD"), spec.weight(),
                literal.toString().getBytes(StandardCharsets.ISO_8859_1), cutArray, kinds, low, high, lengthCut,
                bodyStart);
    }

    /** The path and query of {@code http://host[:port]/path?query}, as written (placeholders included). */
    static String requestTarget(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int query = url.indexOf('?', scheme < 0 ? 0 : scheme + 3);
        if (slash < 0 && query < 0) {
            return "/";
        }
        String rest = url.substring(slash < 0 ? query : query < 0 ? slash : Math.min(slash, query));
        if (rest.startsWith("?")) {
            rest = "/" + rest;
        }
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("the path of " + url + " has a space or a non-ASCII character; "
                        + "percent-encode it");
            }
        }
        return rest;
    }

    /** Smooth weighted round-robin: each step picks the largest running credit, so heavy ones are spread out. */
    private static int[] smoothCycle(List<RequestShape> shapes, int total) {
        int[] cycle = new int[total];
        long[] credit = new long[shapes.size()];
        for (int k = 0; k < total; k++) {
            int best = 0;
            for (int i = 0; i < shapes.size(); i++) {
                credit[i] += shapes.get(i).weight;
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= total;
            cycle[k] = best;
        }
        return cycle;
    }

    public List<RequestShape> shapes() {
        return shapes;
    }

    public int size() {
        return shapes.size();
    }

    public Pick pick() {
        return pick;
    }

    int[] cycle() {
        return cycle;
    }

    int[] cumulativeWeights() {
        return cumulativeWeights;
    }

    /** Whether HEAD is mixed with other methods: then the parser is told per response whether to expect a body. */
    public boolean mixesHead() {
        boolean anyHead = false;
        boolean anyOther = false;
        for (RequestShape s : shapes) {
            anyHead |= s.head;
            anyOther |= !s.head;
        }
        return anyHead && anyOther;
    }

    public boolean allHead() {
        return shapes.stream().allMatch(s -> s.head);
    }

    /** The longest request any shape renders. */
    public int maxLength() {
        return shapes.stream().mapToInt(RequestShape::maxLength).max().orElse(0);
    }
}
