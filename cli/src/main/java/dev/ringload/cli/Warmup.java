package dev.ringload.cli;

import dev.ringload.engine.load.LoadConfig;
import picocli.CommandLine;

import java.time.Duration;

/**
 * {@code --warmup}: a fixed duration, {@code 0} for none, or {@code auto}: until the client is warm
 * ({@code WarmupSettle}: its JIT has gone quiet and the rate stopped climbing), at least 1 s and at most
 * {@link #AUTO_MAX}. Auto is the default for a timed run: without it the first seconds measure ringload's own
 * compiler as much as the server.
 */
record Warmup(boolean auto, Duration duration) {

    static final Duration AUTO_MAX = Duration.ofSeconds(5);
    static final Warmup AUTO = new Warmup(true, AUTO_MAX);
    static final Warmup NONE = new Warmup(false, Duration.ZERO);

    /** Sets this warmup on {@code builder}. */
    LoadConfig.Builder applyTo(LoadConfig.Builder builder) {
        return auto ? builder.warmupAuto(duration.toNanos()) : builder.warmupNs(duration.toNanos());
    }

    static final class Converter implements CommandLine.ITypeConverter<Warmup> {
        @Override
        public Warmup convert(String value) {
            if (value.trim().equalsIgnoreCase("auto")) {
                return AUTO;
            }
            try {
                Duration d = DurationConverter.parse(value);
                return d.isZero() ? NONE : new Warmup(false, d);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a warmup: use auto, 0, or a duration (500ms, 2s)");
            }
        }
    }
}
