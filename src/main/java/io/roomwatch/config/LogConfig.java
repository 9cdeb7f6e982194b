package io.roomwatch.config;

import java.util.Map;

/** Logging settings, declared on the components ({@link Setting}); {@code docs/configuration.md} lists them. */
public record LogConfig(
        @Setting(
                        value = "text",
                        doc = "`text`: one human-readable line per event; `json`: one JSON object per line, for log"
                                + " shippers.")
                LogFormat format) {

    public LogConfig {
        Settings.check(LogConfig.class, format);
    }

    /** Text lines. */
    public static LogConfig defaults() {
        return Settings.of(LogConfig.class).build(Map.of(), Map.of());
    }
}
