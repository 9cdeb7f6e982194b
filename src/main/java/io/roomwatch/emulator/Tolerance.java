package io.roomwatch.emulator;

import java.util.Set;

/**
 * Options for vendor facts the vendors' public pages leave open or contradict (UNCONFIRMED), with the defaults the
 * emulator assumes.
 *
 * @param createTimeKey JSON key of a {@code ListRoomInfo} item's creation time: {@code CreateTime} (doc example,
 *     default) or {@code CreatedTime} (official Go SDK models)
 * @param clockSkewSeconds how far {@code X-Date} may be from the emulator clock, default 900
 * @param invalidTimestampStatus HTTP status of {@code InvalidTimestamp}: 400 (common error page, default) or 403
 * @param regions regions accepted in the credential scope, default {@code cn-north-1}
 * @param service service expected in the credential scope, default {@code rtc}
 * @param businessErrorStatus HTTP status of Volcengine {@code InvalidParameter.*} answers, default 400
 */
public record Tolerance(
        String createTimeKey,
        long clockSkewSeconds,
        int invalidTimestampStatus,
        Set<String> regions,
        String service,
        int businessErrorStatus) {

    public Tolerance {
        if (!createTimeKey.equals("CreateTime") && !createTimeKey.equals("CreatedTime")) {
            throw new IllegalArgumentException("createTimeKey must be CreateTime or CreatedTime, was " + createTimeKey);
        }
        ArgumentChecks.notNegative(clockSkewSeconds, "clockSkewSeconds");
        regions = Set.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("regions must not be empty");
        }
        ArgumentChecks.notBlank(service, "service");
    }

    /** {@code CreateTime}, ±900 s, 400, {@code cn-north-1}, {@code rtc}, 400. */
    public static Tolerance defaults() {
        return new Tolerance("CreateTime", 900, 400, Set.of("cn-north-1"), "rtc", 400);
    }

    /** A copy that spells the creation time {@code key}. */
    public Tolerance withCreateTimeKey(String key) {
        return new Tolerance(key, clockSkewSeconds, invalidTimestampStatus, regions, service, businessErrorStatus);
    }

    /** A copy with another skew window. */
    public Tolerance withClockSkewSeconds(long seconds) {
        return new Tolerance(createTimeKey, seconds, invalidTimestampStatus, regions, service, businessErrorStatus);
    }

    /** A copy answering {@code InvalidTimestamp} with {@code status}. */
    public Tolerance withInvalidTimestampStatus(int status) {
        return new Tolerance(createTimeKey, clockSkewSeconds, status, regions, service, businessErrorStatus);
    }

    /** A copy accepting these scope regions. */
    public Tolerance withRegions(Set<String> regions) {
        return new Tolerance(
                createTimeKey, clockSkewSeconds, invalidTimestampStatus, regions, service, businessErrorStatus);
    }
}
