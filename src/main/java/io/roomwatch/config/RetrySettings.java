package io.roomwatch.config;

import java.time.Duration;

/**
 * How one vendor call is retried. Rejections are never retried.
 *
 * @param maxThrottledRetries retries after a throttled answer (Volcengine {@code FlowLimitExceeded*}/HTTP 429,
 *     Tencent 60007...); default 5, 0 to 20
 * @param throttledWait first wait after a throttled answer, doubled per further throttled answer up to {@code
 *     maxBackoff}; default 1 s
 * @param maxTransientRetries retries after a transient failure (5xx, timeout, reset, malformed body); default 3, 0
 *     to 10
 * @param firstBackoff first wait after a transient failure, doubled per retry; default 200 ms
 * @param maxBackoff the longest single wait; default 10 s, at least {@code firstBackoff} and {@code throttledWait}
 * @param jitter random spread of each wait, as a fraction of it (0 to 1); default 0.5
 */
public record RetrySettings(
        int maxThrottledRetries,
        Duration throttledWait,
        int maxTransientRetries,
        Duration firstBackoff,
        Duration maxBackoff,
        double jitter) {

    public RetrySettings {
        Checks.requireRange(maxThrottledRetries, 0, 20, "maxThrottledRetries");
        Checks.requirePositive(throttledWait, "throttledWait");
        Checks.requireRange(maxTransientRetries, 0, 10, "maxTransientRetries");
        Checks.requirePositive(firstBackoff, "firstBackoff");
        Checks.requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(firstBackoff) < 0 || maxBackoff.compareTo(throttledWait) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= firstBackoff and >= throttledWait");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
    }

    /** 5 throttled retries from 1 s, 3 transient retries from 200 ms, waits up to 10 s, jitter 0.5. */
    public static RetrySettings defaults() {
        return new RetrySettings(5, Duration.ofSeconds(1), 3, Duration.ofMillis(200), Duration.ofSeconds(10), 0.5);
    }

    public RetrySettings withMaxThrottledRetries(int value) {
        return new RetrySettings(value, throttledWait, maxTransientRetries, firstBackoff, maxBackoff, jitter);
    }

    public RetrySettings withThrottledWait(Duration value) {
        return new RetrySettings(maxThrottledRetries, value, maxTransientRetries, firstBackoff, maxBackoff, jitter);
    }

    public RetrySettings withMaxTransientRetries(int value) {
        return new RetrySettings(maxThrottledRetries, throttledWait, value, firstBackoff, maxBackoff, jitter);
    }

    public RetrySettings withFirstBackoff(Duration value) {
        return new RetrySettings(maxThrottledRetries, throttledWait, maxTransientRetries, value, maxBackoff, jitter);
    }

    public RetrySettings withMaxBackoff(Duration value) {
        return new RetrySettings(maxThrottledRetries, throttledWait, maxTransientRetries, firstBackoff, value, jitter);
    }

    public RetrySettings withJitter(double value) {
        return new RetrySettings(
                maxThrottledRetries, throttledWait, maxTransientRetries, firstBackoff, maxBackoff, value);
    }
}
