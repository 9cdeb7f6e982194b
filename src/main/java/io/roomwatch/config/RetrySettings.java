package io.roomwatch.config;

import java.time.Duration;
import java.util.Map;

/**
 * How one vendor call is retried; rejections never are. Each setting is declared on its component ({@link Setting});
 * {@code docs/configuration.md} lists them.
 */
public record RetrySettings(
        @Setting(
                        value = "5",
                        min = "0",
                        max = "20",
                        doc = "Retries after a throttled answer (Volcengine `FlowLimitExceeded*`/HTTP 429, Tencent"
                                + " 60007, ...).")
                int maxThrottledRetries,
        @Setting(
                        value = "1s",
                        min = ">0",
                        doc = "First wait after a throttled answer, doubled per further one up to `maxBackoff`.")
                Duration throttledWait,
        @Setting(
                        value = "3",
                        min = "0",
                        max = "10",
                        doc = "Retries after a transient failure (5xx, timeout, reset, malformed body).")
                int maxTransientRetries,
        @Setting(value = "200ms", min = ">0", doc = "First wait after a transient failure, doubled per retry.")
                Duration firstBackoff,
        @Setting(
                        value = "10s",
                        min = ">0",
                        doc = "The longest single wait; at least `firstBackoff` and `throttledWait`.")
                Duration maxBackoff,
        @Setting(value = "0.5", min = "0", max = "1", doc = "Random spread of each wait, as a fraction of it.")
                double jitter) {

    public RetrySettings {
        Settings.check(
                RetrySettings.class,
                maxThrottledRetries,
                throttledWait,
                maxTransientRetries,
                firstBackoff,
                maxBackoff,
                jitter);
        if (maxBackoff.compareTo(firstBackoff) < 0 || maxBackoff.compareTo(throttledWait) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= firstBackoff and >= throttledWait");
        }
    }

    /** 5 throttled retries from 1 s, 3 transient retries from 200 ms, waits up to 10 s, jitter 0.5. */
    public static RetrySettings defaults() {
        return Settings.of(RetrySettings.class).build(Map.of(), Map.of());
    }

    public RetrySettings withMaxThrottledRetries(int value) {
        return Settings.with(this, "maxThrottledRetries", value);
    }

    public RetrySettings withThrottledWait(Duration value) {
        return Settings.with(this, "throttledWait", value);
    }

    public RetrySettings withMaxTransientRetries(int value) {
        return Settings.with(this, "maxTransientRetries", value);
    }

    public RetrySettings withFirstBackoff(Duration value) {
        return Settings.with(this, "firstBackoff", value);
    }

    public RetrySettings withMaxBackoff(Duration value) {
        return Settings.with(this, "maxBackoff", value);
    }
}
