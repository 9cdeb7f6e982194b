package io.roomwatch.emulator.http;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.CallCounts;
import io.roomwatch.emulator.RateLimits;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import reactor.core.scheduler.Scheduler;

/**
 * Sliding one-second windows per (API, app) on the emulator clock. A call at {@code t} is served when fewer than
 * the limit were served in {@code (t - 1000 ms, t]}. Throttled calls are not recorded: they cost the vendor nothing
 * and a client retrying at the limit would otherwise never get through. Thread-safe (synchronized, O(limit)).
 */
final class RateLimiter {

    private final RateLimits limits;
    private final Scheduler clock;
    private final Map<String, ArrayDeque<Long>> served = new HashMap<>();
    private final Map<Api, long[]> counts = new EnumMap<>(Api.class); // {served, throttled}, all apps

    RateLimiter(RateLimits limits, Scheduler clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** True if the call may be served (and is then counted), false if it must be throttled. */
    synchronized boolean tryAcquire(Api api, String app) {
        boolean admitted = admit(api, app);
        counts.computeIfAbsent(api, a -> new long[2])[admitted ? 0 : 1]++;
        return admitted;
    }

    /** Calls of {@code api} (all apps) served and throttled since the start. */
    synchronized CallCounts counts(Api api) {
        long[] c = counts.getOrDefault(api, new long[2]);
        return new CallCounts(api, c[0], c[1]);
    }

    private boolean admit(Api api, String app) {
        if (!limits.enabled()) {
            return true;
        }
        long now = clock.now(MILLISECONDS);
        ArrayDeque<Long> window = served.computeIfAbsent(api.name() + "|" + app, k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1000) {
            window.removeFirst();
        }
        if (window.size() >= limits.limitOf(api)) {
            return false;
        }
        window.addLast(now);
        return true;
    }
}
