package io.roomwatch.config;

import java.util.Objects;

/**
 * Logging settings.
 *
 * @param format {@link LogFormat#TEXT} (default) or {@link LogFormat#JSON}
 */
public record LogConfig(LogFormat format) {

    public LogConfig {
        Objects.requireNonNull(format, "format");
    }

    /** Text lines. */
    public static LogConfig defaults() {
        return new LogConfig(LogFormat.TEXT);
    }
}
