package io.roomwatch.app;

import io.roomwatch.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Command-line durations, in the same forms as the configuration file ({@link Durations}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = Durations.parse(value);
        if (duration == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; " + Durations.EXPECTED);
        }
        return duration;
    }
}
