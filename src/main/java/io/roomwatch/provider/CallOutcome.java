package io.roomwatch.provider;

import java.util.Locale;

/** How one attempt of a vendor call ended, for metrics. Retries are attempts of their own. */
public enum CallOutcome {
    /** The vendor answered (a "room gone" answer included). */
    OK,
    /** The vendor said "too many requests". */
    THROTTLED,
    /** A 5xx, a timeout, a reset or an unreadable body. */
    UNAVAILABLE,
    /** The vendor refused the call for good (credentials, clock skew, parameters). */
    REJECTED;

    /** The outcome of an attempt that failed with {@code error}. */
    public static CallOutcome of(Throwable error) {
        if (error instanceof VendorThrottled) {
            return THROTTLED;
        }
        return error instanceof VendorRejected ? REJECTED : UNAVAILABLE;
    }

    /** The metric tag value: {@code ok}, {@code throttled}, {@code unavailable}, {@code rejected}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
