package dev.ringload.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --rate}: {@code R} requests per second, or {@code A:B} for a linear ramp from A to B; each a number
 * with an optional {@code k} or {@code M} suffix ({@code 50k} = 50,000).
 */
final class RateConverter implements CommandLine.ITypeConverter<RateConverter.Rate> {

    /** The parsed rate, requests per second at the start and at the end of the measured duration. */
    record Rate(double from, double to) {
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE]\\d+)?)([kKmM]?)");

    static Rate parse(String text) {
        String[] ends = text.trim().split(":", -1);
        if (ends.length > 2) {
            throw bad(text);
        }
        double from = perSecond(ends[0], text);
        double to = ends.length == 2 ? perSecond(ends[1], text) : from;
        return new Rate(from, to);
    }

    private static double perSecond(String end, String text) {
        Matcher m = NUMBER.matcher(end.trim());
        if (!m.matches()) {
            throw bad(text);
        }
        double value = Double.parseDouble(m.group(1)) * switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            default -> 1;
        };
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CommandLine.TypeConversionException(
                    "--rate must be more than 0 requests per second, got '" + text + "'");
        }
        return value;
    }

    private static CommandLine.TypeConversionException bad(String text) {
        return new CommandLine.TypeConversionException("'" + text
                + "' is not a rate: give requests per second, e.g. 20000, 50k, or 1k:100k to ramp over the duration");
    }

    @Override
    public Rate convert(String value) {
        return parse(value);
    }
}
