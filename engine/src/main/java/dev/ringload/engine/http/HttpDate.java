package dev.ringload.engine.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The IMF-fixdate of RFC 9110 ({@code Sat, 28 Nov 2026 01:44:19 GMT}): always {@value #LENGTH} ASCII bytes. */
public final class HttpDate {

    public static final int LENGTH = 29;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static byte[] format(long epochSecond) {
        byte[] bytes = IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != LENGTH) {
            throw new IllegalStateException("unexpected date length: " + new String(bytes, StandardCharsets.US_ASCII));
        }
        return bytes;
    }
}
