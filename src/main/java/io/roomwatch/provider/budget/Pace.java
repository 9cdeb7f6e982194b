package io.roomwatch.provider.budget;

import java.util.concurrent.TimeUnit;

/**
 * The spacing rule and the rate it follows: slots are reserved at least {@code 1 s / rate} apart (Reactor-native
 * spacing, style.md §2.9). The rate is the limit until the vendor throttles; then it is halved (at most once per
 * second, down to {@code limit / 16}), and each further second without a throttled answer adds back a tenth of the
 * limit (at least one permit per second), up to the limit: additive increase, multiplicative decrease. Times are
 * timer nanoseconds. Not thread-safe: guarded by its budget's lock.
 */
final class Pace {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int limit;
    private final double floor;
    private final double recoveryPerSecond;
    private double rateAtThrottle;
    private long throttledAt = Long.MIN_VALUE;
    private long nextFree = Long.MIN_VALUE;

    Pace(int limit) {
        this.limit = limit;
        this.floor = limit / 16.0;
        this.recoveryPerSecond = Math.max(1.0, limit / 10.0);
        this.rateAtThrottle = limit;
    }

    /** The slot of a permit reserved at {@code now}: the first free one, and the next one a spacing later. */
    long takeSlot(long now) {
        long start = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
        nextFree = start + spacing(rateAt(start));
        return start;
    }

    /**
     * A throttled answer came at {@code now}: halves the rate, and the next slot is a spacing at the new rate from
     * now. False (nothing changes) within a second of the last halving: answers to requests sent before it say
     * nothing new.
     */
    boolean halve(long now) {
        if (throttledAt != Long.MIN_VALUE && now - throttledAt < SECOND) {
            return false;
        }
        rateAtThrottle = Math.max(floor, rateAt(now) / 2);
        throttledAt = now;
        nextFree = now + spacing(rateAtThrottle);
        return true;
    }

    /** The rate at {@code now}, in requests per second. */
    double rateAt(long now) {
        if (throttledAt == Long.MIN_VALUE) {
            return limit;
        }
        long cleanSeconds = Math.max(0, (now - throttledAt) / SECOND);
        return Math.min(limit, rateAtThrottle + cleanSeconds * recoveryPerSecond);
    }

    private static long spacing(double rate) {
        return (long) Math.ceil(SECOND / rate);
    }
}
