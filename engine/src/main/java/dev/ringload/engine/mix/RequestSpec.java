package dev.ringload.engine.mix;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One request of a mix, as read from a targets file or a raw request file, before it is encoded.
 *
 * <p>For a raw request {@code raw} holds the exact bytes to send and the other fields only describe it for
 * reports: {@code method} and {@code url} (the request-target) come from its request line, {@code headers} and
 * {@code body} from the rest. Arrays and lists are copied in and out, so a spec cannot change after it is made.
 *
 * @param method  HTTP method, e.g. {@code GET}
 * @param url     the URL as given (placeholders such as {@code {seq}} kept verbatim); a raw request's request-target
 * @param headers {@code Name: value} strings in file order; a name may repeat
 * @param body    the body bytes, empty when there is none
 * @param weight  how often this request is picked relative to the others, at least 1
 * @param source  {@code FILE:LINE} of the request's first line, for messages
 * @param raw     the exact bytes to send, or {@code null} when the request is encoded from the other fields
 */
public record RequestSpec(String method, String url, List<String> headers, byte[] body, int weight, String source,
                          byte[] raw) {

    public RequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        if (weight < 1) {
            throw new IllegalArgumentException(source + ": weight must be at least 1, got " + weight);
        }
        headers = List.copyOf(headers);
        body = body.clone();
        raw = raw == null ? null : raw.clone();
    }

    /** A request encoded from its fields, with weight 1. */
    public RequestSpec(String method, String url, List<String> headers, byte[] body, String source) {
        this(method, url, headers, body, 1, source, null);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The bytes to send as they are, or {@code null} when the request is encoded from the other fields. */
    @Override
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** A HEAD response has no body whatever its Content-Length says, so the response parser must be told. */
    public boolean head() {
        return method.equals("HEAD");
    }

    // Arrays compare by identity in a record's generated methods; a spec is a value, so compare the bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof RequestSpec s && method.equals(s.method) && url.equals(s.url) && headers.equals(s.headers)
                && Arrays.equals(body, s.body) && weight == s.weight && source.equals(s.source)
                && Arrays.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, url, headers, Arrays.hashCode(body), weight, source, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "RequestSpec[" + method + " " + url + ", headers=" + headers + ", body=" + body.length + " bytes"
                + ", weight=" + weight + ", source=" + source
                + (raw == null ? "" : ", raw=" + raw.length + " bytes") + "]";
    }
}
