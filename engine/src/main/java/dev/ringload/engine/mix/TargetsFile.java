package dev.ringload.engine.mix;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vegeta's plain-text targets format: each target is a {@code METHOD URL} line, then {@code Name: value}
 * header lines, then an optional {@code @path} line naming a body file (relative to the targets file's directory);
 * a blank line ends it.
 *
 * <pre>
 * GET http://127.0.0.1:8080/items/{rand:1:1000}
 * Accept: application/json
 *
 * POST http://127.0.0.1:8080/items
 * # weight=3
 * Content-Type: application/json
 * &#64;item.json
 * </pre>
 *
 * <p>Lines starting with {@code #} are comments, except {@code # weight=N} inside a target, which sets its weight. As
 * in vegeta, a {@code METHOD URL} line right after a target also starts the next one (it cannot be a header). Every
 * target must name the first one's endpoint: a run has one set of connections. Placeholders are checked here, so a
 * typo fails before the run, and kept verbatim for the engine to fill in.
 *
 * <p>The file is read as ISO-8859-1 so each byte of a URL or header value reaches the wire as it was written.
 */
public final class TargetsFile {

    private static final Pattern WEIGHT = Pattern.compile("#\\s*weight\\s*=(.*)");
    private static final Pattern LINE_BREAK = Pattern.compile("\n");
    private static final String BOM = "\u00ef\u00bb\u00bf";

    private final String name;
    private final Path dir;
    private final List<RequestSpec> specs = new ArrayList<>();

    /** The first target's endpoint; every later target must name the same. */
    private Endpoint endpoint;

    // The target being read: open from its METHOD URL line to the blank line (or end of file) after it.
    private String method;
    private String url;
    private int targetLine;
    private List<String> headers;
    private byte[] body;
    private int weight;
    private int weightLine;

    private TargetsFile(Path file) {
        this.name = file.toString();
        this.dir = file.toAbsolutePath().getParent();
    }

    /**
     * Parses {@code file}.
     *
     * @throws IllegalArgumentException with one line, {@code FILE:LINE: what is wrong}, for the first problem found
     */
    public static List<RequestSpec> parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + Reads.reason(file, e) + ")");
        }
        return new TargetsFile(file).read(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private List<RequestSpec> read(String text) {
        String[] lines = LINE_BREAK.split(text.startsWith(BOM) ? text.substring(BOM.length()) : text, -1);
        for (int i = 0; i < lines.length; i++) {
            readLine(lines[i].strip(), i + 1);
        }
        closeTarget();
        if (specs.isEmpty()) {
            throw new IllegalArgumentException(name + ": no targets");
        }
        return List.copyOf(specs);
    }

    // strip() also drops the CR of a CRLF line end and any trailing whitespace.
    private void readLine(String line, int lineNo) {
        if (line.isEmpty()) {
            closeTarget();
        } else if (line.startsWith("#")) {
            comment(line, lineNo);
        } else if (method == null) {
            openTarget(line, lineNo);
        } else if (looksLikeRequestLine(line)) {
            closeTarget();
            openTarget(line, lineNo);
        } else if (body != null) {
            throw error(lineNo, "expected a blank line after the body line, got '" + line + "'");
        } else if (line.startsWith("@")) {
            body = bodyFile(line.substring(1).strip(), lineNo);
        } else {
            headers.add(header(line, lineNo));
        }
    }

    private void comment(String line, int lineNo) {
        Matcher m = WEIGHT.matcher(line);
        if (!m.matches()) {
            return;
        }
        if (method == null) {
            throw error(lineNo, "'# weight=N' belongs inside a target, after its 'METHOD URL' line");
        }
        if (weightLine != 0) {
            throw error(lineNo, "weight already set on line " + weightLine);
        }
        String n = m.group(1).strip();
        int w;
        try {
            w = n.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(n) : 0;
        } catch (NumberFormatException e) {
            w = 0;
        }
        if (w < 1) {
            throw error(lineNo, "weight must be a whole number from 1 to " + Integer.MAX_VALUE + ", got '" + n + "'");
        }
        weight = w;
        weightLine = lineNo;
    }

    private void openTarget(String line, int lineNo) {
        String[] parts = line.split("[ \t]+");
        if (parts.length != 2) {
            throw error(lineNo, "expected 'METHOD URL', got '" + line + "'");
        }
        if (!HttpSyntax.isToken(parts[0])) {
            throw error(lineNo, "invalid method '" + parts[0] + "'");
        }
        Endpoint e = endpoint(parts[1], lineNo);
        if (endpoint == null) {
            endpoint = e;
        } else if (!endpoint.sameAs(e)) {
            throw error(lineNo, parts[1] + " is another endpoint than http://" + endpoint.host + ":" + endpoint.port
                    + " (line " + endpoint.line + "); one endpoint per run");
        }
        method = parts[0];
        url = parts[1];
        targetLine = lineNo;
        headers = new ArrayList<>();
        body = null;
        weight = 1;
        weightLine = 0;
    }

    private void closeTarget() {
        if (method != null) {
            specs.add(new RequestSpec(method, url, headers, body == null ? new byte[0] : body, weight,
                    name + ":" + targetLine, null));
            method = null;
        }
    }

    private static boolean looksLikeRequestLine(String line) {
        String[] parts = line.split("[ \t]+");
        if (parts.length != 2 || !HttpSyntax.isToken(parts[0])) {
            return false;
        }
        String url = parts[1].toLowerCase(Locale.ROOT);
        return url.startsWith("http://") || url.startsWith("https://");
    }

    /** Checks {@code http://host[:port]/path?query}; the path and query may hold placeholders, the host may not. */
    private Endpoint endpoint(String url, int lineNo) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            throw error(lineNo, "https is not supported: " + url);
        }
        if (!lower.startsWith("http://")) {
            throw error(lineNo, "expected an http:// URL, got '" + url + "'");
        }
        int authorityStart = "http://".length();
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw error(lineNo, "URL '" + url + "' has user info, which is not supported");
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || (close + 1 < authority.length() && authority.charAt(close + 1) != ':')) {
                throw error(lineNo, "URL '" + url + "' has an invalid host");
            }
            host = authority.substring(0, close + 1);
            portText = close + 1 < authority.length() ? authority.substring(close + 2) : null;
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw error(lineNo, "URL '" + url + "' has no host");
        }
        if (!validHost(host)) {
            throw error(lineNo, "URL '" + url + "' has an invalid host '" + host + "'");
        }
        int port = 80;
        if (portText != null) {
            port = !portText.isEmpty() && portText.length() <= 5 && portText.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(portText) : 0;
            if (port < 1 || port > 65535) {
                throw error(lineNo, "URL '" + url + "' has an invalid port '" + portText + "'; use 1-65535");
            }
        }
        try {
            Placeholders.find(url.substring(authorityEnd));
        } catch (IllegalArgumentException e) {
            throw error(lineNo, e.getMessage());
        }
        return new Endpoint(host, port, lineNo);
    }

    private static boolean validHost(String host) {
        boolean bracketed = host.startsWith("[");
        String chars = bracketed ? host.substring(1, host.length() - 1) : host;
        if (chars.isEmpty() || bracketed && ipv6(host) == null) {
            return false;
        }
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            boolean ok = bracketed
                    ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                            || c == ':' || c == '.'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                            || "-._~%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String header(String line, int lineNo) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !HttpSyntax.isToken(line.substring(0, colon))) {
            throw error(lineNo, "header '" + line + "' is not 'Name: value'");
        }
        String headerName = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        if (HttpSyntax.hasControl(value)) {
            throw error(lineNo, "header '" + headerName + "' has a control character in its value");
        }
        try {
            Placeholders.find(value);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, "header '" + headerName + "': " + e.getMessage());
        }
        return headerName + ": " + value;
    }

    private byte[] bodyFile(String written, int lineNo) {
        if (written.isEmpty()) {
            throw error(lineNo, "'@' names no body file");
        }
        // The line was decoded byte for byte; a file name is UTF-8 text on every system ringload runs on.
        String pathText = new String(written.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        Path path;
        try {
            path = dir.resolve(pathText);
        } catch (InvalidPathException e) {
            throw error(lineNo, "body file " + pathText + ": invalid path");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw error(lineNo, "body file " + pathText + ": no such file");
        } catch (IOException e) {
            throw error(lineNo, "body file " + pathText + ": cannot be read (" + Reads.reason(path, e) + ")");
        }
        // Checked line by line so the message can say where; a placeholder never spans a line break.
        String[] bodyLines = LINE_BREAK.split(new String(bytes, StandardCharsets.ISO_8859_1), -1);
        for (int i = 0; i < bodyLines.length; i++) {
            try {
                Placeholders.find(bodyLines[i]);
            } catch (IllegalArgumentException e) {
                throw error(lineNo, "body file " + pathText + ", line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return bytes;
    }

    private IllegalArgumentException error(int lineNo, String what) {
        return new IllegalArgumentException(name + ":" + lineNo + ": " + what);
    }

    /**
     * Scheme is always http here; names compare case-insensitively, as DNS names do, and IPv6 literals by address
     * ({@code [::1]} and {@code [0:0::1]} are one endpoint).
     */
    private record Endpoint(String host, int port, int line) {

        boolean sameAs(Endpoint other) {
            return key().equalsIgnoreCase(other.key()) && port == other.port;
        }

        private String key() {
            return host.startsWith("[") ? ipv6(host).getHostAddress() : host;
        }
    }

    /** The address of a bracketed IPv6 literal, parsed without a lookup; null when it is not one. */
    private static InetAddress ipv6(String bracketed) {
        try {
            InetAddress a = Inet6Address.ofLiteral(bracketed.substring(1, bracketed.length() - 1));
            return a instanceof Inet6Address ? a : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
