package dev.ringload.engine.mix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads raw request files: each file is one complete HTTP/1.1 request, sent byte for byte as it is on disk (the
 * style of gcannon and HttpArena).
 *
 * <p>Because nothing re-encodes these bytes, the check is strict and says where a file is wrong: a request line
 * {@code METHOD SP request-target SP HTTP/1.1}, header lines, an empty line, every line ending in CRLF; a Host
 * header; and a body exactly as long as Content-Length says (none without it). A wrong length would desynchronise
 * every later request on a keep-alive connection, and a bare LF that one server accepts another rejects, so either
 * would measure something other than what was meant. Chunked bodies are refused: the framing would have to be
 * checked too, and a Content-Length says the same thing.
 */
public final class RawRequests {

    private RawRequests() {
    }

    /**
     * Parses each file into one raw request, in order.
     *
     * @throws IllegalArgumentException with one line, {@code FILE:LINE: what is wrong}, for the first problem found
     */
    public static List<RequestSpec> parse(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no raw request files");
        }
        List<RequestSpec> specs = new ArrayList<>(files.size());
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot be read (" + Reads.reason(file, e) + ")");
            }
            specs.add(parse(file.toString(), bytes));
        }
        return List.copyOf(specs);
    }

    static RequestSpec parse(String name, byte[] bytes) {
        String method = null;
        String target = null;
        List<String> headers = new ArrayList<>();
        int hostLine = 0;
        int lengthLine = 0;
        long contentLength = -1;
        int encodingLine = 0;
        String encoding = null;
        int pos = 0;
        int lineNo = 0;
        while (true) {
            lineNo++;
            if (pos == bytes.length) {
                throw error(name, lineNo, lineNo == 1 ? "empty file; expected 'METHOD request-target HTTP/1.1'"
                        : "the head does not end with an empty CRLF line");
            }
            int lf = indexOf(bytes, (byte) '\n', pos);
            if (lf < 0) {
                throw error(name, lineNo, "line does not end in CRLF");
            }
            if (lf == pos || bytes[lf - 1] != '\r') {
                throw error(name, lineNo, "line ends in LF, not CRLF");
            }
            String line = new String(bytes, pos, lf - 1 - pos, StandardCharsets.ISO_8859_1);
            pos = lf + 1;
            if (line.indexOf('\r') >= 0) {
                throw error(name, lineNo, "CR inside the line; CR may only come before LF");
            }
            if (lineNo == 1) {
                String[] parts = requestLine(name, line);
                method = parts[0];
                target = parts[1];
                continue;
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw error(name, lineNo, "a line starting with whitespace (obsolete line folding) is not allowed");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !HttpSyntax.isToken(line.substring(0, colon))) {
                throw error(name, lineNo, "header '" + line + "' is not 'Name: value'");
            }
            String headerName = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            // Checked before strip(), which also removes the separators 0x1c-0x1f; the file goes out unstripped.
            if (HttpSyntax.hasControl(line.substring(colon + 1))) {
                throw error(name, lineNo, "header '" + headerName + "' has a control character in its value");
            }
            headers.add(headerName + ": " + value);
            switch (headerName.toLowerCase(Locale.ROOT)) {
                case "host" -> {
                    if (hostLine != 0) {
                        throw error(name, lineNo, "second Host header (first on line " + hostLine + ")");
                    }
                    hostLine = lineNo;
                }
                case "content-length" -> {
                    if (lengthLine != 0) {
                        throw error(name, lineNo, "second Content-Length header (first on line " + lengthLine + ")");
                    }
                    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        throw error(name, lineNo, "Content-Length '" + value + "' is not a byte count");
                    }
                    contentLength = Long.parseLong(value);
                    lengthLine = lineNo;
                }
                case "transfer-encoding" -> {
                    if (encodingLine == 0) {
                        encodingLine = lineNo;
                        encoding = value;
                    }
                }
                default -> {
                }
            }
        }
        if (encoding != null) {
            throw error(name, encodingLine, encoding.toLowerCase(Locale.ROOT).contains("chunked")
                    ? "chunked raw requests are not supported; give a Content-Length"
                    : "Transfer-Encoding '" + encoding + "' is not supported; give a Content-Length");
        }
        if (hostLine == 0) {
            throw error(name, 1, "no Host header; HTTP/1.1 requires one");
        }
        int following = bytes.length - pos;
        if (lengthLine != 0 && following != contentLength) {
            throw error(name, lengthLine, "Content-Length is " + contentLength + " but " + bytes(following)
                    + " the head");
        }
        if (lengthLine == 0 && following > 0) {
            throw error(name, lineNo + 1, bytes(following) + " the head but there is no Content-Length");
        }
        return new RequestSpec(method, target, headers, Arrays.copyOfRange(bytes, pos, bytes.length), 1,
                name + ":1", bytes);
    }

    /** Method and request-target of {@code METHOD SP request-target SP HTTP/1.1}, single spaces as RFC 9112 has. */
    private static String[] requestLine(String name, String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw error(name, 1, "expected 'METHOD request-target HTTP/1.1', got '" + line + "'");
        }
        if (!HttpSyntax.isToken(parts[0])) {
            throw error(name, 1, "invalid method '" + parts[0] + "'");
        }
        String target = parts[1];
        if (HttpSyntax.hasControl(target) || target.indexOf('\t') >= 0) {
            throw error(name, 1, "request-target has a control character");
        }
        if (!target.startsWith("/") && !target.equals("*") && !target.contains("://")) {
            throw error(name, 1, "request-target '" + target + "' is not /path, * or an absolute URL");
        }
        if (!parts[2].equals("HTTP/1.1")) {
            throw error(name, 1, "version must be HTTP/1.1, got '" + parts[2] + "'");
        }
        return parts;
    }

    private static String bytes(int n) {
        return n == 1 ? "1 byte follows" : n + " bytes follow";
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException error(String name, int lineNo, String what) {
        return new IllegalArgumentException(name + ":" + lineNo + ": " + what);
    }
}
