package io.roomwatch.emulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Per-API rate limits, enforced per (API, app) over a sliding one-second window on the emulator's clock.
 * A throttled call is not counted as served, so a client that keeps retrying at the limit is not locked out forever.
 *
 * @param enabled false serves every call
 * @param perSecond calls per second per app; an API missing from the map uses {@link Api#documentedPerSecond()}
 */
public record RateLimits(boolean enabled, Map<Api, Integer> perSecond) {

    public RateLimits {
        perSecond = Map.copyOf(perSecond);
        perSecond.forEach((api, limit) -> ArgumentChecks.positive(limit, "rate limit of " + api));
    }

    /** The documented limits: 60, 40, 10, 200, 200, 200, 200 per second. */
    public static RateLimits documented() {
        return new RateLimits(true, Map.of());
    }

    /** No limits at all. */
    public static RateLimits disabled() {
        return new RateLimits(false, Map.of());
    }

    /** A copy with one API's limit replaced. */
    public RateLimits withLimit(Api api, int callsPerSecond) {
        Map<Api, Integer> copy = new EnumMap<>(Api.class);
        copy.putAll(perSecond);
        copy.put(api, callsPerSecond);
        return new RateLimits(enabled, copy);
    }

    /** A copy switched on or off. */
    public RateLimits withEnabled(boolean enabled) {
        return new RateLimits(enabled, perSecond);
    }

    /** The limit of {@code api}: configured, or else documented. */
    public int limitOf(Api api) {
        return perSecond.getOrDefault(api, api.documentedPerSecond());
    }
}
