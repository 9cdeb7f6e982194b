package io.roomwatch.config;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link ConfigLoader#validate}: what {@code roomwatch validate} prints.
 *
 * @param problems one line per problem (see {@link ConfigException#problems()}); empty when the file is valid
 * @param summary {@link RoomwatchConfig#summary()} of a valid file, empty otherwise; never contains a secret
 */
public record ConfigValidation(List<String> problems, String summary) {

    public ConfigValidation {
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether there are no problems. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
