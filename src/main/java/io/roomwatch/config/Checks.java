package io.roomwatch.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the configuration records; every message names the field. */
final class Checks {

    private Checks() {}

    static String requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static Duration requirePositive(@Nullable Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    static int requireRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** A QPS budget: at least 1, at most the vendor's documented limit for that API. */
    static int requireQps(int value, int documented, String name) {
        if (value > documented) {
            throw new IllegalArgumentException(
                    name + ": " + value + " is above the documented limit of " + documented + "/s");
        }
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be at least 1 request per second, was " + value);
        }
        return value;
    }

    static @Nullable URI requireHttpUrl(@Nullable URI url, String name) {
        if (url == null) {
            return null;
        }
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL, was " + url);
        }
        return url;
    }
}
