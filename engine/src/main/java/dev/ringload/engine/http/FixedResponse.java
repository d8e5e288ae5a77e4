package dev.ringload.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One pre-encoded HTTP/1.1 response with a {@code Date} slot that is rewritten in place once per second.
 *
 * @param bytes      the whole response, date slot included
 * @param dateOffset where the {@value HttpDate#LENGTH} date bytes start
 */
public record FixedResponse(byte[] bytes, int dateOffset) {

    /** Encodes a response; {@code close} chooses {@code Connection: close} over {@code keep-alive}. */
    public static FixedResponse of(int status, String contentType, byte[] body, boolean close) {
        return encode(status, contentType, body, close, true);
    }

    /**
     * The response to a HEAD request for what {@link #of} answers: the same header fields, Content-Length
     * included, and no body (RFC 9110 section 9.3.2).
     */
    public static FixedResponse toHead(int status, String contentType, byte[] body, boolean close) {
        return encode(status, contentType, body, close, false);
    }

    private static FixedResponse encode(int status, String contentType, byte[] body, boolean close, boolean withBody) {
        // 204 and 304 responses end at the header block: no body, no length (RFC 9110 sections 15.3.5, 15.4.5).
        boolean bodyless = status == 204 || status == 304;
        if (bodyless) {
            body = new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(160 + body.length);
        ascii(out, "HTTP/1.1 " + status + " " + reason(status) + "\r\nServer: ringload\r\nDate: ");
        int dateOffset = out.size();
        out.writeBytes(HttpDate.format(0));
        ascii(out, "\r\n");
        if (contentType != null && !contentType.isEmpty()) {
            ascii(out, "Content-Type: " + contentType + "\r\n");
        }
        if (!bodyless) {
            ascii(out, "Content-Length: " + body.length + "\r\n");
        }
        ascii(out, close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
        if (withBody) {
            out.writeBytes(body);
        }
        return new FixedResponse(out.toByteArray(), dateOffset);
    }

    public int length() {
        return bytes.length;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reason phrases for common codes; any other valid code gets a generic one (clients ignore the phrase). */
    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 200 ? "Informational" : status < 300 ? "Success" : status < 400 ? "Redirection"
                    : status < 500 ? "Client Error" : "Server Error";
        };
    }
}
