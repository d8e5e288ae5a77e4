package dev.ringload.engine.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The request bytes, encoded once: method, target, Host, user headers, Content-Length, body. */
public final class RequestTemplate {

    private RequestTemplate() {
    }

    /**
     * @param headers {@code Name: value} strings; a Host header given here replaces the URL's
     * @throws IllegalArgumentException for a malformed method or header
     */
    public static byte[] encode(String method, Target target, List<String> headers, byte[] body) {
        if (method.isEmpty() || !method.chars().allMatch(RequestTemplate::isToken)) {
            throw new IllegalArgumentException("invalid method '" + method + "'");
        }
        StringBuilder head = new StringBuilder(128);
        head.append(method).append(' ').append(target.requestTarget()).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        boolean lengthGiven = false;
        StringBuilder extra = new StringBuilder();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !header.substring(0, colon).chars().allMatch(RequestTemplate::isToken)
                    || header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid header '" + header + "': expected 'Name: value'");
            }
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            hostGiven |= name.equals("host");
            lengthGiven |= name.equals("content-length");
            extra.append(header.substring(0, colon)).append(": ").append(header.substring(colon + 1).trim()).append("\r\n");
        }
        if (!hostGiven) {
            head.append("Host: ").append(target.hostHeader()).append("\r\n");
        }
        head.append(extra);
        if (!lengthGiven && (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static boolean isToken(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
