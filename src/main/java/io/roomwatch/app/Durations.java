package io.roomwatch.app;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 90s}, {@code 5m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT90S} on the command line. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // fall through to the one clear message below
        }
        throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration; use e.g. 90s, 5m, 2h, 500ms or PT90S");
    }
}
