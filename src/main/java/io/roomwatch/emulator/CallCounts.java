package io.roomwatch.emulator;

/**
 * How many calls of one API (all apps) the rate limiter let through and how many it throttled, since the emulator
 * started. Served calls include those a fault then answered.
 *
 * @param api the API
 * @param served calls admitted by the rate limiter
 * @param throttled calls answered with the vendor's throttle reply by the rate limiter (injected throttle faults
 *     are not counted here)
 */
public record CallCounts(Api api, long served, long throttled) {}
