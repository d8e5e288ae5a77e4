package dev.ringload.cli;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * {@code --start-at TIME}: the wall-clock instant at which every shard of a run starts measuring, as an ISO-8601
 * instant ({@code 2026-11-30T14:00:00Z}, or with an offset) or Unix seconds ({@code 1796047200}, or fractional).
 */
final class StartAt {

    private StartAt() {
    }

    /**
     * The instant {@code text} names, which must lie after {@code now}: a time already past would measure the shards
     * from different moments, which is what the option is there to prevent.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    static Instant parse(String text, Instant now) {
        Instant at = instant(text.strip());
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException("--start-at " + text + " is " + seconds(Duration.between(at, now))
                    + " s in the past; give a time far enough ahead for every shard to start and warm up");
        }
        return at;
    }

    private static Instant instant(String text) {
        try {
            if (text.matches("\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(text);
                BigDecimal whole = new BigDecimal(seconds.toBigInteger());
                long nanos = seconds.subtract(whole).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | ArithmeticException e) { // DateTimeParseException included
            throw new IllegalArgumentException("--start-at must be an ISO-8601 instant (2026-11-30T14:00:00Z) or "
                    + "Unix seconds, got '" + text + "'");
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
